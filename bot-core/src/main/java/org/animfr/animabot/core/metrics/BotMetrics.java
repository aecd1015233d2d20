package org.animfr.animabot.core.metrics;

import java.time.Duration;
import org.animfr.animabot.core.i18n.Language;

/**
 * What the bot does, counted for the people running it (Prometheus, a dashboard): questions and commands answered,
 * how long answers take, the posts sent on its own, introductions. Only bounded, impersonal values are reported:
 * intent and command names, languages, platform names, never a person, a room or a text. Every method is optional
 * ({@link #NONE} counts nothing). Implementations are thread-safe and never throw.
 */
public interface BotMetrics {
    /** Counts nothing. */
    BotMetrics NONE = new BotMetrics() {};

    /** The tag of a question the bot was not sure about. */
    String NOT_SURE = "not_sure";

    /** What became of one attempt to deliver something the bot sends on its own. */
    enum DeliveryOutcome {
        /** The platform took it. */
        SENT,
        /** It failed and is tried again later. */
        RETRIED,
        /** Given up. */
        FAILED
    }

    /** A command ran (its key, {@code gatherings}, whatever the language it was typed in). */
    default void commandRun(String command) {}

    /**
     * A question was answered.
     *
     * @param intent what it was understood to ask ({@code next_gathering}, {@code faq}, {@link #NOT_SURE}, ...)
     * @param language the language of the answer
     */
    default void questionAnswered(String intent, Language language) {}

    /**
     * The answer to a message was ready.
     *
     * @param kind {@code command} or {@code question}
     * @param took from the message's arrival at the dispatcher to its answer
     */
    default void replied(String kind, Duration took) {}

    /** One attempt to deliver a post, a reminder or an introduction on {@code platform}. */
    default void delivery(String platform, DeliveryOutcome outcome) {}

    /** Introductions were made: {@code groups} groups of learners introduced to each other. */
    default void introductionsMade(int groups) {}

    /** A message waited {@code waited} before going out, for the platform's rate limits. */
    default void rateLimitWaited(String platform, Duration waited) {}
}
