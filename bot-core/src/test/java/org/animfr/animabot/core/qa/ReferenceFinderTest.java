package org.animfr.animabot.core.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** References found in questions, against {@link TestCatalogs#network()} on Monday 5 November 2012. */
class ReferenceFinderTest {
    private static final LocalDate TODAY = LocalDate.of(2012, 11, 5);
    private final Catalog catalog = TestCatalogs.network();
    private final Optional<Session> running = catalog.byId("animacoop-7");
    private final Texting texting = Texting.shipped(List.of());

    private References find(String question) {
        return ReferenceFinder.find(question, catalog, TODAY, running, texting);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            la neuf commence quand ?                     | animacoop-9
            et la n°9 elle finit quand                   | animacoop-9
            animacoop neuf c'est où                      | animacoop-9
            la session précédente a duré combien         | animacoop-6
            et celle d'après ?                           | animacoop-8
            the previous session, who ran it?            | animacoop-6
            celle de l'automne prochain                  | animacoop-9
            la session du printemps 2013                 | animacoop-8
            last spring's session                        | animacoop-6
            la session de Normandie commence quand       | animacoop-8
            celle de Lyon                                | animacoop-9
            the Caen one                                 | animacoop-8
            """)
    void aSessionIsNamedInEveryWayPeopleNameIt(String question, String id) {
        assertThat(find(question).session()).map(Session::id).contains(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            animacoop quatre c'est quand ?  | Animacoop 4
            c'est quand la session 12 ?     | session 12
            """)
    void aSessionTheCatalogDoesNotHoldIsKeptAsTyped(String question, String typed) {
        References references = find(question);

        assertThat(references.session()).isEmpty();
        assertThat(references.unknownSession()).contains(typed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            c'est quand le deuxième regroupement ?   | 2012-11-15T09:30
            le tout premier regroupement             | 2012-10-04T09:30
            when is the last gathering?              | 2012-12-20T14:00
            la clôture c'est où                      | 2012-12-20T14:00
            le regroupement du milieu                | 2012-11-15T09:30
            le lancement d'animacoop 8               | 2013-03-07T09:30
            """)
    void aGatheringIsNamedByItsOrderOrItsRole(String question, String at) {
        assertThat(find(question).gathering()).map(Gathering::at).contains(LocalDateTime.parse(at));
    }

    @Test
    void theEndOfASessionIsNotAGathering() {
        assertThat(find("c'est quand la date de fin ?").gathering()).isEmpty();
        assertThat(find("la clôture des inscriptions c'est quand ?").gathering()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            c'est quand la semaine sur les wikis ?     | 5
            which week is about licenses?              | 7
            la semaine de la gouvernance ouverte       | 11
            """)
    void aWeekIsFoundByItsTheme(String question, int week) {
        References references = find(question);

        assertThat(references.week()).contains(week);
        assertThat(references.weekByTheme()).isTrue();
    }

    @Test
    void wordsOfASessionsNameOrTimeAreTakenOutOfTheText() {
        References references = find("qd commence la neuf dmain ?");

        assertThat(references.rest()).isEqualTo("quand commence ?");
        assertThat(references.time()).map(TimeExpressions.Span::from).contains(TODAY.plusDays(1));
    }
}
