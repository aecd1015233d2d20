package org.animfr.animabot.matrix;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.SyncListener;

/** A homeserver in memory: the test hands sync batches to the listener and reads what the bot sent. */
final class FakeBridge implements MatrixBridge {
    static final String BOT = "@animabot:anim.fr";

    /** One {@code m.notice} the bot sent. */
    record Sent(String roomId, String body, String html, String inReplyTo, String threadRoot) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> joined = new CopyOnWriteArrayList<>();
    final List<String> left = new CopyOnWriteArrayList<>();
    final List<String> createdDirectRooms = new CopyOnWriteArrayList<>();
    final Map<String, Map<String, String>> members = new ConcurrentHashMap<>();
    final Map<String, Long> powerLevels = new ConcurrentHashMap<>();
    final AtomicInteger memberLookups = new AtomicInteger();
    volatile String syncStartedFrom = "never";
    volatile SyncListener listener;
    volatile boolean closed;

    @Override
    public CompletableFuture<String> whoAmI() {
        return CompletableFuture.completedFuture(BOT);
    }

    @Override
    public CompletableFuture<String> displayName(String userId) {
        return CompletableFuture.completedFuture("Animabot");
    }

    @Override
    public void startSync(String since, SyncListener listener) {
        this.syncStartedFrom = since;
        this.listener = listener;
    }

    @Override
    public void stopSync() {
        listener = null;
    }

    @Override
    public CompletableFuture<Void> join(String roomId) {
        joined.add(roomId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> leave(String roomId) {
        left.add(roomId);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<String> sendNotice(String roomId, String body, String html, String inReplyTo,
            String threadRoot) {
        sent.add(new Sent(roomId, body, html, inReplyTo, threadRoot));
        return CompletableFuture.supplyAsync(() -> "$sent" + sent.size());
    }

    @Override
    public CompletableFuture<Long> powerLevel(String roomId, String userId) {
        return CompletableFuture.completedFuture(powerLevels.getOrDefault(roomId + "|" + userId, 0L));
    }

    @Override
    public CompletableFuture<Map<String, String>> joinedMembers(String roomId) {
        memberLookups.incrementAndGet();
        return CompletableFuture.completedFuture(members.getOrDefault(roomId,
                Map.of(BOT, "Animabot", "@ana:anim.fr", "Ana", "@bob:anim.fr", "Bob")));
    }

    @Override
    public CompletableFuture<Map<String, Set<String>>> directRooms() {
        return CompletableFuture.completedFuture(Map.of());
    }

    @Override
    public CompletableFuture<String> createDirectRoom(String userId) {
        String room = "!direct" + createdDirectRooms.size() + ":anim.fr";
        createdDirectRooms.add(room);
        return CompletableFuture.completedFuture(room);
    }

    @Override
    public void close() {
        closed = true;
    }
}
