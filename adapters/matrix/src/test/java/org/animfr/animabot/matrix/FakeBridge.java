package org.animfr.animabot.matrix;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.matrix.bridge.EventPage;
import org.animfr.animabot.matrix.bridge.FileMessage;
import org.animfr.animabot.matrix.bridge.HomeserverException;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.Notice;
import org.animfr.animabot.matrix.bridge.RoomEvent;
import org.animfr.animabot.matrix.bridge.SyncResponse;

/**
 * A homeserver in memory: the test hands out sync responses (or failures) one by one, and reads what the bot asked
 * and sent. A sync request waits until the test gives its answer, as a long poll does.
 */
final class FakeBridge implements MatrixBridge {
    static final String BOT = "@animabot:anim.fr";

    /** One {@code m.notice} the bot sent, and the transaction it was sent in. */
    record Sent(String roomId, String transactionId, String body, String html, String inReplyTo, String threadRoot,
            Set<String> mentioned) {}

    /** One {@code m.file} the bot sent, with the text of the file uploaded before. */
    record SentFile(String roomId, String transactionId, FileMessage file, String content) {}

    /** One page request of a room's history. */
    record PageRequest(String roomId, String from, String to) {}

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<String> sendAttempts = new CopyOnWriteArrayList<>();
    final List<SentFile> files = new CopyOnWriteArrayList<>();
    final Map<String, String> uploads = new ConcurrentHashMap<>();
    /** Whether the media repository refuses uploads. */
    volatile boolean uploadsRefused;
    final List<String> joined = new CopyOnWriteArrayList<>();
    final List<String> left = new CopyOnWriteArrayList<>();
    final List<String> createdDirectRooms = new CopyOnWriteArrayList<>();
    final List<Map<String, Set<String>>> directWrites = new CopyOnWriteArrayList<>();
    final List<String> syncedFrom = new CopyOnWriteArrayList<>();
    final List<PageRequest> pageRequests = new CopyOnWriteArrayList<>();
    final Map<String, List<RoomEvent>> roomStates = new ConcurrentHashMap<>();
    final Map<String, EventPage> pages = new ConcurrentHashMap<>();
    final AtomicInteger stateRequests = new AtomicInteger();
    /** How many of the next sends the homeserver refuses for rate limits. */
    final AtomicInteger rateLimitedSends = new AtomicInteger();
    volatile Map<String, Set<String>> direct = Map.of();
    volatile boolean closed;
    private final BlockingQueue<Object> syncAnswers = new LinkedBlockingQueue<>();

    /** The answer to the next sync request. */
    void answerSync(SyncResponse response) {
        syncAnswers.add(response);
    }

    /** The next sync request fails. */
    void failSync(RuntimeException error) {
        syncAnswers.add(error);
    }

    /** The page {@link #eventsBefore} gives for a room and a token. */
    void page(String roomId, String from, EventPage page) {
        pages.put(roomId + " " + from, page);
    }

    @Override
    public CompletableFuture<String> whoAmI() {
        return CompletableFuture.completedFuture(BOT);
    }

    @Override
    public CompletableFuture<String> displayName(String userId) {
        return CompletableFuture.completedFuture("Animabot");
    }

    @Override
    public CompletableFuture<SyncResponse> sync(String since, String filter, Duration timeout) {
        syncedFrom.add(String.valueOf(since));
        return CompletableFuture.supplyAsync(() -> {
            try {
                Object answer = syncAnswers.take();
                if (answer instanceof RuntimeException error) {
                    throw error;
                }
                return (SyncResponse) answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped", e);
            }
        });
    }

    @Override
    public CompletableFuture<EventPage> eventsBefore(String roomId, String from, String to, int limit) {
        pageRequests.add(new PageRequest(roomId, from, to));
        return CompletableFuture.completedFuture(pages.getOrDefault(roomId + " " + from, new EventPage(List.of(), null)));
    }

    @Override
    public CompletableFuture<List<RoomEvent>> roomState(String roomId) {
        stateRequests.incrementAndGet();
        return CompletableFuture.completedFuture(roomStates.getOrDefault(roomId, List.of()));
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
    public CompletableFuture<String> sendNotice(String roomId, String transactionId, Notice notice) {
        sendAttempts.add(transactionId);
        if (rateLimitedSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return CompletableFuture.failedFuture(
                    new HomeserverException(429, "M_LIMIT_EXCEEDED", "Too Many Requests", Duration.ofMillis(20)));
        }
        sent.add(new Sent(roomId, transactionId, notice.body(), notice.html(), notice.inReplyTo(), notice.threadRoot(),
                notice.mentioned()));
        return CompletableFuture.supplyAsync(() -> "$sent" + sent.size());
    }

    @Override
    public CompletableFuture<String> upload(String fileName, String mediaType, byte[] content) {
        if (uploadsRefused) {
            return CompletableFuture.failedFuture(new HomeserverException(413, "M_TOO_LARGE", "Too large", null));
        }
        String url = "mxc://anim.fr/upload" + uploads.size();
        uploads.put(url, new String(content, StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(url);
    }

    @Override
    public CompletableFuture<String> sendFile(String roomId, String transactionId, FileMessage file) {
        files.add(new SentFile(roomId, transactionId, file, uploads.get(file.url())));
        return CompletableFuture.completedFuture("$file" + files.size());
    }

    @Override
    public CompletableFuture<Map<String, Set<String>>> directRooms() {
        return CompletableFuture.completedFuture(direct);
    }

    @Override
    public CompletableFuture<Void> setDirectRooms(Map<String, Set<String>> rooms) {
        direct = Map.copyOf(new HashMap<>(rooms));
        directWrites.add(direct);
        return CompletableFuture.completedFuture(null);
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
