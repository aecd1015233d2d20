package org.animfr.animabot.core.chat;

import java.util.concurrent.CompletionStage;

/**
 * One chat platform (console, Discord, Matrix) as the core uses it.
 *
 * <p>Delivery methods may be called from any thread. They return a stage that completes when the platform
 * has accepted the message, or completes exceptionally with a {@link DeliveryException} when it could not be
 * delivered; an adapter retries transient failures (rate limits) itself before giving up.
 */
public interface ChatPlatform {

    /** The platform's name, as used in {@link PersonRef} and {@link ConversationRef}: {@code console}, ... */
    String name();

    /** Starts receiving messages and hands each one to the handler, then sends back its replies. */
    void start(MessageHandler handler);

    /** Replies to a received message, in its thread where the platform has threads. */
    CompletionStage<Void> reply(MessageRef inReplyTo, Reply reply);

    /** Posts a message to a conversation by reference (a room, a channel). */
    CompletionStage<Void> post(ConversationRef conversation, Reply message);

    /** Sends a direct message to a person, opening the direct conversation when needed. */
    CompletionStage<Void> sendDirect(PersonRef person, Reply message);

    /** Stops receiving and releases the platform's resources. Idempotent. */
    void stop();
}
