package org.animfr.animabot.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.schedule.RoomPauses;

/** Room pauses kept in memory, for tests of the core. */
public final class InMemoryRoomPauses implements RoomPauses {
    private final Map<ConversationRef, Pause> pauses = new ConcurrentHashMap<>();

    @Override
    public void pause(ConversationRef room, Pause pause) {
        pauses.put(room, pause);
    }

    @Override
    public boolean resume(ConversationRef room) {
        return pauses.remove(room) != null;
    }

    @Override
    public Optional<Pause> pauseOf(ConversationRef room) {
        return Optional.ofNullable(pauses.get(room));
    }
}
