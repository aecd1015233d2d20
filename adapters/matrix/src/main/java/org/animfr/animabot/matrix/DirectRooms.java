package org.animfr.animabot.matrix;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's direct chats: read from its {@code m.direct} account data at start, then learnt from the invitations
 * marked {@code is_direct} it joins and from the rooms it opens to write to someone; it records both in
 * {@code m.direct} as Element does, so that clients show them as direct chats and a restart finds them again. A
 * chat the person left (or declined) is forgotten and taken out of {@code m.direct}: the next message to them opens
 * a new one instead of going where nobody reads. Thread-safe.
 */
final class DirectRooms {
    private static final Logger LOG = LoggerFactory.getLogger(DirectRooms.class);

    private final Map<String, String> roomByUser = new ConcurrentHashMap<>();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<String>> opening = new ConcurrentHashMap<>();
    /** The last change of {@code m.direct} under way; the next one waits for it. Guarded by {@code this}. */
    private CompletableFuture<Void> recording = CompletableFuture.completedFuture(null);

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

    /**
     * The person left the room, declined its invitation or was banned from it: if it was their direct chat, it is
     * not any more.
     *
     * @return true if it was their direct chat
     */
    boolean departed(MatrixBridge bridge, String userId, String roomId) {
        if (!roomByUser.remove(userId, roomId)) {
            return false;
        }
        LOG.info("{} left the Matrix direct chat {}; the next message to them opens a new one", userId, roomId);
        update(bridge, userId, roomId, "take out of", direct -> {
            Set<String> withUser = new HashSet<>(direct.getOrDefault(userId, Set.of()));
            withUser.remove(roomId);
            if (withUser.isEmpty()) {
                direct.remove(userId);
            } else {
                direct.put(userId, withUser);
            }
        });
        return true;
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

    /**
     * A direct chat someone invited the bot to and the bot joined: recorded in {@code m.direct}, as Element does when
     * it accepts one, so that the bot still writes there after a restart instead of opening another chat.
     */
    void joined(MatrixBridge bridge, String userId, String roomId) {
        remember(userId, roomId);
        record(bridge, userId, roomId);
    }

    /** Adds the room to {@code m.direct}. */
    private void record(MatrixBridge bridge, String userId, String roomId) {
        update(bridge, userId, roomId, "record in", direct -> {
            Set<String> withUser = new HashSet<>(direct.getOrDefault(userId, Set.of()));
            withUser.add(roomId);
            direct.put(userId, withUser);
        });
    }

    /**
     * Changes {@code m.direct}: read, changed, written back, one change after the other, since two at once would
     * each write back the list without the other's change.
     */
    private synchronized void update(MatrixBridge bridge, String userId, String roomId, String what,
            Consumer<Map<String, Set<String>>> change) {
        recording = recording.thenCompose(previous -> Requests.patiently(bridge::directRooms).thenCompose(current -> {
            Map<String, Set<String>> next = new HashMap<>(current);
            change.accept(next);
            return Requests.patiently(() -> bridge.setDirectRooms(next));
        }).handle((ok, error) -> {
            if (error != null) {
                LOG.warn("Could not {} m.direct the direct room {} with {}: {}", what, roomId, userId,
                        Requests.rootMessage(error));
            }
            return null;
        }));
    }
}
