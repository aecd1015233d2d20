package org.animfr.animabot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session whose name has a ligature, "Cœur de Loire": people type it with "œ" or "oe", with spaces or dashes,
 * and the bot must recognise it every way, in commands, questions, room links and suggestions.
 */
class CoeurDeLoireTest {
    private static final String NOT_KNOWN = "Je ne connais pas";

    private final BotFixture fixture = new BotFixture(catalogWithCoeurDeLoire(), TestCatalogs.NOW);

    @ParameterizedTest
    @ValueSource(strings = {"session Cœur-de-Loire", "session coeur-de-loire", "/session cœur de loire"})
    void theSessionCommandFindsItWrittenAsOneWordOrMarkedAsACommand(String typed) {
        String reply = fixture.ask(typed);

        assertThat(reply).contains("Cœur de Loire — Anjou", "Du lundi 2 septembre 2013 au vendredi 20 décembre 2013")
                .doesNotContain(NOT_KNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"session cœur de loire", "session coeur de loire"})
    void theSessionCommandFindsItTypedWithSpaces(String typed) {
        String reply = fixture.ask(typed);

        assertThat(reply).contains("Cœur de Loire — Anjou", "Du lundi 2 septembre 2013 au vendredi 20 décembre 2013")
                .doesNotContain(NOT_KNOWN);
    }

    @Test
    void theGatheringsCommandFindsItWithoutTheLigature() {
        String reply = fixture.ask("regroupements coeur de loire");

        assertThat(reply).contains("Cœur de Loire — les 2 regroupements",
                        "Lancement : jeudi 5 septembre 2013 à 9 h 30, Maison de quartier, Angers")
                .doesNotContain(NOT_KNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quand commence cœur de loire ?", "quand commence coeur de loire ?"})
    void aQuestionAboutItsStartIsAnsweredTypedEitherWay(String question) {
        String reply = fixture.ask(question);

        assertThat(reply).isEqualTo("Cœur de Loire commence le lundi 2 septembre 2013. Dans 301 jours.");
    }

    @Test
    void anOrganizerLinksARoomToItWithoutTheLigature() {
        String reply = fixture.say("organizer", "salon", "admin relier coeur de loire");

        assertThat(reply).contains("relié à Cœur de Loire (coeur-de-loire)");
        assertThat(fixture.links.sessionOf(new ConversationRef("test", "salon"))).contains("coeur-de-loire");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cœur", "coeur", "Cœur de L", "coeur-de"})
    void itIsSuggestedWhileItsNameIsTypedEitherWay(String typed) {
        List<Parameter.Choice> choices = fixture.core.completions().complete(Completion.SESSIONS, typed, Map.of());

        assertThat(choices).extracting(Parameter.Choice::value).containsExactly("coeur-de-loire");
        assertThat(choices).extracting(Parameter.Choice::label).containsExactly("Cœur de Loire (coeur-de-loire)");
    }

    private static Catalog catalogWithCoeurDeLoire() {
        Session coeurDeLoire = new Session("coeur-de-loire", "Cœur de Loire", "Anjou",
                LocalDate.of(2013, 9, 2), LocalDate.of(2013, 12, 20), 90,
                "https://animacoop.example.org/inscription-cdl", List.of("Denise Morin"),
                "Session d’automne en Anjou.",
                List.of(new Gathering(LocalDateTime.of(2013, 9, 5, 9, 30), "Maison de quartier, Angers", "Lancement"),
                        new Gathering(LocalDateTime.of(2013, 12, 12, 14, 0), "Le Chapeau, Saumur", "Clôture")),
                List.of(new Week(1, "Faire connaissance", "Présentez-vous."),
                        new Week(2, "Outils du travail à distance", "Essayez un pad.")));
        Catalog base = TestCatalogs.catalog();
        return new Catalog(base.network(),
                List.of(TestCatalogs.animacoop7(), TestCatalogs.animacoop8(), coeurDeLoire), base.faq());
    }
}
