package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

/**
 * The follow-ups under a session's card: a language-neutral call for buttons, and the same command as the person
 * would type it in their language, for platforms without buttons.
 */
class SessionCardFollowUpsTest {
    private static final CommandCall GATHERINGS_OF_ANIMACOOP_7 =
            new CommandCall("gatherings", Map.of("session", "animacoop-7"));

    private final BotFixture fixture = new BotFixture();

    @Test
    void theCardOffersTheGatheringsTheWeekAndRegistering() {
        Reply card = card();

        assertThat(card.title()).isEqualTo("Animacoop 7 — Pays de Brest et Languedoc-Roussillon");
        assertThat(card.followUps()).extracting(Reply.FollowUp::call).containsExactly(
                GATHERINGS_OF_ANIMACOOP_7,
                new CommandCall("week", Map.of("session", "animacoop-7")),
                new CommandCall("register", Map.of("session", "animacoop-7")));
    }

    @Test
    void aFrenchSpeakerIsShownTheFollowUpInFrench() {
        Reply.FollowUp gatherings = card().followUps().get(0);

        assertThat(gatherings.call()).isEqualTo(GATHERINGS_OF_ANIMACOOP_7);
        assertThat(gatherings.label()).isEqualTo("Voir les regroupements");
        assertThat(gatherings.typed()).isEqualTo("regroupements animacoop-7");
    }

    @Test
    void anEnglishSpeakerIsShownTheFollowUpInEnglishWithTheSameCall() {
        fixture.ask("langue en");

        Reply.FollowUp gatherings = card().followUps().get(0);

        assertThat(gatherings.call()).isEqualTo(GATHERINGS_OF_ANIMACOOP_7);
        assertThat(gatherings.label()).isEqualTo("See the gatherings");
        assertThat(gatherings.typed()).isEqualTo("gatherings animacoop-7");
    }

    @Test
    void usingAFollowUpAnswersAsTypingItDoes() {
        for (Reply.FollowUp followUp : card().followUps()) {
            String used = BotFixture.text(fixture.platform.use("learner", "salon", followUp.call(), null));
            String typed = fixture.ask(followUp.typed());

            assertThat(used).as(followUp.typed()).isEqualTo(typed).isNotBlank()
                    .doesNotContain("Je ne connais pas", "Je ne suis pas sûr");
        }
    }

    @Test
    void usingAFollowUpAnswersAsTypingItDoesInEnglish() {
        fixture.ask("langue en");

        for (Reply.FollowUp followUp : card().followUps()) {
            String used = BotFixture.text(fixture.platform.use("learner", "salon", followUp.call(), null));
            String typed = fixture.ask(followUp.typed());

            assertThat(used).as(followUp.typed()).isEqualTo(typed).doesNotContain("I’m not sure");
        }
        assertThat(fixture.ask("gatherings animacoop-7")).startsWith("The 3 gatherings of Animacoop 7:");
    }

    @Test
    void anEndedSessionOffersNoRegistering() {
        BotFixture later = new BotFixture(TestCatalogs.catalog(), "2013-01-15T10:00:00+01:00");

        List<Reply> replies = later.platform.say("learner", "salon", "session animacoop-7");

        assertThat(replies).singleElement().satisfies(card -> assertThat(card.followUps())
                .extracting(f -> f.call().command()).containsExactly("gatherings", "week"));
    }

    private Reply card() {
        List<Reply> replies = fixture.platform.say("learner", "salon", "session animacoop-7");
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }
}
