package org.animfr.animabot.matrix.synapse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real Synapse on 127.0.0.1, installed and started by {@code scripts/synapse.sh}, and the client-server API
 * calls a human makes (register, create a room, invite, send, read), for the Matrix adapter's tests.
 */
public final class Synapse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TXN = new AtomicLong();
    private static Synapse running;

    private final String baseUrl;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A user and their access token. */
    public record User(String userId, String accessToken) {}

    private Synapse(String baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.secret = secret;
    }

    /** Installs (once per machine) and starts (once per JVM) the homeserver. */
    public static synchronized Synapse ensureRunning() {
        if (running == null) {
            Path script = script();
            String url = lastLine(run(script.toString(), "start"));
            String secret = lastLine(run(script.toString(), "secret"));
            running = new Synapse(url, secret);
        }
        return running;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String serverName() {
        return "localhost";
    }

    /** A name no earlier run used, so tests on the same server never meet each other's users or rooms. */
    public static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers the user through the shared-secret admin API, then logs in. */
    public User register(String localpart, boolean admin) {
        String password = "pw-" + localpart;
        JsonNode nonce = call("GET", "/_synapse/admin/v1/register", null, null);
        String mac = hmac(nonce.get("nonce").asText() + "\0" + localpart + "\0" + password + "\0"
                + (admin ? "admin" : "notadmin"));
        ObjectNode body = JSON.createObjectNode().put("nonce", nonce.get("nonce").asText())
                .put("username", localpart).put("password", password).put("admin", admin).put("mac", mac);
        JsonNode registered = call("POST", "/_synapse/admin/v1/register", null, body);
        return new User(registered.get("user_id").asText(), registered.get("access_token").asText());
    }

    /** Logs a registered user in again: a new device and access token. */
    public User login(String localpart) {
        ObjectNode body = JSON.createObjectNode().put("type", "m.login.password").put("password", "pw-" + localpart);
        body.putObject("identifier").put("type", "m.id.user").put("user", localpart);
        JsonNode login = call("POST", "/_matrix/client/v3/login", null, body);
        return new User(login.get("user_id").asText(), login.get("access_token").asText());
    }

    public String createRoom(User owner, boolean direct, String... invite) {
        ObjectNode body = JSON.createObjectNode().put("preset", direct ? "trusted_private_chat" : "private_chat")
                .put("is_direct", direct);
        var invites = body.putArray("invite");
        for (String userId : invite) {
            invites.add(userId);
        }
        return call("POST", "/_matrix/client/v3/createRoom", owner, body).get("room_id").asText();
    }

    public void invite(User who, String roomId, String userId) {
        call("POST", "/_matrix/client/v3/rooms/" + enc(roomId) + "/invite", who,
                JSON.createObjectNode().put("user_id", userId));
    }

    public void join(User who, String roomId) {
        call("POST", "/_matrix/client/v3/join/" + enc(roomId), who, JSON.createObjectNode());
    }

    /** Sets one user's power level in the room, keeping the others. */
    public void setPowerLevel(User admin, String roomId, String userId, int level) {
        String path = "/_matrix/client/v3/rooms/" + enc(roomId) + "/state/m.room.power_levels";
        ObjectNode levels = (ObjectNode) call("GET", path, admin, null);
        ((ObjectNode) levels.with("users")).put(userId, level);
        call("PUT", path, admin, levels);
    }

    public JsonNode members(User who, String roomId) {
        return call("GET", "/_matrix/client/v3/rooms/" + enc(roomId) + "/joined_members", who, null);
    }

    public String send(User who, String roomId, String body) {
        return sendContent(who, roomId, JSON.createObjectNode().put("msgtype", "m.text").put("body", body));
    }

    public String sendHtml(User who, String roomId, String body, String html) {
        return sendContent(who, roomId, JSON.createObjectNode().put("msgtype", "m.text").put("body", body)
                .put("format", "org.matrix.custom.html").put("formatted_body", html));
    }

    /** Sends a message in the thread whose root is {@code threadRoot}. */
    public String sendInThread(User who, String roomId, String threadRoot, String body) {
        ObjectNode content = JSON.createObjectNode().put("msgtype", "m.text").put("body", body);
        content.putObject("m.relates_to").put("rel_type", "m.thread").put("event_id", threadRoot);
        return sendContent(who, roomId, content);
    }

    public String sendContent(User who, String roomId, JsonNode content) {
        String path = "/_matrix/client/v3/rooms/" + enc(roomId) + "/send/m.room.message/t" + System.nanoTime()
                + "-" + TXN.incrementAndGet();
        return call("PUT", path, who, content).get("event_id").asText();
    }

    /** The room's messages, oldest first. */
    public List<JsonNode> messages(User who, String roomId) {
        JsonNode page = call("GET", "/_matrix/client/v3/rooms/" + enc(roomId) + "/messages?dir=b&limit=500",
                who, null);
        List<JsonNode> events = new ArrayList<>();
        page.get("chunk").forEach(e -> {
            if (e.path("type").asText().equals("m.room.message")) {
                events.add(0, e);
            }
        });
        return events;
    }

    /** Waits until the room holds {@code count} messages matching, and returns them oldest first. */
    public List<JsonNode> awaitMessages(User who, String roomId, Predicate<JsonNode> match, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> found = List.of();
        while (System.nanoTime() < deadline) {
            found = messages(who, roomId).stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep(100);
        }
        throw new AssertionError("Expected " + count + " matching messages in " + roomId + " within " + timeout
                + ", saw " + found.size() + ": " + messages(who, roomId));
    }

    /** Messages sent by the user, as notices, oldest first. */
    public static Predicate<JsonNode> noticesFrom(String userId) {
        return e -> e.path("sender").asText().equals(userId)
                && e.path("content").path("msgtype").asText().equals("m.notice");
    }

    public String syncNextBatch(User who) {
        return call("GET", "/_matrix/client/v3/sync?timeout=0", who, null).get("next_batch").asText();
    }

    public JsonNode syncSince(User who, String since, int timeoutMs) {
        return call("GET", "/_matrix/client/v3/sync?timeout=" + timeoutMs + "&since=" + enc(since), who, null);
    }

    /** Whether the user is joined to the room. */
    public boolean isJoined(User who, String roomId, String userId) {
        return members(who, roomId).path("joined").has(userId);
    }

    public JsonNode call(String method, String path, User as, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (as != null) {
            request.header("Authorization", "Bearer " + as.accessToken());
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() == 429 && attempt < 20) {
                    sleep(json.path("retry_after_ms").asLong(500));
                    continue;
                }
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " "
                            + response.body());
                }
                return json;
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("scripts/synapse.sh"), dir.resolve("adapters/matrix/scripts/synapse.sh"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("scripts/synapse.sh not found from " + Path.of("").toAbsolutePath());
    }

    private static String run(String... command) {
        try {
            List<String> full = new ArrayList<>(List.of("bash"));
            full.addAll(List.of(command));
            Process process = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }
}
