package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An interaction the fake Discord sent to the bot (a slash command, an autocomplete, a button click, a submitted
 * modal), and what the bot answered: its callback (a message, a deferral, choices, or a modal to show), then its
 * follow-ups, with the files uploaded with them. Thread-safe.
 */
public final class Interaction {
    /** What became of a callback. */
    enum Outcome { ACCEPTED, ALREADY_ACKNOWLEDGED, EXPIRED }

    private final String id;
    private final int type;
    private final String userId;
    private final String token;
    private final String channelId;
    private final String clickedMessageId;
    private final long sentAt = System.nanoTime();
    private final Duration deadline;
    private final Supplier<String> diagnostics;
    private JsonNode response;
    private long respondedAt;
    private String originalMessageId;
    /** True from a deferral (callback type 5) until its message is filled by an edit or the first follow-up. */
    private boolean loading;
    private final List<JsonNode> followUps = new ArrayList<>();
    private final List<UploadedFile> files = new ArrayList<>();

    Interaction(String id, int type, String userId, String token, String channelId, String clickedMessageId,
            Duration deadline, Supplier<String> diagnostics) {
        this.id = id;
        this.type = type;
        this.userId = userId;
        this.token = token;
        this.channelId = channelId;
        this.clickedMessageId = clickedMessageId;
        this.deadline = deadline;
        this.diagnostics = diagnostics;
    }

    public String id() {
        return id;
    }

    /** Discord's interaction type: 2 a slash command, 3 a component, 4 an autocomplete, 5 a modal submitted. */
    public int type() {
        return type;
    }

    /** Who interacted; a modal the bot shows in answer opens on their screen only. */
    public String userId() {
        return userId;
    }

    public String token() {
        return token;
    }

    public String channelId() {
        return channelId;
    }

    /** For a button click, the message whose button was clicked; null otherwise. */
    public String clickedMessageId() {
        return clickedMessageId;
    }

    /** The callback body, once the bot answered. */
    public synchronized Optional<JsonNode> response() {
        return Optional.ofNullable(response).<JsonNode>map(JsonNode::deepCopy);
    }

    /**
     * Waits for the callback the bot POSTed to {@code interactions/{id}/{token}/callback}, e.g.
     * {@code {"type":4,"data":{"content":"…","flags":64}}}.
     *
     * @throws AssertionError when none came in time
     */
    public synchronized JsonNode awaitResponse(Duration timeout) {
        awaitUntil(() -> response != null, timeout, "a response");
        return response.deepCopy();
    }

    /**
     * Waits for the bot to answer with a modal (callback type 9) and returns its {@code data}: {@code custom_id},
     * {@code title} and {@code components}.
     *
     * @throws AssertionError when no response came in time, or it was not a modal
     */
    public JsonNode awaitModal(Duration timeout) {
        JsonNode response = awaitResponse(timeout);
        if (response.path("type").asInt() != 9) {
            throw new AssertionError("The bot answered interaction " + id + " with callback type "
                    + response.path("type").asInt() + ", not a modal (9): " + response);
        }
        return response.get("data");
    }

    /**
     * How long after the event the bot's callback came, as Discord measures its three seconds.
     *
     * @throws IllegalStateException before the bot answered
     */
    public synchronized Duration respondedAfter() {
        if (response == null) {
            throw new IllegalStateException("The bot has not answered interaction " + id);
        }
        return Duration.ofNanos(respondedAt - sentAt);
    }

    /** The files uploaded with the response and the follow-ups, in the order they came. */
    public synchronized List<UploadedFile> files() {
        return List.copyOf(files);
    }

    /** Waits until at least {@code count} files came with the response and follow-ups, and returns them all. */
    public synchronized List<UploadedFile> awaitFiles(int count, Duration timeout) {
        awaitUntil(() -> files.size() >= count, timeout, count + " file(s)");
        return files();
    }

    /** The bodies of the follow-ups (POST {@code webhooks/{app}/{token}}) and edits of the original response. */
    public synchronized List<JsonNode> followUps() {
        return followUps.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** Waits for the first follow-up or edit of the original response, and returns its body. */
    public JsonNode awaitFollowUp(Duration timeout) {
        return awaitFollowUps(1, timeout).get(0);
    }

    /** Waits until there are at least {@code count} follow-ups and returns them all. */
    public synchronized List<JsonNode> awaitFollowUps(int count, Duration timeout) {
        awaitUntil(() -> followUps.size() >= count, timeout, count + " follow-up(s)");
        return followUps();
    }

    /** The id of the message the response created (or will, for a deferred one), null before any response. */
    public synchronized String responseMessageId() {
        return originalMessageId;
    }

    synchronized Outcome respond(JsonNode body, String messageId, List<UploadedFile> uploaded) {
        if (response != null) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        if (System.nanoTime() - sentAt > deadline.toNanos()) {
            return Outcome.EXPIRED;
        }
        response = body.deepCopy();
        respondedAt = System.nanoTime();
        originalMessageId = messageId;
        loading = body.path("type").asInt() == 5;
        files.addAll(uploaded);
        notifyAll();
        return Outcome.ACCEPTED;
    }

    synchronized boolean acknowledged() {
        return response != null;
    }

    /**
     * Whether the deferred message ("… is thinking") still waits for its content, and from now on no longer: Discord
     * fills it with the first follow-up (or edit of the original) after a deferral.
     */
    synchronized boolean fillDeferred() {
        boolean wasLoading = loading;
        loading = false;
        return wasLoading;
    }

    synchronized void followUp(JsonNode body, List<UploadedFile> uploaded) {
        followUps.add(body.deepCopy());
        files.addAll(uploaded);
        notifyAll();
    }

    private void awaitUntil(Supplier<Boolean> done, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (!done.get()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("The bot sent no " + what + " to interaction " + id + " within "
                            + timeout + ". " + diagnostics.get());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
