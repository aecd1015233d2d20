package org.animfr.animabot.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleLineTest {

    @Test
    void aNameBeforeAColonSpeaksAsThatPerson() {
        assertThat(ConsoleLine.parse("Camille: admin recharger", "invité"))
                .isEqualTo(new ConsoleLine("Camille", "admin recharger"));
        assertThat(ConsoleLine.parse("Marie-Anne Le Goff: bonjour", "invité").speaker()).isEqualTo("Marie-Anne Le Goff");
    }

    @Test
    void aLineWithoutANameSpeaksAsTheDefaultSpeaker() {
        assertThat(ConsoleLine.parse("quand est le prochain regroupement ?", "invité"))
                .isEqualTo(new ConsoleLine("invité", "quand est le prochain regroupement ?"));
    }

    @Test
    void aLinkIsNotTakenForASpeaker() {
        assertThat(ConsoleLine.parse("https://example.org: c'est quoi ?", "invité").speaker()).isEqualTo("invité");
    }

    @Test
    void aLongSentenceWithAColonIsNotTakenForASpeaker() {
        String line = "je voudrais savoir une chose importante pour demain matin: quand ?";

        assertThat(ConsoleLine.parse(line, "invité").speaker()).isEqualTo("invité");
    }
}
