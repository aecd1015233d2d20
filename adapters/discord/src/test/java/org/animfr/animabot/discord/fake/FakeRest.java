package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Discord's REST API, as much as a bot uses: login, commands, messages, direct messages, interaction callbacks and
 * follow-ups. Every call is recorded; an unknown route gets a 404 naming it, so it can never pass unnoticed. Bodies
 * are checked against Discord's limits and errors look like Discord's, so the bot's error handling is exercised.
 */
final class FakeRest extends Dispatcher {
    private static final String API = "api/v10/";
    private static final String BOT_AUTHORIZATION = "Bot " + FakeDiscord.BOT_TOKEN;

    /** A route's answer before the rate-limit headers are added. */
    private record Reply(int status, JsonNode body) {}

    private interface Handler {
        Reply handle(Map<String, String> params, JsonNode body, RecordedRequest request);
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
            new Route("POST", "channels/{channel}/messages", true, "channel", (p, b, r) -> createMessage(p, b)),
            new Route("POST", "channels/{channel}/typing", true, null, (p, b, r) -> typing(p)),
            new Route("POST", "channels/{channel}/messages/{message}/threads", true, "channel",
                    (p, b, r) -> startThread(p, b)),
            new Route("POST", "users/@me/channels", true, null, (p, b, r) -> openDm(b)),
            new Route("POST", "interactions/{id}/{token}/callback", false, null, this::callback),
            new Route("POST", "webhooks/{app}/{token}", false, null, (p, b, r) -> followUp(p, b)),
            new Route("GET", "webhooks/{app}/{token}/messages/{message}", false, null,
                    (p, b, r) -> getFollowUp(p)),
            new Route("PATCH", "webhooks/{app}/{token}/messages/{message}", false, null,
                    (p, b, r) -> editFollowUp(p, b)),
            new Route("DELETE", "webhooks/{app}/{token}/messages/{message}", false, null,
                    (p, b, r) -> deleteFollowUp(p)));

