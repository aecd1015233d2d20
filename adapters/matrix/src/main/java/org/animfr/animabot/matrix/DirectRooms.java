package org.animfr.animabot.matrix;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's direct chats: read from its {@code m.direct} account data at start, then learnt from invitations marked
 * {@code is_direct} and from the rooms it opens to write to someone, which it records in {@code m.direct} as Element
 * does, so that clients show them as direct chats. Thread-safe.
 */
final class DirectRooms {
    private static final Logger LOG = LoggerFactory.getLogger(DirectRooms.class);

    private final Map<String, String> roomByUser = new ConcurrentHashMap<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<String>> opening = new ConcurrentHashMap<>();

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

    /**
     * The direct chat with a person: the known one, or a new one, created once even when several messages ask for it
     * at the same time, and added to the bot's {@code m.direct} (read, changed, written back: that list is the
     * account's, and keeps the chats with everybody else).
     */
    CompletableFuture<String> open(MatrixBridge bridge, String userId) {
        Optional<String> known = roomWith(userId);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        CompletableFuture<String> created = new CompletableFuture<>();
        CompletableFuture<String> already = opening.putIfAbsent(userId, created);
        if (already != null) {
            return already;
        }
        Requests.patiently(() -> bridge.createDirectRoom(userId)).whenComplete((room, error) -> {
            if (room != null) {
                remember(userId, room);
                LOG.info("Opened a Matrix direct chat {} with {}", room, userId);
                record(bridge, userId, room);
            }
            opening.remove(userId, created);
            if (error != null) {
                created.completeExceptionally(error);
            } else {
                created.complete(room);
            }
        });
        return created;
    }

    private static void record(MatrixBridge bridge, String userId, String roomId) {
        Requests.patiently(bridge::directRooms).thenCompose(current -> {
            Map<String, Set<String>> next = new HashMap<>(current);
            Set<String> withUser = new HashSet<>(next.getOrDefault(userId, Set.of()));
            withUser.add(roomId);
            next.put(userId, withUser);
            return Requests.patiently(() -> bridge.setDirectRooms(next));
        }).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("Created the direct room {} but could not record it in m.direct: {}", roomId,
                        Requests.rootMessage(error));
            }
        });
    }
}
