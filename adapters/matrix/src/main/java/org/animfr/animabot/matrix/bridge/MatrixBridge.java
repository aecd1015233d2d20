package org.animfr.animabot.matrix.bridge;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the Matrix adapter needs from a homeserver, as one logged-in account (the bot's).
 *
 * <p>Ids are Matrix's own strings ({@code !room:server}, {@code @user:server}, {@code $event}). Every method may
 * be called from any thread; none blocks. Futures fail with the homeserver's error when it refuses a request.
 * Requests refused with {@code M_LIMIT_EXCEEDED} are retried after the delay the homeserver asks for, so a
 * burst is slowed down rather than lost.
 */
public interface MatrixBridge extends AutoCloseable {

    /** The bot's own user id, as the homeserver knows the access token. */
    CompletableFuture<String> whoAmI();

    /** A user's display name, or a future of null when they have none. */
    CompletableFuture<String> displayName(String userId);

    /**
     * Starts the sync loop from {@code since} (null: a first sync, which asks for almost no history) and calls the
     * listener with each batch, one at a time, on the bridge's own thread; the next sync is requested only once
     * {@link SyncListener#onBatch} has returned. Failures are reported to {@link SyncListener#onError} and the
     * loop retries with a growing delay. Starting again replaces the previous loop.
     */
    void startSync(String since, SyncListener listener);

    /** Stops the sync loop, if any. */
    void stopSync();

    /** Joins a room the bot was invited to. */
    CompletableFuture<Void> join(String roomId);

    /** Leaves a room, or declines an invitation to it. */
    CompletableFuture<Void> leave(String roomId);

    /**
     * Sends an {@code m.notice} with an HTML {@code formatted_body} that pings nobody ({@code m.mentions} empty).
     *
     * @param inReplyTo the event answered ({@code m.in_reply_to}), or null
     * @param threadRoot the root of the thread to post in ({@code rel_type: m.thread}), or null
     * @return the new event's id
     */
    CompletableFuture<String> sendNotice(String roomId, String body, String html, String inReplyTo, String threadRoot);

    /** A user's power level in a room (room creators in room version 12 and later: {@link Long#MAX_VALUE}). */
    CompletableFuture<Long> powerLevel(String roomId, String userId);

    /** The room's joined members: user id to display name (the user id when they have none). */
    CompletableFuture<Map<String, String>> joinedMembers(String roomId);

    /** The bot's {@code m.direct} account data: user id to the ids of the direct rooms with them; empty if none. */
    CompletableFuture<Map<String, Set<String>>> directRooms();

    /** Creates a direct room with a user ({@code is_direct}, invited), records it in {@code m.direct}, returns its id. */
    CompletableFuture<String> createDirectRoom(String userId);

    /** Stops syncing and releases the HTTP client. */
    @Override
    void close();
}
