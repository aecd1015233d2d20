package org.animfr.animabot.core.chat.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What is removed from texts before a platform shows them, and what is kept. */
class TextSanitizerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "\u200B", // zero-width space
        "\u200D", // zero-width joiner
        "\u202E", // right-to-left override
        "\u2066", // left-to-right isolate
        "\uFEFF", // byte-order mark
        "\u0007", // bell
        "\u001b", // escape
        "\r", // carriage return
        "\u0000"
    })
    void anInvisibleOrControlCharacterIsRemoved(String invisible) {
        assertThat(TextSanitizer.clean("ani" + invisible + "ma" + invisible + "bot")).isEqualTo("animabot");
    }

    @Test
    void aTerminalEscapeSequenceLosesItsEscape() {
        assertThat(TextSanitizer.clean("\u001b[31mrouge\u001b[0m")).isEqualTo("[31mrouge[0m");
    }

    @Test
    void lineFeedsAndTabsAreKept() {
        assertThat(TextSanitizer.clean("un\ndeux\tt rois")).isEqualTo("un\ndeux\tt rois");
    }

    @Test
    void accentedLettersLigaturesAndEmojiAreKept() {
        String text = "Cœur de Loire : l’été à Saumur, ça démarre ! 🎉 👍🏽 ❤️ « Æsop » Straße";

        assertThat(TextSanitizer.clean(text)).isEqualTo(text);
    }

    @Test
    void anEmojiMadeOfSeveralJoinedEmojiIsKeptWhole() {
        String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB";
        String rainbowFlag = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08";

        assertThat(TextSanitizer.clean("Bravo " + technologist + " " + rainbowFlag))
                .isEqualTo("Bravo " + technologist + " " + rainbowFlag);
    }

    @Test
    void aDisguisedTextIsShownAsItReallyIs() {
        assertThat(TextSanitizer.clean("inscription\u202Etxt.exe\u202C")).isEqualTo("inscriptiontxt.exe");
    }
}
