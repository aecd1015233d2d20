package org.animfr.animabot.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.metrics.BotMetrics;

/**
 * The core's metrics as Micrometer meters, which {@code /actuator/prometheus} shows: {@code animabot.questions}
 * (by intent and language), {@code animabot.questions.unsure} (by language), {@code animabot.commands} (by command),
 * {@code animabot.replies} (time to an answer, a histogram, by kind), {@code animabot.deliveries} (by platform and
 * outcome), {@code animabot.introductions}, {@code animabot.ratelimit.waits} (by platform). Tags take only the
 * bounded values the core gives: no person, room or text.
 */
final class MicrometerBotMetrics implements BotMetrics {
    private final MeterRegistry registry;

    MicrometerBotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandRun(String command) {
        Counter.builder("animabot.commands").description("Commands run, by command")
                .tag("command", command).register(registry).increment();
    }

    @Override
    public void questionAnswered(String intent, Language language) {
        Counter.builder("animabot.questions").description("Questions answered, by what they asked and language")
                .tag("intent", intent).tag("language", language.code()).register(registry).increment();
        if (BotMetrics.NOT_SURE.equals(intent)) {
            Counter.builder("animabot.questions.unsure").description("Questions the bot was not sure how to answer")
                    .tag("language", language.code()).register(registry).increment();
        }
    }

    @Override
    public void replied(String kind, Duration took) {
        Timer.builder("animabot.replies").description("Time from a message to its answer, by kind")
                .tag("kind", kind).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry).record(took);
    }

    @Override
    public void delivery(String platform, DeliveryOutcome outcome) {
        Counter.builder("animabot.deliveries")
                .description("Attempts to deliver what the bot sends on its own, by platform and outcome")
                .tag("platform", platform).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public void rateLimitWaited(String platform, Duration waited) {
        Timer.builder("animabot.ratelimit.waits").description("Waits of outgoing messages for rate limits")
                .tag("platform", platform).register(registry).record(waited);
    }

    @Override
    public void introductionsMade(int groups) {
        Counter.builder("animabot.introductions").description("Groups of learners introduced to each other")
                .register(registry).increment(groups);
    }
}
