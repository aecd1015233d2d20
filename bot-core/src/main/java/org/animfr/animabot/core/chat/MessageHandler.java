package org.animfr.animabot.core.chat;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The core as a platform sees it: a message comes in, zero or more replies go back to where it was written.
 *
 * <p>Implementations are thread-safe, return quickly and never fail: a failure becomes a friendly reply in the
 * person's language. Most answers are ready when the stage is returned; those that take long (an announcement
 * waiting for its deliveries) complete later, off the caller's thread, and are meant for the asker only
 * ({@link Reply.Visibility#PERSONAL}), so a platform that must acknowledge at once may do so privately.
 */
@FunctionalInterface
public interface MessageHandler {
    /** The replies to the message, in order; the list is never null. */
    CompletionStage<List<Reply>> handle(IncomingMessage message);
}
