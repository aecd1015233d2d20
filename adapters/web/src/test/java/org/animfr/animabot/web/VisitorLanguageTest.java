package org.animfr.animabot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.animfr.animabot.core.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VisitorLanguageTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | EN", "en-US | EN", "en-GB,en;q=0.9 | EN", "fr-FR,fr;q=0.9,en;q=0.8 | FR", "fr-CA | FR",
            "de-DE,de;q=0.9,en;q=0.8 | EN", "de,fr;q=0.5,en;q=0.4 | FR", "en;q=0.1,fr;q=0.2 | FR",
            "EN-us | EN", "fr;q=0,en | EN", "es, it | FR"})
    void theFirstOfFrenchAndEnglishTheBrowserAcceptsIsChosen(String header, Language expected) {
        assertThat(VisitorLanguage.of(null, header, Language.FR)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"!!!", "en;q=2", "fr;q=abc", ";;;", "en-", "*", "123"})
    void aMissingOrMalformedHeaderGivesTheNetworksLanguage(String header) {
        assertThat(VisitorLanguage.of(null, header, Language.EN)).isEqualTo(Language.EN);
        assertThat(VisitorLanguage.of(null, header, Language.FR)).isEqualTo(Language.FR);
    }

    @ParameterizedTest
    @ValueSource(ints = {VisitorLanguage.LONGEST_HEADER + 1, 100_000})
    void aHeaderLongerThanAnyBrowsersIsNotParsed(int length) {
        String header = "en," + "x".repeat(length);

        assertThat(VisitorLanguage.of(null, header, Language.FR)).isEqualTo(Language.FR);
    }

    @ParameterizedTest
    @CsvSource({"en, EN", "EN, EN", " fr , FR", "fr, FR"})
    void theLanguagePickedOnThePageWins(String picked, Language expected) {
        assertThat(VisitorLanguage.of(picked, "de", Language.FR)).isEqualTo(expected);
        assertThat(VisitorLanguage.of(picked, expected == Language.FR ? "en" : "fr", Language.FR)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "english", "", "<script>"})
    void anUnknownPickIsIgnored(String picked) {
        assertThat(VisitorLanguage.of(picked, "en", Language.FR)).isEqualTo(Language.EN);
    }
}
