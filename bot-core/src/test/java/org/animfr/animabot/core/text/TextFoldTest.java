package org.animfr.animabot.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one way typed text is compared with known names. */
class TextFoldTest {

    @Test
    void anOeLigatureFoldsToOE() {
        assertThat(TextFold.fold("Cœur de Loire")).isEqualTo("coeur de loire");
    }

    @Test
    void anAeLigatureFoldsToAE() {
        assertThat(TextFold.fold("Æsop")).isEqualTo("aesop");
    }

    @Test
    void aSharpSFoldsToDoubleS() {
        assertThat(TextFold.fold("Straße")).isEqualTo("strasse");
    }

    @Test
    void accentedCapitalsFoldToPlainLowerCase() {
        assertThat(TextFold.fold("ÉTÉ")).isEqualTo("ete");
    }

    @Test
    void accentsTypedAsSeparateMarksFoldLikeAccentedLetters() {
        String decomposed = "e\u0301t\u0065\u0301";

        assertThat(decomposed).isNotEqualTo("été");
        assertThat(TextFold.fold(decomposed)).isEqualTo(TextFold.fold("été")).isEqualTo("ete");
    }

    @Test
    void aTypographicApostropheBecomesAPlainOne() {
        assertThat(TextFold.fold("c’est l’été")).isEqualTo("c'est l'ete");
    }

    @Test
    void spacingAndPunctuationAreKeptByFold() {
        assertThat(TextFold.fold("Cœur-de-Loire,  2013 !")).isEqualTo("coeur-de-loire,  2013 !");
    }

    @Test
    void compactAgreesWhateverTheSpacingCaseAndLigatures() {
        assertThat(TextFold.compact("Cœur-de-Loire"))
                .isEqualTo(TextFold.compact("coeur de loire"))
                .isEqualTo(TextFold.compact("COEURDELOIRE"))
                .isEqualTo("coeurdeloire");
    }
}
