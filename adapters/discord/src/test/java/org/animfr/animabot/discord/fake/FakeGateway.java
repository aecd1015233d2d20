package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 */
final class FakeGateway {
    static final int MESSAGE_CONTENT_INTENT = 1 << 15;
    static final int GUILD_MEMBERS_INTENT = 1 << 1;
    static final int GUILD_MESSAGES_INTENT = 1 << 9;
    static final int DIRECT_MESSAGES_INTENT = 1 << 12;

    private static final Logger LOG = LoggerFactory.getLogger(FakeGateway.class);
    /** Shorter than Discord's ~41 s, so that heartbeats and their ACKs happen during the tests too. */
    private static final int HEARTBEAT_INTERVAL_MS = 2_000;
    private static final int KEPT_EVENTS = 1_000;
    private static final List<String> REPLAYED_TYPES = List.of("MESSAGE_CREATE", "INTERACTION_CREATE");

    private final World world;
    private final Supplier<String> url;
    private Session session;
    private WebSocket socket;
    private JsonNode lastIdentify;
    private int identifies;
    private int resumes;
    private boolean replayOnResume;

    /** One gateway session: its id, sequence, intents, and the events sent in it (to replay after a resume). */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final int intents;
        final List<ObjectNode> events = new ArrayList<>();
        int sequence;

        Session(int intents) {
            this.intents = intents;
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
     * Sends a dispatch if the bot identified with the intents Discord requires for it, as Discord does.
     *
     * @return false when the bot's intents exclude the event
     * @throws IllegalStateException when no bot has identified yet: nobody could receive the event
     */
    synchronized boolean dispatch(String type, JsonNode data, int requiredIntents) {
        if (session == null) {
            throw new IllegalStateException("The bot has not identified on the gateway yet: nobody would receive "
                    + type + ". Wait with awaitIdentified first.");
        }
        if ((session.intents & requiredIntents) != requiredIntents) {
            LOG.info("Not sending {}: the bot did not ask for intents {}", type, requiredIntents);
            return false;
        }
        dispatch(type, data);
        return true;
    }

    /** Sends a dispatch (op 0) in the current session, or keeps it for the bot's RESUME while it is away. */
    private synchronized void dispatch(String type, JsonNode data) {
        ObjectNode event = World.JSON.createObjectNode().put("op", 0).put("t", type).put("s", ++session.sequence);
        event.set("d", data);
        session.events.add(event);
        if (session.events.size() > KEPT_EVENTS) {
            session.events.remove(0);
        }
        send(socket, event);
    }

    /** True when the bot identified (in its current session) with all these intent bits. */
    synchronized boolean hasIntents(int intents) {
        return session != null && (session.intents & intents) == intents;
    }

    synchronized boolean isIdentified() {
        return session != null;
    }

    synchronized boolean awaitIdentified(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (identifies == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Closes the socket as Discord would; events dispatched until the bot resumes are kept for it. */
    synchronized void close(int code) {
        if (socket != null) {
            socket.close(code, "closed by the fake Discord");
            socket = null;
        }
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
        lastIdentify = d.deepCopy();
        session = new Session(d.path("intents").asInt());
        socket = ws;
        dispatch("READY", ready());
        dispatch("GUILD_CREATE", world.guildJson());
        identifies++;
        notifyAll();
    }

    private synchronized void resume(WebSocket ws, JsonNode d) {
        if (!FakeDiscord.BOT_TOKEN.equals(d.path("token").asText())) {
            ws.close(4004, "Authentication failed.");
            return;
        }
        if (session == null || !session.id.equals(d.path("session_id").asText())) {
            send(ws, World.JSON.createObjectNode().put("op", 9).put("d", false)); // invalid session: identify again
            return;
        }
        socket = ws;
        long seen = d.path("seq").asLong();
        List<ObjectNode> missed = session.events.stream().filter(e -> e.get("s").asLong() > seen).toList();
        missed.forEach(e -> send(ws, e));
        dispatch("RESUMED", World.JSON.createObjectNode());
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

    private ObjectNode ready() {
        ObjectNode ready = World.JSON.createObjectNode().put("v", 10);
        ObjectNode user = world.userJson(FakeDiscord.BOT_ID).put("verified", true).put("mfa_enabled", false)
                .put("flags", 0);
        ready.set("user", user);
        ready.putArray("guilds").addObject().put("id", FakeDiscord.GUILD_ID).put("unavailable", true);
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

    /** Answers a member request (op 8) in one chunk; JDA sends it only when set to chunk or to find itself. */
    private synchronized void members(JsonNode d) {
        ObjectNode chunk = World.JSON.createObjectNode().put("guild_id", FakeDiscord.GUILD_ID)
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
            world.guildJson().get("members").forEach(members::add);
        } else {
            wanted.forEach(id -> {
                if (world.isMember(id)) {
                    members.add(world.memberJson(id));
                } else {
                    notFound.add(id);
                }
            });
        }
        dispatch("GUILD_MEMBERS_CHUNK", chunk);
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

    private synchronized void disconnected(WebSocket ws) {
        if (socket == ws) {
            socket = null;
        }
    }

    private final class Connection extends WebSocketListener {
        @Override
        public void onOpen(WebSocket ws, Response response) {
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
                case 8 -> members(d);
                case 3, 4 -> { } // presence and voice state updates: nothing to do
                default -> {
                    LOG.warn("Fake gateway got an unknown opcode: {}", text);
                    ws.close(4001, "Unknown opcode.");
                }
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            disconnected(ws);
            ws.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            disconnected(ws);
        }
    }
}
