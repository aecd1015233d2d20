package org.animfr.animabot.core.chat.spi;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AnsweredMessages} that forgets on restart: for tests, and for an adapter run without a database. */
public final class InMemoryAnsweredMessages implements AnsweredMessages {
    private final Map<String, Instant> answered = new ConcurrentHashMap<>();

    @Override
    public boolean isAnswered(String platform, String messageId) {
        return answered.containsKey(key(platform, messageId));
    }

    @Override
    public void markAnswered(String platform, String messageId, Instant at) {
        answered.putIfAbsent(key(platform, messageId), at);
    }

    @Override
    public int forgetBefore(Instant instant) {
        int before = answered.size();
        answered.values().removeIf(at -> at.isBefore(instant));
        return before - answered.size();
    }

    private static String key(String platform, String messageId) {
        return platform + '\n' + messageId;
    }
}
