package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * Discord's REST API, as much as a bot uses: login, commands, messages, direct messages, interaction callbacks
 * (messages, deferrals, choices, modals) and follow-ups, each as JSON or as multipart/form-data with files
 * ({@code payload_json} and {@code files[n]} parts), and the CDN that serves the files back. Every call is recorded;
 * an unknown route gets a 404 naming it, so it can never pass unnoticed. Bodies are checked against Discord's limits
 * and errors look like Discord's, so the bot's error handling is exercised.
 */
final class FakeRest extends Dispatcher {
    private static final String API = "api/v10/";
    private static final String CDN = "attachments/";
    private static final int EPHEMERAL = 64;
    private static final String BOT_AUTHORIZATION = "Bot " + FakeDiscord.BOT_TOKEN;
    /** Discord's limits on uploads: files per message, and bytes per file in a server without boosts. */
    static final int MAX_FILES = 10;
    static final int MAX_FILE_SIZE = 10 * 1024 * 1024;
    private static final Pattern FILE_PART = Pattern.compile("files\\[(\\d+)]");
    private static final Pattern DISPOSITION_PARAMETER =
            Pattern.compile(";\\s*([a-zA-Z*]+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A route's answer before the rate-limit headers are added. */
    private record Reply(int status, JsonNode body) {}

    /** The request as received, with the files of a multipart body. */
    private record Incoming(RecordedRequest request, List<UploadedFile> files) {}

    /** A body as read: its JSON (a multipart body's {@code payload_json}) and its files, or why it is refused. */
    private record Body(JsonNode json, List<UploadedFile> files, Reply refused) {}

    private interface Handler {
        Reply handle(Map<String, String> params, JsonNode body, Incoming in);
    }

    /**
     * A route: a template whose {@code {name}} segments are parameters, whether it needs the bot token and counts
     * against the global limit (interaction endpoints do neither, on Discord), and its per-channel bucket.
     */
    private record Route(String method, String template, boolean botRoute, String bucketParam, Handler handler) {
        Optional<Map<String, String>> match(String method, List<String> segments) {
            String[] parts = template.split("/");
            if (!this.method.equals(method) || parts.length != segments.size()) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].startsWith("{")) {
                    params.put(parts[i].substring(1, parts[i].length() - 1), segments.get(i));
                } else if (!parts[i].equals(segments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }

        String name() {
            return method + " " + template;
        }
    }

    private final World world;
    private final RateLimiter limiter;
    private final FakeGateway gateway;
    private final Supplier<String> gatewayUrl;
    private final Supplier<String> cdnUrl;
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final List<Route> routes = List.of(
            new Route("GET", "users/@me", true, null, (p, b, r) -> ok(selfUser())),
            new Route("GET", "gateway", false, null, (p, b, r) -> ok(gateway(false))),
            new Route("GET", "gateway/bot", true, null, (p, b, r) -> ok(gateway(true))),
            new Route("GET", "applications/{app}/commands", true, null, (p, b, r) -> commands(p, false)),
            new Route("PUT", "applications/{app}/commands", true, null, (p, b, r) -> putCommands(p, b, false)),
            new Route("GET", "applications/{app}/guilds/{guild}/commands", true, null,
                    (p, b, r) -> commands(p, true)),
            new Route("PUT", "applications/{app}/guilds/{guild}/commands", true, null,
                    (p, b, r) -> putCommands(p, b, true)),
            new Route("GET", "channels/{channel}", true, null, (p, b, r) -> channel(p.get("channel"))),
            new Route("POST", "channels/{channel}/messages", true, "channel",
                    (p, b, r) -> createMessage(p, b, r.files())),
            new Route("POST", "channels/{channel}/typing", true, null, (p, b, r) -> typing(p)),
            new Route("POST", "channels/{channel}/messages/{message}/threads", true, "channel",
                    (p, b, r) -> startThread(p, b)),
            new Route("POST", "users/@me/channels", true, null, (p, b, r) -> openDm(b)),
            new Route("GET", "guilds/{guild}/scheduled-events", true, null, (p, b, r) -> scheduledEvents(p)),
            new Route("POST", "guilds/{guild}/scheduled-events", true, "guild", (p, b, r) -> createEvent(p, b)),
            new Route("GET", "guilds/{guild}/scheduled-events/{event}", true, null, (p, b, r) -> scheduledEvent(p)),
            new Route("PATCH", "guilds/{guild}/scheduled-events/{event}", true, "guild",
                    (p, b, r) -> modifyEvent(p, b)),
            new Route("DELETE", "guilds/{guild}/scheduled-events/{event}", true, "guild",
                    (p, b, r) -> deleteEvent(p)),
            new Route("POST", "interactions/{id}/{token}/callback", false, null, this::callback),
            new Route("POST", "webhooks/{app}/{token}", false, null, (p, b, r) -> followUp(p, b, r.files())),
            new Route("GET", "webhooks/{app}/{token}/messages/{message}", false, null,
                    (p, b, r) -> getFollowUp(p)),
            new Route("PATCH", "webhooks/{app}/{token}/messages/{message}", false, null,
                    (p, b, r) -> editFollowUp(p, b, r.files())),
            new Route("DELETE", "webhooks/{app}/{token}/messages/{message}", false, null,
                    (p, b, r) -> deleteFollowUp(p)));

    /** @param cdnUrl where the files are served: {@code http://127.0.0.1:PORT/}, as Discord's CDN */
    FakeRest(World world, RateLimiter limiter, FakeGateway gateway, Supplier<String> gatewayUrl,
            Supplier<String> cdnUrl) {
        this.world = world;
        this.limiter = limiter;
        this.gateway = gateway;
        this.gatewayUrl = gatewayUrl;
        this.cdnUrl = cdnUrl;
    }

    void register(Interaction interaction) {
        interactions.put(interaction.id(), interaction);
    }

    synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        List<String> segments = request.getUrl().pathSegments();
        if (segments.size() == 1 && segments.get(0).isEmpty()
                && "websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
            return new MockResponse.Builder().webSocketUpgrade(gateway.connection()).build();
        }
        String method = request.getMethod();
        String path = String.join("/", segments);
        if (method.equals("GET") && path.startsWith(CDN)) {
            return file(path, segments);
        }
        Body read = body(request);
        JsonNode body = read.json();
        List<UploadedFile> files = read.files();
        if (!path.startsWith(API)) {
            return record(method, path, null, read, notFound(method, request.getUrl().encodedPath()), Map.of());
        }
        path = path.substring(API.length());
        List<String> apiSegments = segments.subList(2, segments.size());
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(method, apiSegments);
            if (params.isEmpty()) {
                continue;
            }
            if (route.botRoute() && !BOT_AUTHORIZATION.equals(request.getHeaders().get("Authorization"))) {
                return record(method, path, route.name(), read, error(401, 0, "401: Unauthorized"), Map.of());
            }
            String bucket = route.bucketParam() == null ? null
                    : route.name() + ":" + params.get().get(route.bucketParam());
            RateLimiter.Decision decision = limiter.admit(bucket, route.botRoute());
            if (!decision.allowed()) {
                ObjectNode limited = World.JSON.createObjectNode()
                        .put("message", "You are being rate limited.")
                        .put("retry_after", Math.round(decision.retryAfterSeconds() * 1000) / 1000.0)
                        .put("global", decision.global());
                if (!decision.global()) {
                    limited.put("code", 0);
                }
                return record(method, path, route.name(), read, new Reply(429, limited), decision.headers());
            }
            Reply reply = read.refused();
            if (reply == null) {
                try {
                    reply = route.handler().handle(params.get(), body, new Incoming(request, files));
                } catch (RuntimeException e) {
                    reply = error(500, 0, "the fake Discord failed: " + e);
                }
            }
            return record(method, path, route.name(), read, reply, decision.headers());
        }
        return record(method, path, null, read, notFound(method, request.getUrl().encodedPath()), Map.of());
    }

    private MockResponse record(String method, String path, String route, Body body, Reply reply,
            Map<String, String> headers) {
        synchronized (this) {
            calls.add(new RecordedCall(method, path, route, body.json(), reply.status(), Instant.now(),
                    body.files()));
        }
        MockResponse.Builder response = new MockResponse.Builder().code(reply.status())
                // without Via, JDA takes a 429 for a Cloudflare ban of every route
                .setHeader("Via", "1.1 google");
        headers.forEach(response::setHeader);
        if (reply.body() != null) {
            response.setHeader("Content-Type", "application/json").body(reply.body().toString());
        }
        return response.build();
    }

    // ---- login, gateway, channels

    private ObjectNode selfUser() {
        return world.userJson(FakeDiscord.BOT_ID).put("verified", true).put("mfa_enabled", false)
                .put("flags", 0).put("locale", "en-US");
    }

    private int recommendedShards = 1;

    /** The shard count {@code /gateway/bot} recommends. */
    synchronized void recommendShards(int shards) {
        this.recommendedShards = shards;
    }

    private synchronized int recommendedShards() {
        return recommendedShards;
    }

    private ObjectNode gateway(boolean bot) {
        ObjectNode json = World.JSON.createObjectNode().put("url", gatewayUrl.get());
        if (bot) {
            json.put("shards", recommendedShards()).putObject("session_start_limit").put("total", 1000)
                    .put("remaining", 999)
                    .put("reset_after", 86_400_000).put("max_concurrency", 1);
        }
        return json;
    }

    private Reply channel(String channelId) {
        if (!world.isTextChannel(channelId) && world.dmRecipient(channelId).isEmpty()) {
            return error(404, 10003, "Unknown Channel");
        }
        return ok(world.channelJson(channelId));
    }

    private Reply typing(Map<String, String> params) {
        Reply unknown = channel(params.get("channel"));
        return unknown.status() == 200 ? new Reply(204, null) : unknown;
    }

    // ---- scheduled events: Discord's rules for external events (entity_type 3)

    private Reply scheduledEvents(Map<String, String> params) {
        if (!world.isGuild(params.get("guild"))) {
            return error(404, 10004, "Unknown Guild");
        }
        ArrayNode all = World.JSON.createArrayNode();
        world.scheduledEvents().stream().filter(e -> e.path("guild_id").asText().equals(params.get("guild")))
                .forEach(all::add);
        return ok(all);
    }

    private Reply scheduledEvent(Map<String, String> params) {
        return world.scheduledEvent(params.get("event")).<Reply>map(FakeRest::ok)
                .orElseGet(() -> error(404, 10070, "Unknown Guild Scheduled Event"));
    }

    private Reply createEvent(Map<String, String> params, JsonNode body) {
        String guildId = params.get("guild");
        if (!world.isGuild(guildId)) {
            return error(404, 10004, "Unknown Guild");
        }
        if ((world.permissionsOf(FakeDiscord.BOT_ID, guildId) & (World.CREATE_EVENTS | World.MANAGE_EVENTS)) == 0) {
            return error(403, 50013, "Missing Permissions");
        }
        ObjectNode event = World.JSON.createObjectNode().put("id", World.snowflake())
                .put("guild_id", guildId).put("creator_id", FakeDiscord.BOT_ID).put("status", 1)
                .put("privacy_level", 2).putNull("channel_id").putNull("image").put("user_count", 0);
        Reply refused = applyEvent(event, body, true);
        if (refused != null) {
            return refused;
        }
        world.putScheduledEvent(event);
        gateway.dispatch("GUILD_SCHEDULED_EVENT_CREATE", event, FakeGateway.GUILD_SCHEDULED_EVENTS_INTENT);
        return ok(event);
    }

    private Reply modifyEvent(Map<String, String> params, JsonNode body) {
        Optional<ObjectNode> found = world.scheduledEvent(params.get("event"));
        if (found.isEmpty()) {
            return error(404, 10070, "Unknown Guild Scheduled Event");
        }
        ObjectNode event = found.get();
        Reply refused = applyEvent(event, body, false);
        if (refused != null) {
            return refused;
        }
        world.putScheduledEvent(event);
        gateway.dispatch("GUILD_SCHEDULED_EVENT_UPDATE", event, FakeGateway.GUILD_SCHEDULED_EVENTS_INTENT);
        return ok(event);
    }

    private Reply deleteEvent(Map<String, String> params) {
        Optional<ObjectNode> found = world.scheduledEvent(params.get("event"));
        if (found.isEmpty() || !world.deleteScheduledEvent(params.get("event"))) {
            return error(404, 10070, "Unknown Guild Scheduled Event");
        }
        gateway.dispatch("GUILD_SCHEDULED_EVENT_DELETE", found.get(), FakeGateway.GUILD_SCHEDULED_EVENTS_INTENT);
        return new Reply(204, null);
    }

    /** Copies the body's fields onto the event, checked as Discord checks them; null when accepted. */
    private static Reply applyEvent(ObjectNode event, JsonNode body, boolean creating) {
        for (String field : List.of("name", "description", "scheduled_start_time", "scheduled_end_time",
                "entity_type", "privacy_level", "entity_metadata")) {
            if (body.has(field)) {
                event.set(field, body.get(field).deepCopy());
            }
        }
        String name = event.path("name").asText("");
        if (name.isBlank() || name.length() > 100) {
            return formError("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        if (event.path("description").asText("").length() > 1000) {
            return formError("description", "BASE_TYPE_MAX_LENGTH", "Must be 1000 or fewer in length.");
        }
        if (event.path("entity_type").asInt() != 3) {
            return formError("entity_type", "GUILD_SCHEDULED_EVENT_ENTITY_TYPE_INVALID",
                    "The fake Discord knows external events only (entity_type 3).");
        }
        String location = event.path("entity_metadata").path("location").asText("");
        if (location.isBlank() || location.length() > 100) {
            return formError("entity_metadata.location", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        if (event.path("privacy_level").asInt() != 2) {
            return formError("privacy_level", "BASE_TYPE_CHOICES", "Value must be one of {2}.");
        }
        OffsetDateTime start;
        OffsetDateTime end;
        try {
            start = OffsetDateTime.parse(event.path("scheduled_start_time").asText());
            end = OffsetDateTime.parse(event.path("scheduled_end_time").asText());
        } catch (DateTimeParseException e) {
            return formError("scheduled_end_time", "GUILD_SCHEDULED_EVENT_SCHEDULE_INVALID",
                    "External events need a start and an end time.");
        }
        if ((creating || body.has("scheduled_start_time")) && !start.isAfter(OffsetDateTime.now())) {
            return formError("scheduled_start_time", "GUILD_SCHEDULED_EVENT_SCHEDULE_PAST",
                    "Cannot schedule event in the past.");
        }
        if (!end.isAfter(start)) {
            return formError("scheduled_end_time", "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                    "Cannot schedule event to end before starting.");
        }
        return null;
    }

    private Reply openDm(JsonNode body) {
        String recipient = body.path("recipient_id").asText();
        if (!world.isMember(recipient)) {
            return formError("recipient_id", "NUMBER_TYPE_COERCE", "Value \"" + recipient + "\" is not snowflake.");
        }
        return ok(world.channelJson(world.dmChannelOf(recipient)));
    }

    // ---- commands

    private Reply commands(Map<String, String> params, boolean guild) {
        Reply refused = checkApplication(params, guild);
        return refused != null ? refused : ok(world.commands(guild));
    }

    /** Registrations still to fail with a 500, as during a Discord incident. */
    private final java.util.concurrent.atomic.AtomicInteger failingRegistrations =
            new java.util.concurrent.atomic.AtomicInteger();

    void failCommandRegistrations(int times) {
        failingRegistrations.set(times);
    }

    private Reply putCommands(Map<String, String> params, JsonNode body, boolean guild) {
        if (failingRegistrations.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(500, 0, "500: Internal Server Error");
        }
        Reply refused = checkApplication(params, guild);
        if (refused != null) {
            return refused;
        }
        if (!body.isArray()) {
            return formError("_root", "ARRAY_TYPE_CONVERT", "Only iterables may be used in a ListType");
        }
        if (body.size() > 100) {
            return formError("_root", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
        ArrayNode previous = world.commands(guild);
        ArrayNode saved = World.JSON.createArrayNode();
        for (int i = 0; i < body.size(); i++) {
            JsonNode command = body.get(i);
            String name = command.path("name").asText();
            int type = command.path("type").asInt(1);
            if (type == 1 && !name.matches("[-_\\p{Ll}\\p{N}]{1,32}")) {
                return formError(i + ".name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
            if (type == 1 && (command.path("description").asText().isEmpty()
                    || command.path("description").asText().length() > 100)) {
                return formError(i + ".description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
            if (command.path("options").size() > 25) {
                return formError(i + ".options", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }
            ObjectNode stored = ((ObjectNode) command).deepCopy();
            // Discord keeps a command's id when it is overwritten under the same name
            String id = World.snowflake();
            for (JsonNode old : previous) {
                if (old.path("name").asText().equals(name) && old.path("type").asInt(1) == type) {
                    id = old.path("id").asText();
                }
            }
            stored.put("id", id).put("application_id", FakeDiscord.APPLICATION_ID).put("version", World.snowflake())
                    .put("type", type);
            if (guild) {
                stored.put("guild_id", FakeDiscord.GUILD_ID);
            }
            if (!stored.has("default_member_permissions")) {
                stored.putNull("default_member_permissions");
            }
            if (!stored.has("nsfw")) {
                stored.put("nsfw", false);
            }
            saved.add(stored);
        }
        world.setCommands(guild, saved);
        return ok(saved);
    }

    private Reply checkApplication(Map<String, String> params, boolean guild) {
        if (!FakeDiscord.APPLICATION_ID.equals(params.get("app"))) {
            return error(403, 50001, "Missing Access");
        }
        if (guild && !FakeDiscord.GUILD_ID.equals(params.get("guild"))) {
            return error(403, 50001, "Missing Access");
        }
        return null;
    }

    // ---- messages

    private Reply createMessage(Map<String, String> params, JsonNode body, List<UploadedFile> files) {
        String channelId = params.get("channel");
        if (!world.isTextChannel(channelId) && world.dmRecipient(channelId).isEmpty()) {
            return error(404, 10003, "Unknown Channel");
        }
        if (!world.acceptsDirectMessages(channelId)) {
            return error(403, 50007, "Cannot send messages to this user");
        }
        if (body.isTextual()) {
            return error(400, 50109, "The request body contains invalid JSON.");
        }
        Reply invalid = checkMessage(body, true, files);
        if (invalid != null) {
            return invalid;
        }
        String nonce = body.hasNonNull("nonce") ? body.get("nonce").asText() : null;
        ObjectNode message = message(body, channelId, 0, files);
        JsonNode reference = body.path("message_reference");
        if (reference.hasNonNull("message_id")) {
            String referenced = reference.get("message_id").asText();
            Optional<ObjectNode> original = world.message(referenced)
                    .filter(m -> m.path("channel_id").asText().equals(channelId));
            if (original.isEmpty() && reference.path("fail_if_not_exists").asBoolean(true)) {
                return formError("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
            }
            ObjectNode ref = message.putObject("message_reference").put("type", 0)
                    .put("message_id", referenced).put("channel_id", channelId);
            if (world.isTextChannel(channelId)) {
                ref.put("guild_id", world.guildOf(channelId));
            }
            original.ifPresent(o -> message.put("type", 19).set("referenced_message", o));
        }
        ObjectNode stored = message.deepCopy();
        // not part of Discord's message object, but what the tests check about pings
        if (body.has("allowed_mentions")) {
            stored.set("allowed_mentions", body.get("allowed_mentions").deepCopy());
        }
        // Discord returns the message already created with an enforced nonce instead of posting it twice
        return world.post(channelId, stored, nonce, body.path("enforce_nonce").asBoolean())
                .map(existing -> ok(withoutRequestFields(existing)))
                .orElseGet(() -> ok(message));
    }

    /** A public thread on one of a text channel's messages, as Discord starts it; one per message. */
    private Reply startThread(Map<String, String> params, JsonNode body) {
        String channelId = params.get("channel");
        String messageId = params.get("message");
        if (!world.isTextChannel(channelId)) {
            return error(404, 10003, "Unknown Channel");
        }
        if (world.message(messageId).filter(m -> m.path("channel_id").asText().equals(channelId)).isEmpty()) {
            return error(404, 10008, "Unknown Message");
        }
        String name = body.path("name").asText("");
        if (name.isBlank() || name.length() > 100) {
            return formError("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        ObjectNode thread = World.JSON.createObjectNode()
                .put("id", messageId)
                .put("type", 11)
                .put("guild_id", world.guildOf(channelId))
                .put("parent_id", channelId)
                .put("name", name)
                .put("owner_id", FakeDiscord.BOT_ID)
                .put("member_count", 1)
                .put("message_count", 0)
                .put("total_message_count", 0)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        thread.putObject("thread_metadata")
                .put("archived", false)
                .put("auto_archive_duration", body.path("auto_archive_duration").asInt(1440))
                .put("archive_timestamp", Instant.now().toString())
                .put("locked", false)
                .put("create_timestamp", Instant.now().toString());
        return world.startThread(messageId, thread).map(FakeRest::ok)
                .orElseGet(() -> error(400, 160004, "A thread has already been created for this message"));
    }

    private static ObjectNode withoutRequestFields(ObjectNode stored) {
        ObjectNode message = stored.deepCopy();
        message.remove("allowed_mentions");
        return message;
    }

    /** A message object as Discord returns it, written by the bot, without files. */
    private ObjectNode message(JsonNode body, String channelId, int type) {
        return message(body, channelId, type, List.of());
    }

    /** A message object as Discord returns it, written by the bot, with the files uploaded with it. */
    private ObjectNode message(JsonNode body, String channelId, int type, List<UploadedFile> files) {
        ObjectNode message = World.JSON.createObjectNode()
                .put("id", World.snowflake())
                .put("type", type)
                .put("channel_id", channelId);
        message.set("author", world.userJson(FakeDiscord.BOT_ID));
        message.put("content", body.path("content").asText(""));
        ArrayNode embeds = message.putArray("embeds");
        body.path("embeds").forEach(e -> {
            ObjectNode embed = ((ObjectNode) e).deepCopy();
            if (!embed.has("type")) {
                embed.put("type", "rich");
            }
            embeds.add(embed);
        });
        message.set("components", body.has("components") ? body.get("components").deepCopy()
                : World.JSON.createArrayNode());
        message.set("attachments", attachments(body, channelId, files));
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.put("mention_everyone", false)
                .put("pinned", false)
                .put("tts", body.path("tts").asBoolean(false))
                .put("timestamp", World.now())
                .put("edited_timestamp", (String) null)
                .put("flags", body.path("flags").asInt(0));
        if (body.hasNonNull("nonce")) {
            message.set("nonce", body.get("nonce").deepCopy());
        }
        return message;
    }

    /**
     * The attachment objects of a message, as Discord makes them for the uploads: a new id, the name and description
     * the body's {@code attachments} entry gives for {@code files[n]} (its {@code id} is n), else the part's file
     * name, and a CDN url where the fake serves the file; each file is kept under its attachment's id.
     */
    private ArrayNode attachments(JsonNode body, String channelId, List<UploadedFile> files) {
        ArrayNode attachments = World.JSON.createArrayNode();
        boolean ephemeral = (body.path("flags").asInt() & 64) != 0;
        for (UploadedFile file : files) {
            JsonNode described = World.JSON.createObjectNode();
            for (JsonNode entry : body.path("attachments")) {
                if (entry.path("id").asText().equals(Integer.toString(file.index()))) {
                    described = entry;
                }
            }
            String id = World.snowflake();
            String name = described.path("filename").asText(file.fileName());
            String url = HttpUrl.get(cdnUrl.get()).newBuilder().addPathSegment("attachments")
                    .addPathSegment(channelId).addPathSegment(id).addPathSegment(name).build().toString();
            ObjectNode attachment = attachments.addObject()
                    .put("id", id)
                    .put("filename", name)
                    .put("size", file.size())
                    .put("url", url)
                    .put("proxy_url", url);
            if (file.contentType() != null) {
                attachment.put("content_type", file.contentType());
            }
            if (described.hasNonNull("description")) {
                attachment.put("description", described.get("description").asText());
            }
            if (ephemeral) {
                attachment.put("ephemeral", true);
            }
            world.keepFile(id, file);
        }
        return attachments;
    }

    /** Serves a file the bot uploaded, as Discord's CDN does at the attachment's url. */
    private MockResponse file(String path, List<String> segments) {
        Optional<UploadedFile> file = segments.size() == 4 ? world.file(segments.get(2)) : Optional.empty();
        Reply reply = file.isPresent() ? new Reply(200, null) : error(404, 0, "404: Not Found");
        synchronized (this) {
            calls.add(new RecordedCall("GET", path, file.isPresent() ? "GET cdn attachments/{channel}/{id}/{name}"
                    : null, MissingNode.getInstance(), reply.status(),
                    Instant.now()));
        }
        if (file.isEmpty()) {
            return new MockResponse.Builder().code(404).body("Not Found").build();
        }
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .body(new Buffer().write(file.get().content()));
        if (file.get().contentType() != null) {
            response.setHeader("Content-Type", file.get().contentType());
        }
        return response.build();
    }

    /** Discord's limits on uploads: how many files, and how large. */
    private static Reply checkFiles(List<UploadedFile> files) {
        if (files.size() > MAX_FILES) {
            return formError("files", "BASE_TYPE_MAX_LENGTH", "Must be " + MAX_FILES + " or fewer in length.");
        }
        for (UploadedFile file : files) {
            if (file.size() > MAX_FILE_SIZE) {
                return error(413, 40005, "Request entity too large");
            }
            if (file.fileName().isBlank()) {
                return formError("files." + file.index(), "BASE_TYPE_REQUIRED", "This field is required");
            }
        }
        return null;
    }

    /** Discord's limits on a message body and its files; null when it would be accepted. */
    private static Reply checkMessage(JsonNode body, boolean creating, List<UploadedFile> files) {
        Reply badFiles = checkFiles(files);
        if (badFiles != null) {
            return badFiles;
        }
        Reply invalid = checkMessage(body, creating);
        // a file alone makes a message
        return invalid != null && !(files.size() > 0 && invalid.status() == 400
                && invalid.body().path("code").asInt() == 50006) ? invalid : null;
    }

    /** Discord's limits on a message body; null when it would be accepted. */
    private static Reply checkMessage(JsonNode body, boolean creating) {
        String content = body.path("content").asText("");
        if (content.length() > 2000) {
            return formError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }
        JsonNode embeds = body.path("embeds");
        if (embeds.size() > 10) {
            return formError("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            JsonNode embed = embeds.get(i);
            String at = "embeds." + i + ".";
            Reply tooLong = firstTooLong(embed, at, "title", 256, "description", 4096);
            if (tooLong == null) {
                tooLong = firstTooLong(embed.path("footer"), at + "footer.", "text", 2048);
            }
            if (tooLong == null) {
                tooLong = firstTooLong(embed.path("author"), at + "author.", "name", 256);
            }
            if (tooLong != null) {
                return tooLong;
            }
            if (embed.path("fields").size() > 25) {
                return formError(at + "fields", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
            }
            for (int f = 0; f < embed.path("fields").size(); f++) {
                JsonNode field = embed.path("fields").get(f);
                tooLong = firstTooLong(field, at + "fields." + f + ".", "name", 256, "value", 1024);
                if (tooLong != null) {
                    return tooLong;
                }
                total += field.path("name").asText("").length() + field.path("value").asText("").length();
            }
            total += embed.path("title").asText("").length() + embed.path("description").asText("").length()
                    + embed.path("footer").path("text").asText("").length()
                    + embed.path("author").path("name").asText("").length();
        }
        if (total > 6000) {
            return formError("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
        }
        JsonNode rows = body.path("components");
        if (rows.size() > 5) {
            return formError("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
        }
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (row.path("type").asInt() == 1 && row.path("components").size() > 5) {
                return formError("components." + r + ".components", "BASE_TYPE_MAX_LENGTH",
                        "Must be 5 or fewer in length.");
            }
            for (int c = 0; c < row.path("components").size(); c++) {
                Reply tooLong = firstTooLong(row.path("components").get(c), "components." + r + ".components." + c
                        + ".", "custom_id", 100, "label", 80);
                if (tooLong != null) {
                    return tooLong;
                }
            }
        }
        boolean empty = content.isBlank() && embeds.isEmpty() && rows.isEmpty()
                && body.path("sticker_ids").isEmpty() && body.path("attachments").isEmpty() && !body.has("poll");
        if (creating && empty) {
            return error(400, 50006, "Cannot send an empty message");
        }
        return null;
    }

    /** The first of (field, max) pairs whose text is too long, as a Discord form error. */
    private static Reply firstTooLong(JsonNode object, String at, Object... fieldsAndMaxima) {
        for (int i = 0; i < fieldsAndMaxima.length; i += 2) {
            String field = (String) fieldsAndMaxima[i];
            int max = (Integer) fieldsAndMaxima[i + 1];
            if (object.path(field).asText("").length() > max) {
                return formError(at + field, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
            }
        }
        return null;
    }

    // ---- interactions

    private Reply callback(Map<String, String> params, JsonNode body, Incoming in) {
        Interaction interaction = interactions.get(params.get("id"));
        if (interaction == null || !interaction.token().equals(params.get("token"))) {
            return error(404, 10062, "Unknown interaction");
        }
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        List<UploadedFile> files = in.files();
        List<Integer> allowed = allowedCallbacks(interaction);
        Reply invalid = switch (type) {
            case 4 -> checkMessage(data, true, files);
            case 7 -> checkMessage(data, false, files);
            case 8 -> checkChoices(data);
            case 9 -> checkModal(data);
            case 1, 5, 6, 12 -> null;
            default -> formError("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 12}.");
        };
        if (invalid == null && !allowed.contains(type)) {
            // e.g. a modal in answer to a submitted modal, or a message in answer to an autocomplete
            invalid = formError("type", "BASE_TYPE_CHOICES", "Value must be one of "
                    + allowed.toString().replace('[', '{').replace(']', '}') + ".");
        }
        if (invalid == null && !files.isEmpty() && type != 4 && type != 7) {
            invalid = formError("files", "BASE_TYPE_MAX_LENGTH", "Files go only with a message (types 4 and 7).");
        }
        if (invalid != null) {
            return invalid;
        }
        String messageId = switch (type) {
            case 4, 5 -> World.snowflake();
            case 6, 7 -> interaction.clickedMessageId(); // these update the message whose button was clicked
            default -> null;
        };
        switch (interaction.respond(body, messageId, files)) {
            case ALREADY_ACKNOWLEDGED:
                return error(400, 40060, "Interaction has already been acknowledged.");
            case EXPIRED:
                return error(404, 10062, "Unknown interaction");
            default:
                break;
        }
        ObjectNode resource = World.JSON.createObjectNode().put("type", type);
        if (type == 4) {
            ObjectNode message = message(data, interaction.channelId(), 20, files);
            message.put("id", messageId).put("webhook_id", FakeDiscord.APPLICATION_ID)
                    .put("application_id", FakeDiscord.APPLICATION_ID);
            world.remember(message);
            resource.set("message", message);
        } else if (type == 7 && messageId != null) {
            ObjectNode message = world.message(messageId).orElseGet(() -> message(data, interaction.channelId(), 0));
            applyEdit(message, data, attachments(data, interaction.channelId(), files));
            message.put("id", messageId);
            world.remember(message);
            resource.set("message", message);
        }
        if (!"true".equals(in.request().getUrl().queryParameter("with_response"))) {
            return new Reply(204, null);
        }
        ObjectNode answer = World.JSON.createObjectNode();
        answer.putObject("interaction").put("id", interaction.id())
                .put("response_message_id", messageId)
                .put("response_message_loading", type == 5)
                .put("response_message_ephemeral", (data.path("flags").asInt() & 64) != 0);
        answer.set("resource", resource);
        return ok(answer);
    }

    /** The callback types Discord takes for each type of interaction. */
    private static List<Integer> allowedCallbacks(Interaction interaction) {
        return switch (interaction.type()) {
            case 2 -> List.of(4, 5, 9, 12);
            case 3 -> List.of(4, 5, 6, 7, 9, 12);
            case 4 -> List.of(8);
            case 5 -> interaction.clickedMessageId() == null ? List.of(4, 5) : List.of(4, 5, 6, 7);
            default -> List.of(1);
        };
    }

    /**
     * Discord's rules for a modal: a custom id and a title, one to five components, each a label (type 18) around a
     * text input, or, as before labels, an action row (type 1) holding one text input with its own label; text
     * displays (type 10) may come between them. The fake has no other modal components: it refuses them loudly.
     */
    private static Reply checkModal(JsonNode data) {
        Reply tooLong = firstBadLength(data, "data.", "custom_id", 1, 100, "title", 1, 45);
        if (tooLong != null) {
            return tooLong;
        }
        JsonNode components = data.path("components");
        if (components.size() < 1 || components.size() > 5) {
            return formError("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        Set<String> customIds = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String at = "data.components." + i + ".";
            JsonNode input;
            String inputAt;
            switch (component.path("type").asInt()) {
                case 18 -> {
                    Reply label = firstBadLength(component, at, "label", 1, 45);
                    if (label == null && component.path("description").asText("").length() > 100) {
                        label = formError(at + "description", "BASE_TYPE_MAX_LENGTH",
                                "Must be 100 or fewer in length.");
                    }
                    if (label != null) {
                        return label;
                    }
                    input = component.path("component");
                    inputAt = at + "component.";
                    if (input.has("label")) {
                        return formError(inputAt + "label", "COMPONENT_LABEL_NOT_ALLOWED",
                                "A text input in a label takes its label from the label component.");
                    }
                }
                case 1 -> {
                    if (component.path("components").size() != 1) {
                        return formError(at + "components", "BASE_TYPE_BAD_LENGTH",
                                "Must be between 1 and 1 in length.");
                    }
                    input = component.path("components").get(0);
                    inputAt = at + "components.0.";
                    Reply label = firstBadLength(input, inputAt, "label", 1, 45);
                    if (label != null) {
                        return label;
                    }
                }
                case 10 -> {
                    Reply text = firstBadLength(component, at, "content", 1, 4000);
                    if (text != null) {
                        return text;
                    }
                    continue;
                }
                default -> {
                    return formError(at + "type", "UNSUPPORTED_BY_THE_FAKE", "The fake Discord knows no modal "
                            + "component of type " + component.path("type").asInt() + " (labels, action rows and "
                            + "text displays only).");
                }
            }
            if (input.path("type").asInt() != 4) {
                return formError(inputAt + "type", "UNSUPPORTED_BY_THE_FAKE", "The fake Discord knows only text "
                        + "inputs (type 4) in modals, not type " + input.path("type").asInt() + ".");
            }
            Reply bad = checkTextInput(input, inputAt);
            if (bad != null) {
                return bad;
            }
            if (!customIds.add(input.path("custom_id").asText())) {
                return formError(inputAt + "custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated");
            }
        }
        return null;
    }

    /** A text input's rules: custom id, style 1 (short) or 2 (paragraph), lengths within 4,000, a value that fits. */
    private static Reply checkTextInput(JsonNode input, String at) {
        Reply bad = firstBadLength(input, at, "custom_id", 1, 100);
        if (bad != null) {
            return bad;
        }
        int style = input.path("style").asInt();
        if (style != 1 && style != 2) {
            return formError(at + "style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
        }
        int min = input.path("min_length").asInt(0);
        int max = input.path("max_length").asInt(4000);
        if (min < 0 || min > 4000) {
            return formError(at + "min_length", "NUMBER_TYPE_MAX", "Int value should be between 0 and 4000.");
        }
        if (max < 1 || max > 4000) {
            return formError(at + "max_length", "NUMBER_TYPE_MAX", "Int value should be between 1 and 4000.");
        }
        if (input.path("placeholder").asText("").length() > 100) {
            return formError(at + "placeholder", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
        }
        if (input.path("value").asText("").length() > max) {
            return formError(at + "value", "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
        }
        return null;
    }

    /** The first of (field, min, max) triples whose text is missing or of a length outside the range. */
    private static Reply firstBadLength(JsonNode object, String at, Object... fieldsAndRanges) {
        for (int i = 0; i < fieldsAndRanges.length; i += 3) {
            String field = (String) fieldsAndRanges[i];
            int min = (Integer) fieldsAndRanges[i + 1];
            int max = (Integer) fieldsAndRanges[i + 2];
            int length = object.path(field).asText("").length();
            if (length < min || length > max) {
                return formError(at + field, "BASE_TYPE_BAD_LENGTH",
                        "Must be between " + min + " and " + max + " in length.");
            }
        }
        return null;
    }

    private static Reply checkChoices(JsonNode data) {
        JsonNode choices = data.path("choices");
        if (choices.size() > 25) {
            return formError("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < choices.size(); i++) {
            String name = choices.get(i).path("name").asText("");
            if (name.isEmpty() || name.length() > 100) {
                return formError("data.choices." + i + ".name", "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.");
            }
            JsonNode value = choices.get(i).path("value");
            if (value.isTextual() && value.asText().length() > 100) {
                return formError("data.choices." + i + ".value", "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.");
            }
        }
        return null;
    }

    /** The interaction a webhook token belongs to, once answered: before that, Discord knows no such webhook. */
    private Interaction acknowledged(Map<String, String> params) {
        if (!FakeDiscord.APPLICATION_ID.equals(params.get("app"))) {
            return null;
        }
        return interactions.values().stream()
                .filter(i -> i.token().equals(params.get("token")) && i.acknowledged())
                .findFirst().orElse(null);
    }

    /**
     * A follow-up: a new message, except the first after a deferral, which fills the deferred message, as Discord
     * does; that one keeps the deferral's visibility, whatever flags the follow-up asks for.
     */
    private Reply followUp(Map<String, String> params, JsonNode body, List<UploadedFile> files) {
        Interaction interaction = acknowledged(params);
        if (interaction == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        Reply invalid = checkMessage(body, true, files);
        if (invalid != null) {
            return invalid;
        }
        interaction.followUp(body, files);
        ObjectNode message = message(body, interaction.channelId(), 0, files);
        if (interaction.fillDeferred()) {
            int deferredFlags = interaction.response().orElseThrow().path("data").path("flags").asInt(0);
            message.put("id", interaction.responseMessageId()).put("type", 20)
                    .put("flags", (message.path("flags").asInt() & ~EPHEMERAL) | (deferredFlags & EPHEMERAL));
        }
        message.put("webhook_id", FakeDiscord.APPLICATION_ID).put("application_id", FakeDiscord.APPLICATION_ID);
        world.remember(message);
        return ok(message);
    }

    private Reply getFollowUp(Map<String, String> params) {
        Interaction interaction = acknowledged(params);
        if (interaction == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        return world.message(messageId(interaction, params)).<Reply>map(FakeRest::ok)
                .orElseGet(() -> error(404, 10008, "Unknown Message"));
    }

    private Reply editFollowUp(Map<String, String> params, JsonNode body, List<UploadedFile> files) {
        Interaction interaction = acknowledged(params);
        if (interaction == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        Reply invalid = checkMessage(body, false, files);
        if (invalid != null) {
            return invalid;
        }
        String id = messageId(interaction, params);
        boolean filling = "@original".equals(params.get("message")) && interaction.fillDeferred();
        // editing a deferred response is what creates its message
        ObjectNode message = world.message(id)
                .orElseGet(() -> message(body, interaction.channelId(), 20).put("id", id));
        applyEdit(message, body, attachments(body, interaction.channelId(), files));
        if (filling) {
            // an edit cannot change whether a message is ephemeral: the deferral decided
            int deferredFlags = interaction.response().orElseThrow().path("data").path("flags").asInt(0);
            message.put("flags", (message.path("flags").asInt() & ~EPHEMERAL) | (deferredFlags & EPHEMERAL));
        }
        message.put("webhook_id", FakeDiscord.APPLICATION_ID)
                .put("application_id", FakeDiscord.APPLICATION_ID);
        world.remember(message);
        interaction.followUp(body, files);
        return ok(message);
    }

    /**
     * Applies an edit: its fields replace the message's; its {@code attachments} list the files kept (by their ids),
     * to which the files uploaded with the edit are added.
     */
    private static void applyEdit(ObjectNode message, JsonNode edit, ArrayNode uploaded) {
        for (String field : List.of("content", "embeds", "components", "flags")) {
            if (edit.has(field)) {
                message.set(field, edit.get(field).deepCopy());
            }
        }
        ArrayNode attachments = World.JSON.createArrayNode();
        for (JsonNode kept : message.path("attachments")) {
            boolean listed = !edit.has("attachments");
            for (JsonNode entry : edit.path("attachments")) {
                listed |= entry.path("id").asText().equals(kept.path("id").asText());
            }
            if (listed) {
                attachments.add(kept.deepCopy());
            }
        }
        attachments.addAll(uploaded);
        message.set("attachments", attachments);
        message.put("edited_timestamp", World.now());
    }

    private Reply deleteFollowUp(Map<String, String> params) {
        return acknowledged(params) == null ? error(404, 10015, "Unknown Webhook") : new Reply(204, null);
    }

    private static String messageId(Interaction interaction, Map<String, String> params) {
        String id = params.get("message");
        return "@original".equals(id) ? interaction.responseMessageId() : id;
    }

    // ---- answers

    /** The body: JSON, or multipart/form-data with its {@code payload_json} and {@code files[n]} parts. */
    private static Body body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return new Body(MissingNode.getInstance(), List.of(), null);
        }
        MediaType type = MediaType.parse(String.valueOf(request.getHeaders().get("Content-Type")));
        if (type != null && type.type().equals("multipart") && type.subtype().equals("form-data")) {
            return multipart(request, type.parameter("boundary"));
        }
        return new Body(json(request.getBody().utf8()), List.of(), null);
    }

    private static JsonNode json(String text) {
        try {
            return World.JSON.readTree(text);
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
    }

    /**
     * A multipart/form-data body as Discord reads it: the JSON in {@code payload_json}, the files in {@code files[n]}
     * parts, each with its file name. A part the fake does not know is refused loudly.
     */
    private static Body multipart(RecordedRequest request, String boundary) {
        JsonNode json = World.JSON.createObjectNode();
        List<UploadedFile> files = new ArrayList<>();
        if (boundary == null) {
            return new Body(json, files, error(400, 50109, "The request body contains invalid JSON."));
        }
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                Map<String, String> disposition = disposition(part.headers().get("Content-Disposition"));
                String name = disposition.getOrDefault("name", "");
                byte[] content = part.body().readByteArray();
                Matcher file = FILE_PART.matcher(name);
                if (name.equals("payload_json")) {
                    json = json(new String(content, StandardCharsets.UTF_8));
                } else if (file.matches()) {
                    files.add(new UploadedFile(Integer.parseInt(file.group(1)), disposition.getOrDefault("filename",
                            ""), part.headers().get("Content-Type"), content));
                } else {
                    return new Body(json, files, formError(name.isEmpty() ? "_form" : name, "UNSUPPORTED_BY_THE_FAKE",
                            "The fake Discord reads only payload_json and files[n] parts, not \"" + name + "\"."));
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Body(json, files, error(400, 50109, "The request body is not valid multipart/form-data: "
                    + e.getMessage()));
        }
        if (json.isTextual()) {
            return new Body(json, files, error(400, 50109, "The request body contains invalid JSON."));
        }
        return new Body(json, files, null);
    }

    /** The parameters of a {@code Content-Disposition: form-data; name="…"; filename="…"} header. */
    private static Map<String, String> disposition(String header) {
        Map<String, String> parameters = new HashMap<>();
        if (header == null) {
            return parameters;
        }
        Matcher parameter = DISPOSITION_PARAMETER.matcher(header);
        while (parameter.find()) {
            // OkHttp (and browsers) write '"', CR and LF in names as %22, %0D and %0A
            String value = parameter.group(2).replace("\\\"", "\"").replace("%22", "\"").replace("%0D", "\r")
                    .replace("%0A", "\n");
            parameters.put(parameter.group(1).toLowerCase(Locale.ROOT), value);
        }
        return parameters;
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, int code, String message) {
        return new Reply(status, World.JSON.createObjectNode().put("message", message).put("code", code));
    }

    private static Reply notFound(String method, String path) {
        return error(404, 0, "404: Not Found (the fake Discord has no route for " + method + " " + path + ")");
    }

    /** Discord's "Invalid Form Body": {@code errors} nests the field path, e.g. {@code embeds.0.description}. */
    private static Reply formError(String path, String code, String message) {
        ObjectNode body = World.JSON.createObjectNode().put("message", "Invalid Form Body").put("code", 50035);
        ObjectNode at = body.putObject("errors");
        for (String part : path.split("\\.")) {
            at = at.putObject(part);
        }
        at.putArray("_errors").addObject().put("code", code).put("message", message);
        return new Reply(400, body);
    }
}
