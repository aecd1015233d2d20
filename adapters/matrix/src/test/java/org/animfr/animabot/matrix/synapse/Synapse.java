package org.animfr.animabot.matrix.synapse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real Synapse on 127.0.0.1 for the Matrix adapter's end-to-end tests, and the client-server API calls a human
 * makes through Element (register, create a room, invite, join, send, read), so that tests drive the bot as people
 * would.
 *
 * <p>{@link #ensureRunning()} runs {@code scripts/synapse.sh install} and {@code start} once per JVM; the server
 * then outlives the JVM, and later runs reuse it ({@code synapse.sh stop} ends it). Tests share it, so they keep
 * apart by registering fresh users ({@link #unique(String)}) and creating their own rooms.
 *
 * <p>Every call fails with an {@link IllegalStateException} carrying the method, path, status and response body;
 * {@code 429 M_LIMIT_EXCEEDED} answers are waited out and retried, except through {@link #exchange}. Thread-safe.
 */
public final class Synapse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TXN_PREFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicLong TXN = new AtomicLong();
    private static final String CLIENT = "/_matrix/client/v3";
    private static Synapse running;

    private final String baseUrl;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A registered user and the access token of one of their devices. */
    public record User(String userId, String accessToken) {
        @Override
        public String toString() {
            return userId; // never the token
        }
    }

    /** An HTTP answer, as returned by {@link #exchange}: the status and the parsed JSON body (empty object if none). */
    public record Response(int status, JsonNode body) {
        /** The Matrix error code ({@code M_LIMIT_EXCEEDED}, {@code M_FORBIDDEN}…), or {@code ""} if there is none. */
        public String errcode() {
            return body.path("errcode").asText("");
        }
    }

    private Synapse(String baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.secret = secret;
    }

    /**
     * Installs Synapse (once per machine: about two minutes and 600 MB under {@code /var/cache/animabot-synapse}),
     * starts it unless it runs, and returns it. Runs the script once per JVM; its progress goes to stderr.
     */
    public static synchronized Synapse ensureRunning() {
        if (running == null) {
            Path script = script();
            run(script, "install");
            String url = lastLine(run(script, "start"));
            String secret = lastLine(run(script, "secret"));
            if (!url.startsWith("http://")) {
                throw new IllegalStateException(script + " start printed no URL but: " + url);
            }
            running = new Synapse(url, secret);
        }
        return running;
    }

    /** The client API's base URL, such as {@code http://127.0.0.1:8448}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The server name in user and room ids: {@code localhost}. */
    public String serverName() {
        return "localhost";
    }

    /** The full id of a local user, such as {@code @ana-1a2b3c4d:localhost}. */
    public String userId(String localpart) {
        return "@" + localpart + ":" + serverName();
    }

    /**
     * A name no other run used, for users and rooms on the shared server: {@code base} lowercased (Matrix
     * localparts allow no capitals) and a random suffix, such as {@code ana-1a2b3c4d}.
     */
    public static String unique(String base) {
        return (base + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    /**
     * Registers the user with the shared-secret admin API ({@code admin} makes a server admin, needed for
     * {@link #overrideMessageRateLimit}) and returns a logged-in device. If the user exists, logs in instead.
     */
    public User register(String localpart, boolean admin) {
        String password = password(localpart);
        String nonce = call("GET", "/_synapse/admin/v1/register", null, null).path("nonce").asText();
        String mac = hmacSha1(String.join("\0", nonce, localpart, password, admin ? "admin" : "notadmin"));
        ObjectNode body = JSON.createObjectNode().put("nonce", nonce).put("username", localpart)
                .put("password", password).put("admin", admin).put("mac", mac);
        Response registered = exchange("POST", "/_synapse/admin/v1/register", null, body);
        if (registered.errcode().equals("M_USER_IN_USE")) {
            return login(localpart);
        }
        JsonNode json = ok("POST", "/_synapse/admin/v1/register", registered);
        return new User(json.path("user_id").asText(), json.path("access_token").asText());
    }

    /** Logs a user {@link #register registered} here in: a new device with its own access token. */
    public User login(String localpart) {
        ObjectNode body = JSON.createObjectNode().put("type", "m.login.password").put("password", password(localpart));
        body.putObject("identifier").put("type", "m.id.user").put("user", localpart);
        JsonNode login = call("POST", CLIENT + "/login", null, body);
        return new User(login.path("user_id").asText(), login.path("access_token").asText());
    }

    /**
     * Creates an invite-only room and invites the given user ids; {@code direct} makes it a direct chat as Element
     * does ({@code is_direct}, preset {@code trusted_private_chat}). Returns the room id.
     */
    public String createRoom(User owner, boolean direct, String... invite) {
        ObjectNode body = JSON.createObjectNode().put("preset", direct ? "trusted_private_chat" : "private_chat")
                .put("is_direct", direct);
        ArrayNode invites = body.putArray("invite");
        for (String userId : invite) {
            invites.add(userId);
        }
        return call("POST", CLIENT + "/createRoom", owner, body).path("room_id").asText();
    }

    public void invite(User who, String roomId, String userId) {
        call("POST", room(roomId) + "/invite", who, JSON.createObjectNode().put("user_id", userId));
    }

    public void join(User who, String roomId) {
        call("POST", CLIENT + "/join/" + enc(roomId), who, JSON.createObjectNode());
    }

    public void leave(User who, String roomId) {
        call("POST", room(roomId) + "/leave", who, JSON.createObjectNode());
    }

    /** The joined members: {@code {"joined": {"@user:localhost": {...}}}}. */
    public JsonNode members(User who, String roomId) {
        return call("GET", room(roomId) + "/joined_members", who, null);
    }

    /** The ids of the user's devices (sessions, as Element calls them), sorted. */
    public List<String> devices(User who) {
        List<String> ids = new ArrayList<>();
        call("GET", CLIENT + "/devices", who, null).path("devices").forEach(d -> ids.add(d.path("device_id").asText()));
        Collections.sort(ids);
        return ids;
    }

    /** Whether {@code userId} is joined to the room, as {@code who} sees it. */
    public boolean isJoined(User who, String roomId, String userId) {
        return members(who, roomId).path("joined").has(userId);
    }

    /** The content of one state event ({@code stateKey} {@code ""} for most room-wide state). */
    public JsonNode state(User who, String roomId, String eventType, String stateKey) {
        return call("GET", room(roomId) + "/state/" + enc(eventType) + (stateKey.isEmpty() ? "" : "/" + enc(stateKey)),
                who, null);
    }

    /** The content of {@code m.room.power_levels}. */
    public JsonNode powerLevels(User who, String roomId) {
        return state(who, roomId, "m.room.power_levels", "");
    }

    /** Sets one user's power level in the room, keeping everything else in {@code m.room.power_levels}. */
    public void setPowerLevel(User admin, String roomId, String userId, int level) {
        ObjectNode levels = (ObjectNode) powerLevels(admin, roomId);
        ObjectNode users = levels.get("users") instanceof ObjectNode existing ? existing : levels.putObject("users");
        users.put(userId, level);
        call("PUT", room(roomId) + "/state/m.room.power_levels", admin, levels);
    }

    /** Sends a plain text message ({@code m.text}); returns its event id. */
    public String send(User who, String roomId, String body) {
        return sendContent(who, roomId, JSON.createObjectNode().put("msgtype", "m.text").put("body", body));
    }

    /** Sends a text message with an HTML rendering, as Element does for formatted text; returns its event id. */
    public String sendHtml(User who, String roomId, String body, String html) {
        return sendContent(who, roomId, JSON.createObjectNode().put("msgtype", "m.text").put("body", body)
                .put("format", "org.matrix.custom.html").put("formatted_body", html));
    }

    /** Sends a text message in the thread whose root event is {@code threadRoot}; returns its event id. */
    public String sendInThread(User who, String roomId, String threadRoot, String body) {
        ObjectNode content = JSON.createObjectNode().put("msgtype", "m.text").put("body", body);
        content.putObject("m.relates_to").put("rel_type", "m.thread").put("event_id", threadRoot);
        return sendContent(who, roomId, content);
    }

    /** Sends any {@code m.room.message} content; returns its event id. */
    public String sendContent(User who, String roomId, JsonNode content) {
        return call("PUT", room(roomId) + "/send/m.room.message/" + txnId(), who, content).path("event_id").asText();
    }

    /** Sends a plain text message once, without waiting out {@code 429}: to observe rate limiting. */
    public Response trySend(User who, String roomId, String body) {
        return exchange("PUT", room(roomId) + "/send/m.room.message/" + txnId(), who,
                JSON.createObjectNode().put("msgtype", "m.text").put("body", body));
    }

    /** The room's {@code m.room.message} events visible to {@code who}, oldest first (all pages, 100 at a time). */
    public List<JsonNode> messages(User who, String roomId) {
        List<JsonNode> newestFirst = new ArrayList<>();
        String from = null;
        while (true) {
            JsonNode page = call("GET", room(roomId) + "/messages?dir=b&limit=100"
                    + (from == null ? "" : "&from=" + enc(from)), who, null);
            page.path("chunk").forEach(event -> {
                if (event.path("type").asText().equals("m.room.message")) {
                    newestFirst.add(event);
                }
            });
            if (page.path("chunk").isEmpty() || !page.hasNonNull("end")) {
                break;
            }
            from = page.get("end").asText();
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Polls until at least {@code count} messages in the room match, and returns all that match, oldest first.
     *
     * @throws AssertionError on timeout, listing every message seen
     */
    public List<JsonNode> awaitMessages(User who, String roomId, Predicate<JsonNode> match, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> seen;
        while (true) {
            seen = messages(who, roomId);
            List<JsonNode> found = seen.stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " matching message(s) in " + roomId + " within "
                        + timeout + " but " + found.size() + " matched; " + seen.size() + " seen:\n"
                        + describe(seen));
            }
            sleep(100);
        }
    }

    /** Matches the {@code m.notice} messages (what bots send) of one sender. */
    public static Predicate<JsonNode> noticesFrom(String userId) {
        return event -> event.path("sender").asText().equals(userId)
                && event.path("content").path("msgtype").asText().equals("m.notice");
    }

    /** A one-line summary of a message event: sender, msgtype and body. */
    public static String describe(JsonNode event) {
        JsonNode content = event.path("content");
        return event.path("sender").asText() + " " + content.path("msgtype").asText() + ": "
                + content.path("body").asText();
    }

    /** The current sync position of {@code who}, to measure from with {@link #syncSince}. */
    public String syncNextBatch(User who) {
        return call("GET", CLIENT + "/sync?timeout=0&filter=" + enc("{\"room\":{\"timeline\":{\"limit\":1}}}"), who,
                null).path("next_batch").asText();
    }

    /** Long-polls {@code /sync} from {@code since}: returns as soon as something happens, or after the timeout. */
    public JsonNode syncSince(User who, String since, int timeoutMs) {
        return call("GET", CLIENT + "/sync?timeout=" + timeoutMs + "&since=" + enc(since), who, null,
                Duration.ofMillis(timeoutMs).plusSeconds(30));
    }

    /**
     * Sets a user's own {@code rc_message} limit (server default here: 50 per second, bursts of 200), e.g. 1 and 1
     * so that their second quick message gets {@code M_LIMIT_EXCEEDED}; 0 and 0 lifts the limit. Needs a server
     * admin ({@code register(name, true)}).
     */
    public void overrideMessageRateLimit(User admin, String userId, int messagesPerSecond, int burstCount) {
        call("POST", "/_synapse/admin/v1/users/" + enc(userId) + "/override_ratelimit", admin,
                JSON.createObjectNode().put("messages_per_second", messagesPerSecond).put("burst_count", burstCount));
    }

    /** Calls the API and returns the JSON body; fails on any status from 300 on, retries 429 up to 20 times. */
    public JsonNode call(String method, String path, User as, JsonNode body) {
        return call(method, path, as, body, Duration.ofSeconds(60));
    }

    private JsonNode call(String method, String path, User as, JsonNode body, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            Response response = exchange(method, path, as, body, timeout);
            if (response.status() == 429 && attempt < 20) {
                sleep(Math.max(50, response.body().path("retry_after_ms").asLong(500)));
                continue;
            }
            return ok(method, path, response);
        }
    }

    /** Calls the API once and returns whatever it answered, errors and {@code 429} included. */
    public Response exchange(String method, String path, User as, JsonNode body) {
        return exchange(method, path, as, body, Duration.ofSeconds(60));
    }

    private Response exchange(String method, String path, User as, JsonNode body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (as != null) {
            request.header("Authorization", "Bearer " + as.accessToken());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
        try {
            String text = response.body();
            return new Response(response.statusCode(), text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode()
                    + " with a body that is not JSON: " + response.body(), e);
        }
    }

    private static JsonNode ok(String method, String path, Response response) {
        if (response.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + response.status() + " " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        try {
            return new URI(baseUrl + path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid request path: " + path, e);
        }
    }

    private static String room(String roomId) {
        return CLIENT + "/rooms/" + enc(roomId);
    }

    private static String txnId() {
        return "animabot-" + TXN_PREFIX + "-" + TXN.incrementAndGet();
    }

    private static String password(String localpart) {
        return "pw-" + localpart; // as earlier versions of this fixture, so their users still log in
    }

    private String hmacSha1(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a path segment or query value ({@code !room:localhost} → {@code %21room%3Alocalhost}). */
    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(List<JsonNode> events) {
        return events.stream().map(event -> "  " + describe(event)).collect(Collectors.joining("\n"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code scripts/synapse.sh} of the Matrix module: found up from the compiled classes, else up from the cwd. */
    private static Path script() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(Synapse.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): the working directory remains
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                for (Path candidate : List.of(dir.resolve("scripts/synapse.sh"),
                        dir.resolve("adapters/matrix/scripts/synapse.sh"))) {
                    if (Files.isRegularFile(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException("scripts/synapse.sh not found above " + starts);
    }

    /** Runs the script and returns its stdout; its stderr (install progress, errors) goes to ours. */
    private static String run(Path script, String command) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(script + " " + command + " exited with " + exit
                        + " (its stderr is above): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(script + " " + command + " interrupted", e);
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
