package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Form;
import org.junit.jupiter.api.Test;

class DiscordFormsTest {
    private static final Form PROJECT = new Form("Votre projet", "Décrivez votre projet en quelques phrases",
            "Un jardin partagé.", 1000, "project", "description");

    @Test
    void aFormBecomesAModalWithOneRequiredParagraphPrefilledWithTheCurrentText() {
        Modal modal = DiscordForms.modal(PROJECT).orElseThrow();

        assertThat(modal.getId()).isEqualTo("anim-form:project:description");
        assertThat(modal.getTitle()).isEqualTo("Votre projet");
        Label label = modal.getComponents().get(0).asLabel();
        assertThat(label.getLabel()).isEqualTo("Décrivez votre projet en quelques phrases");
        TextInput input = label.getChild().asTextInput();
        assertThat(input.getCustomId()).isEqualTo("description");
        assertThat(input.getStyle()).isEqualTo(TextInputStyle.PARAGRAPH);
        assertThat(input.isRequired()).isTrue();
        assertThat(input.getMaxLength()).isEqualTo(1000);
        assertThat(input.getValue()).isEqualTo("Un jardin partagé.");
    }

    @Test
    void withoutCurrentTextTheFieldStartsEmpty() {
        Form empty = new Form("Votre projet", "Décrivez votre projet", "", 1000, "project", "description");

        assertThat(input(DiscordForms.modal(empty).orElseThrow()).getValue()).isNull();
    }

    @Test
    void aCurrentTextLongerThanTheFieldTakesIsNotPrefilledRatherThanCut() {
        Form tooLong = new Form("Votre projet", "Décrivez votre projet", "x".repeat(1001), 1000, "project",
                "description");

        assertThat(input(DiscordForms.modal(tooLong).orElseThrow()).getValue()).isNull();
    }

    @Test
    void titlesAndLabelsAreShortenedToDiscordsLimitsAndLengthsToItsLargestField() {
        Form wordy = new Form("T".repeat(60), "L".repeat(60), "", 10_000, "project", "description");

        Modal modal = DiscordForms.modal(wordy).orElseThrow();

        assertThat(modal.getTitle()).hasSize(45).endsWith("…");
        assertThat(modal.getComponents().get(0).asLabel().getLabel()).hasSize(45).endsWith("…");
        assertThat(input(modal).getMaxLength()).isEqualTo(4000);
    }

    @Test
    void aFormWhoseKeysMakeAnIdLongerThanDiscordTakesIsNotShownAsAModal() {
        Form form = new Form("Titre", "Libellé", "", 100, "c".repeat(90), "description");

        assertThat(DiscordForms.modal(form)).isEmpty();
    }

    @Test
    void theSubmittedModalBecomesItsCommandWithTheTypedTextAsTheParameter() {
        Optional<CommandCall> call = DiscordForms.call("anim-form:project:description",
                id -> id.equals("description") ? "Une web radio de quartier." : null);

        assertThat(call).contains(new CommandCall("project", Map.of("description", "Une web radio de quartier.")));
    }

    @Test
    void theIdOfEveryModalTheAdapterShowsLeadsBackToItsForm() {
        String id = DiscordForms.modal(PROJECT).orElseThrow().getId();

        assertThat(DiscordForms.target(id)).contains(new DiscordForms.Target("project", "description"));
    }

    @Test
    void aFieldThatCameBackWithoutValueGivesAnEmptyText() {
        assertThat(DiscordForms.call("anim-form:project:description", id -> null))
                .contains(new CommandCall("project", Map.of("description", "")));
    }

    @Test
    void idsTheAdapterDidNotMakeAreNotForms() {
        for (String id : new String[] {null, "", "anim:project", "anim-form:", "anim-form:project",
                "anim-form:Project:description", "anim-form:project:description:more", "anim-form:project:",
                "other:project:description"}) {
            assertThat(DiscordForms.target(id)).as(String.valueOf(id)).isEmpty();
        }
    }

    private static TextInput input(Modal modal) {
        return modal.getComponents().get(0).asLabel().getChild().asTextInput();
    }
}