    FakeRest(World world, RateLimiter limiter, FakeGateway gateway, Supplier<String> gatewayUrl) {
        this.world = world;
        this.limiter = limiter;
        this.gateway = gateway;
        this.gatewayUrl = gatewayUrl;
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
        JsonNode body = body(request);
        if (!path.startsWith(API)) {
            return record(method, path, null, body, notFound(method, request.getUrl().encodedPath()), Map.of());
        }
        path = path.substring(API.length());
        List<String> apiSegments = segments.subList(2, segments.size());
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(method, apiSegments);
            if (params.isEmpty()) {
                continue;
            }
            if (route.botRoute() && !BOT_AUTHORIZATION.equals(request.getHeaders().get("Authorization"))) {
                return record(method, path, route.name(), body, error(401, 0, "401: Unauthorized"), Map.of());
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
                return record(method, path, route.name(), body, new Reply(429, limited), decision.headers());
            }
            Reply reply;
            try {
                reply = route.handler().handle(params.get(), body, request);
            } catch (RuntimeException e) {
                reply = error(500, 0, "the fake Discord failed: " + e);
            }
            return record(method, path, route.name(), body, reply, decision.headers());
        }
        return record(method, path, null, body, notFound(method, request.getUrl().encodedPath()), Map.of());
    }

    private MockResponse record(String method, String path, String route, JsonNode body, Reply reply,
            Map<String, String> headers) {
        synchronized (this) {
            calls.add(new RecordedCall(method, path, route, body, reply.status(), Instant.now()));
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

    private ObjectNode gateway(boolean bot) {
        ObjectNode json = World.JSON.createObjectNode().put("url", gatewayUrl.get());
        if (bot) {
            json.put("shards", 1).putObject("session_start_limit").put("total", 1000).put("remaining", 999)
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

    private Reply putCommands(Map<String, String> params, JsonNode body, boolean guild) {
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

    private Reply createMessage(Map<String, String> params, JsonNode body) {
        String channelId = params.get("channel");
        if (!world.isTextChannel(channelId) && world.dmRecipient(channelId).isEmpty()) {
            return error(404, 10003, "Unknown Channel");
        }
        if (!world.acceptsDirectMessages(channelId)) {
            return error(403, 50007, "Cannot send messages to this user");
        }
        if (body.isTextual()) {
            return error(400, 50109, "The request body contains invalid JSON (file uploads are not faked).");
        }
        Reply invalid = checkMessage(body, true);
        if (invalid != null) {
            return invalid;
        }
        String nonce = body.hasNonNull("nonce") ? body.get("nonce").asText() : null;
        ObjectNode message = message(body, channelId, 0);
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
                ref.put("guild_id", FakeDiscord.GUILD_ID);
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
                .put("guild_id", FakeDiscord.GUILD_ID)
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

    /** A message object as Discord returns it, written by the bot. */
    private ObjectNode message(JsonNode body, String channelId, int type) {
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
        message.putArray("attachments");
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

    private Reply callback(Map<String, String> params, JsonNode body, RecordedRequest request) {
        Interaction interaction = interactions.get(params.get("id"));
        if (interaction == null || !interaction.token().equals(params.get("token"))) {
            return error(404, 10062, "Unknown interaction");
        }
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        Reply invalid = switch (type) {
            case 4 -> checkMessage(data, true);
            case 7 -> checkMessage(data, false);
            case 8 -> checkChoices(data);
            case 1, 5, 6, 9, 12 -> null;
            default -> formError("type", "BASE_TYPE_CHOICES", "Value must be one of {1, 4, 5, 6, 7, 8, 9, 12}.");
        };
        if (invalid != null) {
            return invalid;
        }
        String messageId = switch (type) {
            case 4, 5 -> World.snowflake();
            case 6, 7 -> interaction.clickedMessageId(); // these update the message whose button was clicked
            default -> null;
        };
        switch (interaction.respond(body, messageId)) {
            case ALREADY_ACKNOWLEDGED:
                return error(400, 40060, "Interaction has already been acknowledged.");
            case EXPIRED:
                return error(404, 10062, "Unknown interaction");
            default:
                break;
        }
        ObjectNode resource = World.JSON.createObjectNode().put("type", type);
        if (type == 4) {
            ObjectNode message = message(data, interaction.channelId(), 20);
            message.put("id", messageId).put("webhook_id", FakeDiscord.APPLICATION_ID)
                    .put("application_id", FakeDiscord.APPLICATION_ID);
            world.remember(message);
            resource.set("message", message);
        } else if (type == 7 && messageId != null) {
            ObjectNode message = world.message(messageId).orElseGet(() -> message(data, interaction.channelId(), 0));
            applyEdit(message, data);
            message.put("id", messageId);
            world.remember(message);
            resource.set("message", message);
        }
        if (!"true".equals(request.getUrl().queryParameter("with_response"))) {
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

    private Reply followUp(Map<String, String> params, JsonNode body) {
        Interaction interaction = acknowledged(params);
        if (interaction == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        Reply invalid = checkMessage(body, true);
        if (invalid != null) {
            return invalid;
        }
        interaction.followUp(body);
        ObjectNode message = message(body, interaction.channelId(), 0);
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

    private Reply editFollowUp(Map<String, String> params, JsonNode body) {
        Interaction interaction = acknowledged(params);
        if (interaction == null) {
            return error(404, 10015, "Unknown Webhook");
        }
        Reply invalid = checkMessage(body, false);
        if (invalid != null) {
            return invalid;
        }
        String id = messageId(interaction, params);
        // editing a deferred response is what creates its message
        ObjectNode message = world.message(id)
                .orElseGet(() -> message(body, interaction.channelId(), 20).put("id", id));
        applyEdit(message, body);
        message.put("webhook_id", FakeDiscord.APPLICATION_ID)
                .put("application_id", FakeDiscord.APPLICATION_ID);
        world.remember(message);
        interaction.followUp(body);
        return ok(message);
    }

    private static void applyEdit(ObjectNode message, JsonNode edit) {
        for (String field : List.of("content", "embeds", "components", "flags")) {
            if (edit.has(field)) {
                message.set(field, edit.get(field).deepCopy());
            }
        }
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

    private static JsonNode body(RecordedRequest request) {
        if (request.getBody() == null || request.getBody().size() == 0) {
            return MissingNode.getInstance();
        }
        String text = request.getBody().utf8();
        try {
            return World.JSON.readTree(text);
        } catch (IOException e) {
            return TextNode.valueOf(text);
        }
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
