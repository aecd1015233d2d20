package org.animfr.animabot.core.chat;

import java.util.concurrent.CompletionStage;

/**
 * One chat platform (console, Discord, Matrix) as the core uses it: it hands what people write to a
 * {@link MessageHandler} and sends the answers back on its own; the core posts to conversations and writes to
 * people through it.
 *
 * <p>Delivery methods may be called from any thread and never block. They return a stage that completes when the
 * platform has accepted the message, or completes exceptionally with a {@link DeliveryException} when it could
 * not be delivered ({@link DeliveryException#gone()} when the conversation no longer exists or the bot may no
 * longer write there); an adapter retries rate-limited requests itself before giving up.
 */
public interface ChatPlatform {

    /** The platform's name, as used in {@link PersonRef} and {@link ConversationRef}: {@code console}, ... */
    String name();

    /**
     * Starts receiving messages in the background: each one goes to the handler, and its replies go back to where
     * it was written. Returns at once; connection problems are retried and reported by {@link #status()}.
     */
    void start(MessageHandler handler);

    /**
     * Posts a message to a conversation by reference (a room, a channel), with its idempotency key, and starts a
     * thread on it when asked and the platform has threads.
     */
    CompletionStage<Void> post(ConversationRef conversation, Outgoing message);

    /** Sends a direct message to a person, opening the direct conversation when needed, with its idempotency key. */
    CompletionStage<Void> sendDirect(PersonRef person, Outgoing message);

    /**
     * Whether this instance of the platform can post to the conversation; false for one that another instance
     * reaches (a Discord channel on a shard another instance holds), which then sends it. Cheap: no request.
     */
    default boolean reaches(ConversationRef conversation) {
        return true;
    }

    /** Whether the platform is connected now, and if not, why; never null, cheap, callable from any thread. */
    PlatformStatus status();

    /** Stops receiving and releases the platform's resources. Idempotent. */
    void stop();
}
