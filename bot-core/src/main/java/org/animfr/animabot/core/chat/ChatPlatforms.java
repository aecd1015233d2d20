package org.animfr.animabot.core.chat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platforms that are running, by name, so that a use case can post to a conversation on any of them. Platforms
 * join it when they start; the core's services are built before, so they hold this and never a platform itself.
 * Thread-safe.
 */
public final class ChatPlatforms {
    private final Map<String, ChatPlatform> byName = new ConcurrentHashMap<>();
    private final List<ChatPlatform> inOrder = new CopyOnWriteArrayList<>();

    public ChatPlatforms() {}

    public ChatPlatforms(List<ChatPlatform> platforms) {
        platforms.forEach(this::add);
    }

    /** Adds a platform; its name must be new. */
    public void add(ChatPlatform platform) {
        if (byName.putIfAbsent(platform.name(), platform) != null) {
            throw new IllegalArgumentException("Two platforms named " + platform.name());
        }
        inOrder.add(platform);
    }

    /** Every platform, in the order they were added. */
    public List<ChatPlatform> all() {
        return List.copyOf(inOrder);
    }

    /**
     * Posts to a conversation on its platform; fails with {@link DeliveryException#elsewhere} if that platform does
     * not run here (another instance of the bot may run it).
     */
    public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
        ChatPlatform platform = byName.get(conversation.platform());
        if (platform == null) {
            return notRunning(conversation.platform());
        }
        return safely(() -> platform.post(conversation, message));
    }

    /** Whether the platform of that name runs here. */
    public boolean runs(String platform) {
        return byName.containsKey(platform);
    }

    /** Whether the conversation's platform runs here and reaches it (see {@link ChatPlatform#reaches}). */
    public boolean reaches(ConversationRef conversation) {
        ChatPlatform platform = byName.get(conversation.platform());
        return platform != null && platform.reaches(conversation);
    }

    /** Sends a direct message on the person's platform. */
    public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
        ChatPlatform platform = byName.get(person.platform());
        if (platform == null) {
            return notRunning(person.platform());
        }
        return safely(() -> platform.sendDirect(person, message));
    }

    private static CompletionStage<Void> notRunning(String platform) {
        return CompletableFuture.failedFuture(DeliveryException.elsewhere("Platform " + platform
                + " does not run in this instance"));
    }

    /** A platform that throws instead of failing its stage still gives a failed stage. */
    private static CompletionStage<Void> safely(java.util.function.Supplier<CompletionStage<Void>> delivery) {
        try {
            return delivery.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof DeliveryException ? e
                    : new DeliveryException(e.getMessage() == null ? e.toString() : e.getMessage(), e));
        }
    }
}
