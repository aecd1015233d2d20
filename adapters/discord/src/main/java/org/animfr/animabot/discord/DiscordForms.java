package org.animfr.animabot.discord;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Form;
import org.animfr.animabot.core.chat.spi.TextSanitizer;

/**
 * The core's forms as Discord modals, and the way back: a modal's id carries the command and parameter its one
 * paragraph field fills ({@code anim-form:project:description}), so that its submission becomes that command, by
 * language-neutral keys. Stateless.
 */
final class DiscordForms {
    /** Modal ids carry {@code <command>:<parameter>} after this prefix. */
    static final String PREFIX = "anim-form:";

    private DiscordForms() {}

    /** Where a submitted modal's value goes: the command and its parameter, by their keys. */
    record Target(String command, String parameter) {
        CommandCall call(String value) {
            return new CommandCall(command, Map.of(parameter, value));
        }
    }

    /**
     * The modal that asks for the form's text: its title, one required paragraph field with the label, at most the
     * form's length (and Discord's 4,000), prefilled with the current value when there is one and it fits. Empty when
     * the keys make an id too long for Discord (100 characters), so the caller shows the reply's text instead.
     */
    static Optional<Modal> modal(Form form) {
        String id = id(form.command(), form.parameter());
        if (id.length() > Modal.MAX_ID_LENGTH || form.parameter().length() > TextInput.MAX_ID_LENGTH) {
            return Optional.empty();
        }
        int maxLength = Math.min(form.maxLength(), TextInput.MAX_VALUE_LENGTH);
        TextInput.Builder input = TextInput.create(form.parameter(), TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMaxLength(maxLength);
        String value = form.value().strip();
        if (!value.isEmpty() && value.length() <= maxLength) {
            input.setValue(value);
        }
        return Optional.of(Modal.create(id, truncate(form.title(), Modal.MAX_TITLE_LENGTH))
                .addComponents(Label.of(truncate(form.label(), Label.LABEL_MAX_LENGTH), input.build()))
                .build());
    }

    /** The target a modal id stands for; empty for an id this adapter did not make. */
    static Optional<Target> target(String modalId) {
        if (modalId == null || !modalId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] keys = modalId.substring(PREFIX.length()).split(":", -1);
        if (keys.length != 2) {
            return Optional.empty();
        }
        try {
            // a call with both keys checks that each is a key
            new CommandCall(keys[0], Map.of(keys[1], ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Target(keys[0], keys[1]));
    }

    /** The command a submitted modal stands for, with the value typed (empty when the field came back without one). */
    static Optional<CommandCall> call(String modalId, Function<String, String> valueOf) {
        return target(modalId).map(target -> {
            String value = valueOf.apply(target.parameter());
            return target.call(value == null ? "" : value);
        });
    }

    static String id(String command, String parameter) {
        return PREFIX + command + ":" + parameter;
    }

    private static String truncate(String text, int max) {
        String clean = TextSanitizer.clean(text);
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
