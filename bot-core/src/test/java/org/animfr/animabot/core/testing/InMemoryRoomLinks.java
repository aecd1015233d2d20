package org.animfr.animabot.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.room.RoomLinks;

/** Room links kept in memory, for tests of the core. */
public final class InMemoryRoomLinks implements RoomLinks {
    private final Map<ConversationRef, String> links = new LinkedHashMap<>();

    @Override
    public synchronized Optional<String> sessionOf(ConversationRef conversation) {
        return Optional.ofNullable(links.get(conversation));
    }

    @Override
    public synchronized void link(ConversationRef conversation, String sessionId) {
        links.remove(conversation);
        links.put(conversation, sessionId);
    }

    @Override
    public synchronized boolean unlink(ConversationRef conversation) {
        return links.remove(conversation) != null;
    }

    @Override
    public synchronized List<ConversationRef> conversationsOf(String sessionId) {
        List<ConversationRef> result = new ArrayList<>();
        links.forEach((conversation, session) -> {
            if (session.equals(sessionId)) {
                result.add(conversation);
            }
        });
        return result;
    }
}
