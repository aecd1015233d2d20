package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An interaction the fake Discord sent to the bot (a slash command, an autocomplete, a button click), and what the
 * bot answered: its callback, then its follow-ups. Thread-safe.
 */
public final class Interaction {
    /** What became of a callback. */
    enum Outcome { ACCEPTED, ALREADY_ACKNOWLEDGED, EXPIRED }

    private final String id;
    private final String token;
    private final String channelId;
    private final String clickedMessageId;
    private final long sentAt = System.nanoTime();
    private final Duration deadline;
    private final Supplier<String> diagnostics;
    private JsonNode response;
    private String originalMessageId;
    private final List<JsonNode> followUps = new ArrayList<>();

    Interaction(String id, String token, String channelId, String clickedMessageId, Duration deadline,
            Supplier<String> diagnostics) {
        this.id = id;
        this.token = token;
        this.channelId = channelId;
        this.clickedMessageId = clickedMessageId;
        this.deadline = deadline;
        this.diagnostics = diagnostics;
    }

    public String id() {
        return id;
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

    synchronized Outcome respond(JsonNode body, String messageId) {
        if (response != null) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        if (System.nanoTime() - sentAt > deadline.toNanos()) {
            return Outcome.EXPIRED;
        }
        response = body.deepCopy();
        originalMessageId = messageId;
        notifyAll();
        return Outcome.ACCEPTED;
    }

    synchronized boolean acknowledged() {
        return response != null;
    }

    synchronized void followUp(JsonNode body) {
        followUps.add(body.deepCopy());
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
