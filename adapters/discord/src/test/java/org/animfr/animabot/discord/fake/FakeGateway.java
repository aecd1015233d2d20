package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway websocket: HELLO, heartbeats, IDENTIFY answered with READY and GUILD_CREATE, RESUME answered by
 * replaying what the bot missed and RESUMED, and the dispatches the test makes. Like Discord, a session outlives its
 * socket: events dispatched while the bot is disconnected wait for its RESUME.
 *
 * <p>Each IDENTIFY opens a session of its own (id, sequence, events kept for a resume), and, as Discord does for a
 * bot that opens several sessions without sharding (two instances of the bot on one token), every dispatch goes to
 * every session whose intents allow it. The counters and {@link #close} cover all sessions together.
 *
 * <p>A session that identifies with a shard ({@code "shard": [id, total]}) gets, as on Discord, only the guilds
 * whose {@code (guild_id >> 22) % total} is its id, and only their events; direct messages go to shard 0. A shard
 * outside its total is closed with 4010, and a session that would hold more guilds than {@link #maxGuildsPerSession}
 * with 4011 "Sharding required".
 */
final class FakeGateway {
    static final int MESSAGE_CONTENT_INTENT = 1 << 15;
    static final int GUILD_MEMBERS_INTENT = 1 << 1;
    static final int GUILD_MESSAGES_INTENT = 1 << 9;
    static final int DIRECT_MESSAGES_INTENT = 1 << 12;
    static final int GUILD_SCHEDULED_EVENTS_INTENT = 1 << 16;

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    /** Shorter than Discord's ~41 s, so that heartbeats and their ACKs happen during the tests too. */
    private static final int HEARTBEAT_INTERVAL_MS = 2_000;
    private static final int KEPT_EVENTS = 1_000;
    private static final List<String> REPLAYED_TYPES = List.of("MESSAGE_CREATE", "INTERACTION_CREATE");

    private final World world;
    private final Supplier<String> url;
    /** Every session opened so far, oldest first; a session whose socket closed stays resumable. */
    private final List<Session> sessions = new ArrayList<>();
    private JsonNode lastIdentify;
    private int identifies;
    private int resumes;
    private boolean replayOnResume;
    private int maxGuildsPerSession = Integer.MAX_VALUE;

    /**
     * One gateway session: its id, sequence, intents, the events sent in it (to replay after a resume), and the
     * socket it is on, null while its bot is away.
     */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final int intents;
        final int shard;
        final int shards;
        final List<ObjectNode> events = new ArrayList<>();
        int sequence;
        WebSocket socket;

        Session(int intents, int shard, int shards, WebSocket socket) {
            this.intents = intents;
            this.shard = shard;
            this.shards = shards;
            this.socket = socket;
        }

        /** Whether this session gets the events of the guild; a null guild is a direct message: shard 0. */
        boolean receives(String guildId) {
            return guildId == null ? shard == 0 : shardOf(guildId, shards) == shard;
        }

        boolean wants(int requiredIntents) {
            return (intents & requiredIntents) == requiredIntents;
        }
    }

    FakeGateway(World world, Supplier<String> url) {
        this.world = world;
        this.url = url;
    }

    /** A listener for one new websocket connection. */
    WebSocketListener connection() {
        return new Connection();
    }

    /**
     * Sends a dispatch to every session that identified with the intents Discord requires for it, as Discord does.
     *
     * @return false when no session's intents include the event
     * @throws IllegalStateException when no bot has identified yet: nobody could receive the event
     */
    synchronized boolean dispatch(String type, JsonNode data, int requiredIntents) {
        return dispatch(type, intents -> data, requiredIntents);
    }

    /**
     * The same, with the event shaped for each session's intents: Discord blanks a message's content for a session
     * without MESSAGE_CONTENT, for instance.
     */
    synchronized boolean dispatch(String type, IntFunction<JsonNode> dataForIntents, int requiredIntents) {
        if (sessions.isEmpty()) {
            throw new IllegalStateException("The bot has not identified on the gateway yet: nobody would receive "
                    + type + ". Wait with awaitIdentified first.");
        }
        boolean sent = false;
        for (Session session : sessions) {
            if (session.wants(requiredIntents)) {
                JsonNode data = dataForIntents.apply(session.intents);
                if (session.receives(guildOf(type, data))) {
                    dispatch(session, type, data);
                    sent = true;
                }
            }
        }
        if (!sent) {
            LOG.info("Not sending {}: the bot did not ask for intents {}", type, requiredIntents);
        }
        return sent;
    }

    /** Discord's shard of a guild: {@code (guild_id >> 22) % total}. */
    static int shardOf(String guildId, int shards) {
        return (int) ((Long.parseLong(guildId) >> 22) % shards);
    }

    /** The guild an event is about, null for a direct message. */
    private static String guildOf(String type, JsonNode data) {
        if (type.equals("GUILD_CREATE") || type.equals("GUILD_DELETE")) {
            return data.path("id").asText();
        }
        return data.hasNonNull("guild_id") ? data.get("guild_id").asText() : null;
    }

    synchronized void maxGuildsPerSession(int max) {
        this.maxGuildsPerSession = max;
    }

    /** The shard of each session opened so far, as "id/total", oldest first. */
    synchronized List<String> shardsIdentified() {
        return sessions.stream().map(s -> s.shard + "/" + s.shards).toList();
    }

    /** Sends a dispatch (op 0) in a session, or keeps it for the bot's RESUME while it is away. */
    private synchronized void dispatch(Session session, String type, JsonNode data) {
        ObjectNode event = World.JSON.createObjectNode().put("op", 0).put("t", type).put("s", ++session.sequence);
        event.set("d", data);
        session.events.add(event);
        if (session.events.size() > KEPT_EVENTS) {
            session.events.remove(0);
        }
        send(session.socket, event);
    }

    synchronized boolean isIdentified() {
        return !sessions.isEmpty();
    }

    /** Waits until at least {@code count} IDENTIFYs were answered, by as many sessions or by reconnections. */
    synchronized boolean awaitIdentified(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (identifies < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Closes every session's socket as Discord would; events dispatched until each bot resumes are kept for it. */
    private boolean down;

    synchronized void close(int code) {
        for (Session session : sessions) {
            if (session.socket != null) {
                session.socket.close(code, "closed by the fake Discord");
                session.socket = null;
            }
        }
    }

    /**
     * While down, every socket is closed as soon as it opens (1001, going away), as during a Discord outage; bots
     * keep trying to reconnect until it is up again.
     */
    synchronized void down(boolean down) {
        this.down = down;
        if (down) {
            close(1001);
        }
    }

    private synchronized boolean isDown() {
        return down;
    }

    synchronized void replayOnResume(boolean replay) {
        this.replayOnResume = replay;
    }

    synchronized JsonNode lastIdentify() {
        return lastIdentify == null ? null : lastIdentify.deepCopy();
    }

    synchronized int identifies() {
        return identifies;
    }

    /** Gateway sessions with a connection open now: one per running bot, or Discord answers both. */
    synchronized int openSessions() {
        return (int) sessions.stream().filter(session -> session.socket != null).count();
    }

    synchronized int resumes() {
        return resumes;
    }

    synchronized void shutdown() {
        close(1001);
    }

    private synchronized void identify(WebSocket ws, JsonNode d) {
        if (!FakeDiscord.BOT_TOKEN.equals(d.path("token").asText())) {
            ws.close(4004, "Authentication failed.");
            return;
        }
        int shard = 0;
        int shards = 1;
        if (d.has("shard")) {
            shard = d.path("shard").path(0).asInt(-1);
            shards = d.path("shard").path(1).asInt(0);
            if (!d.path("shard").isArray() || shards < 1 || shard < 0 || shard >= shards) {
                ws.close(4010, "Invalid shard.");
                return;
            }
        }
        int shardId = shard;
        int shardTotal = shards;
        List<String> guilds = world.guildIds().stream().filter(g -> shardOf(g, shardTotal) == shardId).toList();
        if (guilds.size() > maxGuildsPerSession) {
            ws.close(4011, "Sharding required.");
            return;
        }
        lastIdentify = d.deepCopy();
        // a session identifying again on the same socket leaves it: it can only be resumed from then on
        detach(ws);
        Session session = new Session(d.path("intents").asInt(), shard, shards, ws);
        sessions.add(session);
        dispatch(session, "READY", ready(session, guilds));
        guilds.forEach(guild -> dispatch(session, "GUILD_CREATE", world.guildJson(guild)));
        identifies++;
        notifyAll();
    }

    private synchronized void resume(WebSocket ws, JsonNode d) {
        if (!FakeDiscord.BOT_TOKEN.equals(d.path("token").asText())) {
            ws.close(4004, "Authentication failed.");
            return;
        }
        Session session = sessions.stream().filter(s -> s.id.equals(d.path("session_id").asText())).findFirst()
                .orElse(null);
        if (session == null) {
            send(ws, World.JSON.createObjectNode().put("op", 9).put("d", false)); // invalid session: identify again
            return;
        }
        if (session.socket != null && session.socket != ws) {
            session.socket.close(4000, "resumed on another connection"); // one socket per session, as on Discord
        }
        detach(ws);
        session.socket = ws;
        long seen = d.path("seq").asLong();
        List<ObjectNode> missed = session.events.stream().filter(e -> e.get("s").asLong() > seen).toList();
        missed.forEach(e -> send(ws, e));
        dispatch(session, "RESUMED", World.JSON.createObjectNode());
        if (replayOnResume) {
            // Discord may deliver an event twice around a resume: send the last one the bot already had again
            for (int i = session.events.size() - 1; i >= 0; i--) {
                ObjectNode event = session.events.get(i);
                if (event.get("s").asLong() <= seen && REPLAYED_TYPES.contains(event.get("t").asText())) {
                    send(ws, event);
                    break;
                }
            }
        }
        resumes++;
        notifyAll();
    }

    private ObjectNode ready(Session session, List<String> guilds) {
        ObjectNode ready = World.JSON.createObjectNode().put("v", 10);
        ObjectNode user = world.userJson(FakeDiscord.BOT_ID).put("verified", true).put("mfa_enabled", false)
                .put("flags", 0);
        ready.set("user", user);
        ArrayNode unavailable = ready.putArray("guilds");
        guilds.forEach(guild -> unavailable.addObject().put("id", guild).put("unavailable", true));
        if (session.shards > 1) {
            ready.putArray("shard").add(session.shard).add(session.shards);
        }
        ready.put("session_id", session.id)
                .put("session_type", "normal")
                .put("resume_gateway_url", url.get());
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putObject("application").put("id", FakeDiscord.APPLICATION_ID).put("flags", 0);
        ready.putArray("_trace").add("fake-discord");
        return ready;
    }

    /**
     * Answers a member request (op 8) in one chunk, in the session that asked; JDA sends it only when set to chunk or
     * to find itself.
     */
    private synchronized void members(WebSocket ws, JsonNode d) {
        Session session = sessionOn(ws);
        if (session == null) {
            ws.close(4003, "Not authenticated.");
            return;
        }
        String guildId = d.hasNonNull("guild_id") ? d.get("guild_id").asText() : FakeDiscord.GUILD_ID;
        ObjectNode chunk = World.JSON.createObjectNode().put("guild_id", guildId)
                .put("chunk_index", 0).put("chunk_count", 1);
        if (d.hasNonNull("nonce")) {
            chunk.put("nonce", d.get("nonce").asText());
        }
        ArrayNode members = chunk.putArray("members");
        ArrayNode notFound = chunk.putArray("not_found");
        List<String> wanted = new ArrayList<>();
        d.path("user_ids").forEach(id -> wanted.add(id.asText()));
        if (d.path("user_ids").isTextual() || d.path("user_ids").isNumber()) {
            wanted.add(d.path("user_ids").asText());
        }
        if (wanted.isEmpty()) {
            world.guildJson(guildId).get("members").forEach(members::add);
        } else {
            wanted.forEach(id -> {
                if (world.isMember(id)) {
                    members.add(world.memberJson(id, true, guildId));
                } else {
                    notFound.add(id);
                }
            });
        }
        dispatch(session, "GUILD_MEMBERS_CHUNK", chunk);
    }

    private static void send(WebSocket ws, JsonNode payload) {
        if (ws == null) {
            return;
        }
        try {
            ws.send(World.JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The session on this socket, null before IDENTIFY or RESUME. */
    private Session sessionOn(WebSocket ws) {
        return sessions.stream().filter(s -> s.socket == ws).findFirst().orElse(null);
    }

    /** The socket no longer carries its session, which stays resumable. */
    private synchronized void detach(WebSocket ws) {
        Session session = sessionOn(ws);
        if (session != null) {
            session.socket = null;
        }
    }

    private final class Connection extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
            if (isDown()) {
                ws.close(1001, "Discord is down (the fake Discord's outage)");
                return;
            }
            send(ws, World.JSON.createObjectNode().put("op", 10).set("d",
                    World.JSON.createObjectNode().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS)));
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            JsonNode payload;
            try {
                payload = World.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                ws.close(4002, "Decode error.");
                return;
            }
            JsonNode d = payload.path("d");
            switch (payload.path("op").asInt(-1)) {
                case 1 -> send(ws, World.JSON.createObjectNode().put("op", 11));
                case 2 -> identify(ws, d);
                case 6 -> resume(ws, d);
                case 8 -> members(ws, d);
                case 3, 4 -> { } // presence and voice state updates: nothing to do
                default -> {
                    LOG.warn("Fake gateway got an unknown opcode: {}", text);
                    ws.close(4001, "Unknown opcode.");
                }
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            detach(ws);
            ws.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            detach(ws);
        }
    }
}
