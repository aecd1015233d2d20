package org.animfr.animabot.matrix;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bot's direct chats: read from its {@code m.direct} account data at start, then learnt from invitations marked
 * {@code is_direct} and from the rooms it creates to write to someone. Thread-safe.
 */
final class DirectRooms {
    private final Map<String, String> roomByUser = new ConcurrentHashMap<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();

    void load(Map<String, Set<String>> direct) {
        direct.forEach((user, ids) -> ids.stream().sorted().reduce((a, b) -> b).ifPresent(id -> remember(user, id)));
        direct.values().forEach(rooms::addAll);
    }

    void remember(String userId, String roomId) {
        roomByUser.put(userId, roomId);
        rooms.add(roomId);
    }

    boolean isDirect(String roomId) {
        return rooms.contains(roomId);
    }

    Optional<String> roomWith(String userId) {
        return Optional.ofNullable(roomByUser.get(userId));
    }
}
