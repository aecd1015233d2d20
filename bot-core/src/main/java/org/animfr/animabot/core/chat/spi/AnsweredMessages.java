package org.animfr.animabot.core.chat.spi;

import java.time.Instant;

/**
 * The messages an adapter has answered, kept across restarts: a platform that delivers a message again after a crash
 * (a Matrix sync resumed from the last token known to be safe) finds it answered and does not answer it twice.
 * Implementations are durable (a mark written is there after a crash) and thread-safe.
 */
public interface AnsweredMessages {

    /** True when the message was marked answered and not forgotten since. */
    boolean isAnswered(String platform, String messageId);

    /** Marks the message answered, at the instant given; marking it again changes nothing. */
    void markAnswered(String platform, String messageId, Instant at);

    /**
     * Forgets the marks made before the instant, once no platform can deliver those messages again.
     *
     * @return how many were forgotten
     */
    int forgetBefore(Instant instant);
}
