package org.animfr.animabot.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the core reports to the metrics port while people use it: bounded names, never a person or a text. */
class BotMetricsReportedTest {
    private final Recording metrics = new Recording();
    private final BotFixture fixture = new BotFixture(TestCatalogs.catalog(), TestCatalogs.NOW, metrics);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "c'est quand le prochain regroupement ? | next_gathering | FR",
            "quand est le prochain regroupement svp | next_gathering | FR",
            "when is the next gathering? | next_gathering | EN",
            "la formation est-elle payante ? | faq | FR",
            "bonjour | greeting | FR",
            "blorp zzz wibble | not_sure | FR",
            "c'est quand animacoop 42 ? | unknown_session | FR"})
    void eachQuestionIsCountedByWhatItAskedAndTheAnswersLanguage(String question, String intent, Language l) {
        fixture.ask(question);

        assertThat(metrics.questions).containsExactly(intent + "/" + l);
        assertThat(metrics.replies).containsExactly("question");
        assertThat(metrics.commands).isEmpty();
    }

    @Test
    void commandsAreCountedByTheirKeyWhateverTheLanguageTheyWereTypedIn() {
        fixture.ask("regroupements");
        fixture.ask("gatherings");
        fixture.ask("/semaine 3");

        assertThat(metrics.commands).containsExactly("gatherings", "gatherings", "week");
        assertThat(metrics.replies).containsExactly("command", "command", "command");
        assertThat(metrics.questions).isEmpty();
    }

    @Test
    void eachDeliveryOfAnAnnouncementIsCountedWithItsPlatformAndOutcome() {
        fixture.platform.say("organizer", "salon", "admin relier animacoop-7");
        fixture.platform.say("organizer", "atelier", "admin relier animacoop-7");
        fixture.platform.failing("atelier");

        fixture.platform.say("organizer", "salon", "admin annonce Le regroupement est déplacé à 14 h");

        assertThat(metrics.deliveries).containsExactlyInAnyOrder("test/SENT", "test/RETRIED");
    }

    /** Records what the core reports, as the Micrometer adapter would count it. */
    static final class Recording implements BotMetrics {
        final List<String> questions = new CopyOnWriteArrayList<>();
        final List<String> commands = new CopyOnWriteArrayList<>();
        final List<String> replies = new CopyOnWriteArrayList<>();
        final List<String> deliveries = new CopyOnWriteArrayList<>();

        @Override
        public void commandRun(String command) {
            commands.add(command);
        }

        @Override
        public void questionAnswered(String intent, Language language) {
            questions.add(intent + "/" + language);
        }

        @Override
        public void replied(String kind, Duration took) {
            assertThat(took).isPositive();
            replies.add(kind);
        }

        @Override
        public void delivery(String platform, DeliveryOutcome outcome) {
            deliveries.add(platform + "/" + outcome);
        }
    }
}
