package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With a public address, the answers about a session and its gatherings give the calendar to subscribe to. */
class CalendarLinksInAnswersTest {
    private static final String LINK = "https://animabot.example.org/sessions/animacoop-7.ics";

    private final BotFixture reachable = new BotFixture(TestCatalogs.catalog(), TestCatalogs.NOW,
            PublicLinks.at("https://animabot.example.org/"));
    private final BotFixture unreachable = new BotFixture();

    @ParameterizedTest
    @ValueSource(strings = {"regroupements", "/regroupements animacoop-7", "session", "session animacoop 7",
            "c'est quand les regroupements ?", "les dates des regroupements d'animacoop 7 stp",
            "parle moi de la formation", "infos sur animacoop 7"})
    void theSessionAndGatheringsAnswersGiveTheCalendarLink(String asked) {
        String answer = reachable.ask(asked);

        assertThat(answer).contains("Pour suivre Animacoop 7 dans votre agenda (lien d’abonnement) : " + LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gatherings", "when are the gatherings?", "tell me about the training"})
    void inEnglishTooWithTheSameLink(String asked) {
        reachable.ask("langue en");

        assertThat(reachable.ask(asked)).contains("To follow Animacoop 7 in your calendar (subscription link): " + LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"regroupements", "session", "c'est quand les regroupements ?"})
    void withoutAPublicAddressThereIsNoLink(String asked) {
        assertThat(unreachable.ask(asked)).doesNotContain("agenda", ".ics", "http://", "animabot.example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"semaine 3", "inscription", "c'est quand le prochain regroupement ?"})
    void otherAnswersStayShort(String asked) {
        assertThat(reachable.ask(asked)).doesNotContain(".ics");
    }
}
