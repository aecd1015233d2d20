package org.animfr.animabot.core.chat;

import java.util.List;

/**
 * The core as a platform sees it: a message comes in, zero or more replies go back to its author.
 * Implementations are thread-safe and never throw: failures become a friendly reply.
 */
@FunctionalInterface
public interface MessageHandler {
    /** Returns the replies to the message, in order; never null. */
    List<Reply> handle(IncomingMessage message);
}
