package org.animfr.animabot.core.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The platforms that are running, by name, so that a feature can post to a conversation on any of them.
 * Thread-safe once built.
 */
public final class ChatPlatforms {
    private final Map<String, ChatPlatform> byName = new LinkedHashMap<>();

    public ChatPlatforms(List<ChatPlatform> platforms) {
        for (ChatPlatform platform : platforms) {
            if (byName.putIfAbsent(platform.name(), platform) != null) {
                throw new IllegalArgumentException("Two platforms named " + platform.name());
            }
        }
    }

    public List<ChatPlatform> all() {
        return List.copyOf(byName.values());
    }

    /** Posts to a conversation on its platform; fails with {@link DeliveryException} if that platform is not running. */
    public CompletionStage<Void> post(ConversationRef conversation, Reply message) {
        ChatPlatform platform = byName.get(conversation.platform());
        if (platform == null) {
            return CompletableFuture.failedFuture(
                    new DeliveryException("Platform " + conversation.platform() + " is not running"));
        }
        return platform.post(conversation, message);
    }

    /** Sends a direct message on the person's platform. */
    public CompletionStage<Void> sendDirect(PersonRef person, Reply message) {
        ChatPlatform platform = byName.get(person.platform());
        if (platform == null) {
            return CompletableFuture.failedFuture(
                    new DeliveryException("Platform " + person.platform() + " is not running"));
        }
        return platform.sendDirect(person, message);
    }
}
