package org.animfr.animabot.matrix.bridge;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The Matrix client-server API as the adapter uses it, one request per method, as one logged-in account (the
 * bot's). Transport only: no retry, no loop, no rule; those live in the adapter, where a fake bridge tests them.
 *
 * <p>Ids are Matrix's own strings ({@code !room:server}, {@code @user:server}, {@code $event}). Every method may
 * be called from any thread; none blocks. A refused request fails its future with a {@link HomeserverException}.
 */
public interface MatrixBridge extends AutoCloseable {

    /** The bot's own user id, as the homeserver knows the access token. */
    CompletableFuture<String> whoAmI();

    /** A user's display name, or a future of null when they have none. */
    CompletableFuture<String> displayName(String userId);

    /**
     * One sync request.
     *
     * @param since the token to sync from, or null for a first sync
     * @param filter the filter, as JSON
     * @param timeout how long the homeserver may wait for news before answering
     */
    CompletableFuture<SyncResponse> sync(String since, String filter, Duration timeout);

    /**
     * Whether the bridge syncs by itself, through {@link #startSync}, rather than through {@link #sync} calls: the full
     * client with encryption must read every sync response for the keys it carries.
     */
    default boolean syncsByItself() {
        return false;
    }

    /**
     * Whether the bridge's own sync ran before, from its store: a new device (a new store) has never seen the rooms,
     * and its first sync must be a whole one, whatever token the adapter kept.
     */
    default CompletableFuture<Boolean> syncedBefore() {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Starts the bridge's own sync (when {@link #syncsByItself}) and hands each response to the listener, one after
     * the other, encrypted messages decrypted (or as {@link RoomMessage#UNDECRYPTABLE} ones), and its failures.
     *
     * @param since the token to read from, even one older than the bridge's own, when it {@link #syncedBefore}; null:
     *     where the bridge stopped, or a first sync
     * @return completes once the sync runs
     */
    default CompletableFuture<Void> startSync(String since, OwnSyncListener listener) {
        throw new UnsupportedOperationException("This bridge syncs through sync()");
    }

    /**
     * A page of a room's history before {@code from}, newest first, stopping at {@code to}.
     *
     * @param to the sync token not to go past, or null
     */
    CompletableFuture<EventPage> eventsBefore(String roomId, String from, String to, int limit);

    /** The room's current state events that the bot reads: members, power levels and creation. */
    CompletableFuture<List<RoomEvent>> roomState(String roomId);

    /** Joins a room the bot was invited to. */
    CompletableFuture<Void> join(String roomId);

    /** Leaves a room, or declines an invitation to it. */
    CompletableFuture<Void> leave(String roomId);

    /**
     * Sends an {@code m.notice}. The homeserver keeps one event per transaction id, so sending again with the same
     * id after a failure never makes a second message.
     *
     * @return the event's id
     */
    CompletableFuture<String> sendNotice(String roomId, String transactionId, Notice notice);

    /**
     * Uploads a file to the homeserver's media repository. Not idempotent: uploading again stores a second copy.
     *
     * @return its {@code mxc://} URI
     */
    CompletableFuture<String> upload(String fileName, String mediaType, byte[] content);

    /**
     * Sends an {@code m.file} of an uploaded file; like {@link #sendNotice}, one event per transaction id.
     *
     * @return the event's id
     */
    CompletableFuture<String> sendFile(String roomId, String transactionId, FileMessage file);

    /** The bot's {@code m.direct} account data: user id to the ids of the direct rooms with them; empty if none. */
    CompletableFuture<Map<String, Set<String>>> directRooms();

    /** Replaces the bot's {@code m.direct} account data. */
    CompletableFuture<Void> setDirectRooms(Map<String, Set<String>> direct);

    /** Creates a private room marked as a direct chat ({@code is_direct}) with the user invited; returns its id. */
    CompletableFuture<String> createDirectRoom(String userId);

    /** Releases the HTTP client; pending requests fail. */
    @Override
    void close();
}
