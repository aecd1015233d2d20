package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;

/**
 * A Discord good enough for the real JDA: one guild on 127.0.0.1 with REST and gateway on one port, Discord's rate
 * limits enforced, and the test acting as the people who write, run slash commands and click buttons. Start it,
 * point JDA at {@link #restBaseUrl()} and {@link #gatewayUrl()}, then observe what the bot did.
 *
 * <p>The default world: the guild {@link #GUILD_ID} owned by {@link #OWNER_ID} ("Owner", who manages the server),
 * a plain member {@link #MEMBER_ID} ("Member"), the bot {@link #BOT_ID} with the usual bot permissions (not
 * administrator), and the text channels "general", "announcements" and "off-topic". People write in French unless
 * {@link #setLocale} says otherwise.
 *
 * <p>The bot may answer an interaction with a modal, which the test then {@link #submitModal submits} as the person
 * would, and send files with its messages (multipart/form-data, as Discord takes them): the messages carry Discord's
 * attachment objects, whose files {@link #file} gives back and whose urls the fake serves.
 *
 * <p>Several bots may connect with the token at once, as two instances of the bot do: each gets a gateway session of
 * its own and every event, as on Discord without sharding. As on Discord, an interaction takes one initial response
 * (a second gets 400 "Interaction has already been acknowledged", code 40060), and a message sent with an enforced
 * nonce already used in the channel is answered with the first message instead of being posted again.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String BOT_TOKEN = "fake-discord-bot-token";
    public static final String BOT_ID = "200000000000000001";
    public static final String BOT_NAME = "Animabot";
    /** Distinct from the bot's id (as for older Discord applications), so mixing them up shows. */
    public static final String APPLICATION_ID = "210000000000000001";
    public static final String GUILD_ID = "100000000000000001";
    public static final String GENERAL_CHANNEL_ID = "110000000000000001";
    public static final String ANNOUNCEMENTS_CHANNEL_ID = "110000000000000002";
    public static final String OFF_TOPIC_CHANNEL_ID = "110000000000000003";
    public static final String OWNER_ID = "400000000000000001";
    public static final String MEMBER_ID = "400000000000000002";
    /** The role Discord made for the bot when it joined the guild: managed, tagged with the bot's id. */
    public static final String BOT_ROLE_ID = "120000000000000001";
    /** "Server Managers", the role that gives Manage Server. */
    public static final String MANAGERS_ROLE_ID = "120000000000000002";

    /** MockWebServer logs every request through java.util.logging; kept here so the level setting holds. */
    private static final java.util.logging.Logger SERVER_LOG =
            java.util.logging.Logger.getLogger(MockWebServer.class.getName());
    private static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");
    private static final int GUILDS_INTENT = 1;
    /** Interaction context types: in a guild, and in the bot's DM. */
    private static final int GUILD_CONTEXT = 0;
    private static final int BOT_DM_CONTEXT = 1;

    private final Limits limits;
    private final World world = new World();
    private final RateLimiter limiter;
    private final FakeGateway gateway;
    private final FakeRest rest;
    private final MockWebServer server = new MockWebServer();

    private FakeDiscord(Limits limits) {
        this.limits = limits;
        this.limiter = new RateLimiter(limits);
        this.gateway = new FakeGateway(world, this::gatewayUrl);
        this.rest = new FakeRest(world, limiter, gateway, this::gatewayUrl, this::cdnUrl);
        server.setDispatcher(rest);
    }

    /** Starts a fake Discord enforcing Discord's limits, on a free port of 127.0.0.1. */
    public static FakeDiscord start() {
        return start(Limits.DISCORD);
    }

    public static FakeDiscord start(Limits limits) {
        SERVER_LOG.setLevel(Level.WARNING);
        FakeDiscord fake = new FakeDiscord(limits);
        try {
            fake.server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    @Override
    public void close() {
        gateway.shutdown();
        server.close();
    }

    /** For {@code RestConfig.setBaseUrl}: {@code http://127.0.0.1:PORT/api/v10/}. */
    public String restBaseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
    }

    /** For the session controller's gateway: {@code ws://127.0.0.1:PORT/} (JDA adds the encoding and version). */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/";
    }

    /** Where the fake serves the files the bot uploaded, as Discord's CDN: {@code http://127.0.0.1:PORT/}. */
    String cdnUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    // ---- the world

    /** Adds a text channel to the guild; once the bot is connected, Discord tells it with CHANNEL_CREATE. */
    public void addTextChannel(String id, String name) {
        addTextChannel(GUILD_ID, id, name);
    }

    /** Adds a text channel to one of the guilds; the bot's shard of that guild gets CHANNEL_CREATE. */
    public void addTextChannel(String guildId, String id, String name) {
        ObjectNode channel = world.addTextChannel(guildId, id, name);
        if (gateway.isIdentified()) {
            gateway.dispatch("CHANNEL_CREATE", channel, GUILDS_INTENT);
        }
    }

    /**
     * The bot joins another guild (no channel yet; the owner and the member are in it too, without roles); once the
     * bot is connected, the session of the guild's shard gets GUILD_CREATE.
     */
    public void addGuild(String guildId, String name) {
        ObjectNode guild = world.addGuild(guildId, name);
        if (gateway.isIdentified()) {
            gateway.dispatch("GUILD_CREATE", guild, GUILDS_INTENT);
        }
    }

    /** The guild of a text channel. */
    public String guildOf(String channelId) {
        return world.guildOf(channelId);
    }

    /**
     * A guild id that Discord puts on the given shard ({@code (id >> 22) % shards}), different for each {@code n}.
     */
    public static String guildIdOnShard(int shard, int shards, int n) {
        long timestamp = 1_000_000L * shards + (long) n * shards + shard;
        return Long.toString((timestamp << 22) | 1);
    }

    /** Which shard Discord gives a guild's events to, out of {@code shards}. */
    public static int shardOf(String guildId, int shards) {
        return FakeGateway.shardOf(guildId, shards);
    }

    /** The shard count Discord recommends in {@code /gateway/bot} (1 unless set). */
    public void recommendShards(int shards) {
        rest.recommendShards(shards);
    }

    /**
     * Above this many guilds in one gateway session, IDENTIFY is refused with close code 4011 "Sharding required",
     * as Discord does above 2,500 guilds.
     */
    public void maxGuildsPerSession(int max) {
        gateway.maxGuildsPerSession(max);
    }

    /** The shard of every gateway session opened so far, as "id/total" ("0/1" without sharding), oldest first. */
    public List<String> shardsIdentified() {
        return gateway.shardsIdentified();
    }

    /**
     * Deletes a text channel, as a server manager does; once the bot is connected, Discord tells it with
     * CHANNEL_DELETE. From then on every route about that channel answers 404 "Unknown Channel" (code 10003), as
     * Discord does for a channel that no longer exists, also to a bot whose cache still holds it.
     */
    public void deleteChannel(String id) {
        ObjectNode channel = world.deleteTextChannel(id);
        if (gateway.isIdentified()) {
            gateway.dispatch("CHANNEL_DELETE", channel, GUILDS_INTENT);
        }
    }

    /** The id of the (first) text channel with this name. */
    public String channelId(String name) {
        return world.channelId(name);
    }

    /**
     * Adds a member to the guild, creating the named roles as needed (without permissions). Managing the server
     * comes, as on Discord, from a role: "Server Managers". Once the bot is connected, Discord sends
     * GUILD_ROLE_CREATE, and GUILD_MEMBER_ADD only to a bot with the GUILD_MEMBERS intent.
     */
    public void addMember(String userId, String name, boolean manageServer, String... roleNames) {
        World.AddedMember added = world.addMember(userId, name, manageServer, roleNames);
        if (gateway.isIdentified()) {
            for (ObjectNode role : added.newRoles()) {
                ObjectNode event = World.JSON.createObjectNode().put("guild_id", GUILD_ID);
                event.set("role", role);
                gateway.dispatch("GUILD_ROLE_CREATE", event, GUILDS_INTENT);
            }
            gateway.dispatch("GUILD_MEMBER_ADD", added.member().put("guild_id", GUILD_ID),
                    FakeGateway.GUILD_MEMBERS_INTENT);
        }
    }

    /**
     * A server manager lets this member use a command despite its default permissions, as Discord's per-command
     * permission settings do (Server Settings, Integrations, the bot, the command).
     */
    public void allowCommand(String name, String userId) {
        world.allowCommand(name, userId);
    }

    /** The user's client language (Discord locale, e.g. "en-US"), sent with their interactions; "fr" by default. */
    public void setLocale(String userId, String locale) {
        world.setLocale(userId, locale);
    }

    /**
     * The member turns off direct messages from server members (or blocks the bot): as on Discord, the bot can still
     * open the DM channel, but each message it sends there is refused with 403 "Cannot send messages to this user"
     * (code 50007).
     */
    public void closeDirectMessages(String userId) {
        world.closeDirectMessages(userId);
    }

    // ---- observing the bot

    /** True once the bot sent IDENTIFY and the fake answered with READY and GUILD_CREATE. */
    public boolean awaitIdentified(Duration timeout) {
        return awaitIdentified(1, timeout);
    }

    /**
     * True once {@code count} IDENTIFYs were answered: as many gateway sessions (two instances of the bot on one
     * token each open their own), or sessions opened again after the bot could not resume.
     */
    public boolean awaitIdentified(int count, Duration timeout) {
        try {
            return gateway.awaitIdentified(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code d} of the last IDENTIFY of any session (token, intents, properties...), null before any. */
    public JsonNode lastIdentify() {
        return gateway.lastIdentify();
    }

    /** How many IDENTIFYs were answered, each opening a session; with {@link #resumeCount}, over all sessions. */
    public int identifyCount() {
        return gateway.identifies();
    }

    /** Makes the next {@code times} slash command registrations fail with a 500, as during a Discord incident. */
    public void failCommandRegistrations(int times) {
        rest.failCommandRegistrations(times);
    }

    /** Gateway sessions with a connection open now. */
    public int openGatewaySessions() {
        return gateway.openSessions();
    }

    public int resumeCount() {
        return gateway.resumes();
    }

    /** The commands registered last, global ones then guild ones, as stored (the bodies plus id and version). */
    public List<JsonNode> registeredCommands() {
        List<JsonNode> commands = new ArrayList<>();
        world.commands(false).forEach(commands::add);
        world.commands(true).forEach(commands::add);
        return commands;
    }

    /**
     * The messages the bot posted in a channel (text or DM), oldest first: Discord's message objects plus the
     * request's {@code allowed_mentions}. Interaction responses are not here but on their {@link Interaction}.
     */
    public List<JsonNode> messagesIn(String channelId) {
        return world.posts(channelId);
    }

    /**
     * Waits until the bot posted at least {@code count} messages in the channel and returns all of them.
     *
     * @throws AssertionError when they did not come in time
     */
    public List<JsonNode> awaitMessagesIn(String channelId, int count, Duration timeout) {
        try {
            List<JsonNode> messages = world.awaitPosts(channelId, count, timeout);
            if (messages == null) {
                throw new AssertionError("Expected " + count + " message(s) from the bot in channel " + channelId
                        + " within " + timeout + " but got " + world.posts(channelId).size() + ". " + diagnostics());
            }
            return messages;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The file behind an attachment of one of the bot's messages (an element of its {@code attachments}), as the bot
     * uploaded it; empty for an attachment the fake never received.
     */
    public Optional<UploadedFile> file(JsonNode attachment) {
        return world.file(attachment.path("id").asText());
    }

    /** The thread the bot started on a message, if any (its id is the message's, as on Discord). */
    public Optional<JsonNode> threadOf(String messageId) {
        return world.threadOf(messageId);
    }

    /** The DM channel between the bot and this user; Discord keeps one per pair, so it exists from the start. */
    public String dmChannelOf(String userId) {
        return world.dmChannelOf(userId);
    }

    /** How many 429s the fake answered, per-channel and global together. */
    public int tooManyRequestsServed() {
        return limiter.refused();
    }

    /** Every REST call so far, in order. */
    public List<RecordedCall> calls() {
        return rest.calls();
    }

    /** The REST calls no route of the fake knew (each got a 404). */
    public List<RecordedCall> unroutedCalls() {
        return calls().stream().filter(c -> !c.routed()).toList();
    }

    // ---- acting as people

    /**
     * A person writes in a guild channel (or in their DM channel): MESSAGE_CREATE. With {@code mentionsBot}, the
     * text starts with the bot's mention unless it already has one. As on Discord, a bot without the MESSAGE_CONTENT
     * intent gets an empty {@code content} unless it is mentioned or in a DM, and a bot without the GUILD_MESSAGES
     * intent gets nothing.
     *
     * @return the message's id
     */
    public String sendMessage(String userId, String channelId, String content, boolean mentionsBot) {
        String text = mentionsBot && !content.contains("<@" + BOT_ID + ">") && !content.contains("<@!" + BOT_ID + ">")
                ? "<@" + BOT_ID + "> " + content : content;
        if (world.dmRecipient(channelId).isPresent()) {
            return directMessage(userId, channelId, text);
        }
        if (!world.isTextChannel(channelId)) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        ObjectNode message = personMessage(userId, channelId, text, true);
        world.remember(message);
        ObjectNode blanked = message.deepCopy();
        blanked.put("content", "");
        blanked.putArray("embeds");
        blanked.putArray("attachments");
        blanked.putArray("components");
        // the bot's own role counts as mentioning the bot for its content (an assumption: Discord's documentation
        // speaks of messages that mention the app, and its autocomplete offers the role as the bot)
        boolean forTheBot = mentions(message, BOT_ID) || mentionsRole(message, BOT_ROLE_ID);
        gateway.dispatch("MESSAGE_CREATE", intents -> forTheBot || (intents & FakeGateway.MESSAGE_CONTENT_INTENT) != 0
                ? message.deepCopy() : blanked, FakeGateway.GUILD_MESSAGES_INTENT);
        return message.get("id").asText();
    }

    /** A person writes to the bot directly: MESSAGE_CREATE in their DM channel, without guild. */
    public String sendDirectMessage(String userId, String content) {
        return directMessage(userId, world.dmChannelOf(userId), content);
    }

    /** A person runs a registered slash command; {@code options} map names to values, a Map for a subcommand. */
    public Interaction slashCommand(String userId, String channelId, String name, Map<String, ?> options) {
        requireOffered(name, userId, channelId);
        return interact(2, userId, channelId, commandData(name, options, true), null);
    }

    /** A person runs a subcommand, e.g. {@code /admin relier session:animacoop-7}. */
    public Interaction slashCommand(String userId, String channelId, String name, Map<String, ?> options,
            String subcommand) {
        return slashCommand(userId, channelId, name, Map.of(subcommand, options));
    }

    /** A person types {@code typed} in an option with autocomplete: APPLICATION_COMMAND_AUTOCOMPLETE (type 4). */
    public Interaction autocomplete(String userId, String channelId, String name, String focusedOption, String typed,
            Map<String, ?> otherOptions) {
        requireOffered(name, userId, channelId);
        Map<String, Object> options = new LinkedHashMap<>(otherOptions);
        options.put(focusedOption, new Focused(typed));
        return interact(4, userId, channelId, commandData(name, options, false), null);
    }

    /** The same, in a subcommand's option. */
    public Interaction autocomplete(String userId, String channelId, String name, String focusedOption, String typed,
            Map<String, ?> otherOptions, String subcommand) {
        requireOffered(name, userId, channelId);
        Map<String, Object> options = new LinkedHashMap<>(otherOptions);
        options.put(focusedOption, new Focused(typed));
        return interact(4, userId, channelId, commandData(name, Map.of(subcommand, options), false), null);
    }

    /**
     * A person clicks a button: MESSAGE_COMPONENT (type 3). For a message the fake knows (the bot's posts and
     * interaction responses), the button must exist on it; an unknown id is taken for an ephemeral message, of which
     * Discord sends only the id and flags.
     */
    public Interaction clickButton(String userId, String channelId, String messageId, String customId) {
        ObjectNode message = world.message(messageId).orElse(null);
        if (message == null) {
            message = World.JSON.createObjectNode().put("id", messageId).put("flags", 64);
        } else if (!hasButton(message.path("components"), customId)) {
            throw new IllegalArgumentException("message " + messageId + " has no button " + customId + ": "
                    + message.path("components"));
        }
        ObjectNode data = World.JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return interact(3, userId, channelId, data, message);
    }

    /**
     * The person fills in the modal the bot showed in answer to {@code shown} and sends it: MODAL_SUBMIT (type 5), with
     * the modal's {@code custom_id} and each text input's {@code custom_id} and value, in the modal's own layout (a
     * label around each input, or the older action rows), as Discord sends it. Fields not in {@code values} are sent
     * as the modal prefilled them. As Discord's client, the fake refuses to send a required field left empty or a
     * value outside the field's lengths.
     *
     * @param values the text typed, by the text inputs' custom ids
     * @throws IllegalStateException when the bot did not answer {@code shown} with a modal
     * @throws IllegalArgumentException when the person could not send these values
     */
    public Interaction submitModal(String userId, Interaction shown, Map<String, String> values) {
        JsonNode response = shown.response().orElseThrow(() -> new IllegalStateException("The bot did not answer "
                + "interaction " + shown.id() + ", so no modal is open. " + diagnostics()));
        if (response.path("type").asInt() != 9) {
            throw new IllegalStateException("The bot answered interaction " + shown.id() + " with callback type "
                    + response.path("type").asInt() + ", not a modal: there is none to submit.");
        }
        if (!shown.userId().equals(userId)) {
            throw new IllegalArgumentException("The modal of interaction " + shown.id() + " opened for "
                    + shown.userId() + ", not for " + userId);
        }
        JsonNode modal = response.get("data");
        Map<String, String> typed = new LinkedHashMap<>(values);
        ArrayNode submitted = World.JSON.createArrayNode();
        int nextId = 1;
        for (JsonNode component : modal.path("components")) {
            int type = component.path("type").asInt();
            ObjectNode outer = submitted.addObject().put("type", type).put("id", component.path("id").asInt(nextId++));
            if (type == 10) {
                continue;
            }
            JsonNode input = type == 18 ? component.path("component") : component.path("components").path(0);
            ObjectNode field = World.JSON.createObjectNode().put("type", 4);
            field.put("id", input.path("id").asInt(nextId++));
            String customId = input.path("custom_id").asText();
            String value = typed.containsKey(customId) ? typed.remove(customId) : input.path("value").asText("");
            String label = type == 18 ? component.path("label").asText() : input.path("label").asText();
            if (value.isEmpty() && input.path("required").asBoolean(true)) {
                throw new IllegalArgumentException("Discord does not send a modal whose required field \"" + label
                        + "\" (" + customId + ") is empty");
            }
            int min = input.path("min_length").asInt(0);
            int max = input.path("max_length").asInt(4000);
            if (!value.isEmpty() && (value.length() < min || value.length() > max)) {
                throw new IllegalArgumentException("The field \"" + label + "\" (" + customId + ") takes " + min
                        + " to " + max + " characters, not " + value.length());
            }
            field.put("custom_id", customId).put("value", value);
            if (type == 18) {
                outer.set("component", field);
            } else {
                outer.putArray("components").add(field);
            }
        }
        if (!typed.isEmpty()) {
            throw new IllegalArgumentException("The modal " + modal.path("custom_id").asText() + " has no field "
                    + typed.keySet() + ": " + modal.path("components"));
        }
        ObjectNode data = World.JSON.createObjectNode().put("custom_id", modal.path("custom_id").asText());
        data.set("components", submitted);
        ObjectNode message = shown.clickedMessageId() == null ? null : world.message(shown.clickedMessageId())
                .orElseGet(() -> World.JSON.createObjectNode().put("id", shown.clickedMessageId()).put("flags", 64));
        return interact(5, userId, shown.channelId(), data, message);
    }

    // ---- the gateway's weather

    /**
     * Closes the gateway socket of every session with this code; JDA resumes (or identifies again) for codes it may
     * retry.
     */
    public void closeGateway(int code) {
        gateway.close(code);
    }

    /**
     * Takes the gateway down (every session closed, every new connection closed at once) or brings it back; REST
     * keeps answering.
     */
    public void gatewayDown(boolean down) {
        gateway.down(down);
    }

    /** A member schedules an event of their own in the server (external, at {@code location}); returns its id. */
    public String scheduleEventAsMember(String userId, String name, String location, java.time.Instant start,
            java.time.Instant end) {
        ObjectNode event = World.JSON.createObjectNode().put("id", World.snowflake())
                .put("guild_id", GUILD_ID).put("creator_id", userId).put("status", 1).put("privacy_level", 2)
                .put("entity_type", 3).put("name", name).put("user_count", 0)
                .put("scheduled_start_time", start.toString()).put("scheduled_end_time", end.toString());
        event.putObject("entity_metadata").put("location", location);
        world.putScheduledEvent(event);
        return event.get("id").asText();
    }

    /** The server's scheduled events, as its members see them in the Events panel. */
    public List<JsonNode> scheduledEvents() {
        return List.copyOf(world.scheduledEvents());
    }

    /** When true, after a RESUME the last MESSAGE_CREATE or INTERACTION_CREATE is sent again, as Discord may. */
    public void replayOnResume(boolean replay) {
        gateway.replayOnResume(replay);
    }

    // ---- building people's events

    private String directMessage(String userId, String channelId, String content) {
        if (!world.dmRecipient(channelId).orElseThrow().equals(userId)) {
            throw new IllegalArgumentException("channel " + channelId + " is not the DM of " + userId);
        }
        ObjectNode message = personMessage(userId, channelId, content, false);
        world.remember(message);
        gateway.dispatch("MESSAGE_CREATE", message, FakeGateway.DIRECT_MESSAGES_INTENT);
        return message.get("id").asText();
    }

    private ObjectNode personMessage(String userId, String channelId, String content, boolean inGuild) {
        ObjectNode message = World.JSON.createObjectNode()
                .put("id", World.snowflake())
                .put("type", 0)
                .put("channel_id", channelId);
        String guildId = inGuild ? world.guildOf(channelId) : null;
        if (inGuild) {
            message.put("guild_id", guildId);
            message.set("member", world.memberJson(userId, false, guildId));
        }
        message.set("author", world.userJson(userId));
        message.put("content", content);
        ArrayNode mentions = message.putArray("mentions");
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher users = USER_MENTION.matcher(content);
        while (users.find()) {
            if (world.isMember(users.group(1)) && mentioned.add(users.group(1))) {
                ObjectNode user = world.userJson(users.group(1));
                if (inGuild) {
                    user.set("member", world.memberJson(users.group(1), false, guildId));
                }
                mentions.add(user);
            }
        }
        ArrayNode roles = message.putArray("mention_roles");
        Matcher roleMentions = ROLE_MENTION.matcher(content);
        while (roleMentions.find()) {
            roles.add(roleMentions.group(1));
        }
        message.put("mention_everyone", false) // only people allowed to ping everyone do
                .put("pinned", false)
                .put("tts", false)
                .put("timestamp", World.now())
                .put("edited_timestamp", (String) null)
                .put("flags", 0);
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        return message;
    }

    private static boolean mentionsRole(JsonNode message, String roleId) {
        for (JsonNode role : message.path("mention_roles")) {
            if (role.asText().equals(roleId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(JsonNode message, String userId) {
        for (JsonNode user : message.path("mentions")) {
            if (user.path("id").asText().equals(userId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Discord offers a command only where its {@code contexts} (or, before them, {@code dm_permission}) allow, and in
     * a guild only to members with every permission of its {@code default_member_permissions}, administrators and
     * those a server manager allowed it to ({@link #allowCommand}) excepted; a person cannot send it elsewhere.
     */
    private void requireOffered(String name, String userId, String channelId) {
        ObjectNode command = world.command(name).orElse(null);
        if (command == null) {
            return; // commandData says it is not registered
        }
        boolean direct = world.dmRecipient(channelId).isPresent();
        JsonNode contexts = command.path("contexts");
        boolean offeredHere = contexts.isArray() ? hasInt(contexts, direct ? BOT_DM_CONTEXT : GUILD_CONTEXT)
                : !direct || command.path("dm_permission").asBoolean(true);
        if (!offeredHere) {
            throw new IllegalArgumentException("Discord does not offer /" + name + " in " + (direct ? "direct messages"
                    : "servers") + " (contexts " + contexts + ", dm_permission " + command.path("dm_permission")
                    + "), so nobody can send it there");
        }
        JsonNode required = command.path("default_member_permissions");
        if (direct || required.isNull() || required.isMissingNode() || world.isAllowedCommand(name, userId)) {
            return;
        }
        long needed = Long.parseLong(required.asText());
        long has = world.permissionsOf(userId);
        if ((has & World.ADMINISTRATOR) == 0 && (needed == 0 || (has & needed) != needed)) {
            throw new IllegalArgumentException("Discord does not show /" + name + " to " + userId + ": it requires "
                    + "permissions " + needed + " and the member has " + has + "; a server manager may allow it "
                    + "(allowCommand)");
        }
    }

    private static boolean hasInt(JsonNode array, int value) {
        for (JsonNode element : array) {
            if (element.asInt(-1) == value) {
                return true;
            }
        }
        return false;
    }

    /** The value of an option being typed, for autocomplete: Discord sends the raw text, marked focused. */
    private record Focused(String typed) {}

    private ObjectNode commandData(String name, Map<String, ?> options, boolean complete) {
        ObjectNode command = world.command(name).orElseThrow(() -> new IllegalStateException("No slash command /"
                + name + " is registered, so Discord would not send it. Registered: "
                + registeredCommands().stream().map(c -> c.path("name").asText()).toList()));
        ObjectNode data = World.JSON.createObjectNode()
                .put("id", command.get("id").asText())
                .put("name", name)
                .put("type", 1);
        if (command.has("guild_id")) {
            data.put("guild_id", command.get("guild_id").asText());
        }
        data.set("options", options("/" + name, command.path("options"), options, complete));
        return data;
    }

    /** Options as Discord sends them, typed by the registered command's schema (which they must fit). */
    private static ArrayNode options(String where, JsonNode schema, Map<String, ?> values, boolean complete) {
        ArrayNode options = World.JSON.createArrayNode();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            JsonNode declared = null;
            for (JsonNode option : schema) {
                if (option.path("name").asText().equals(entry.getKey())) {
                    declared = option;
                }
            }
            if (declared == null) {
                throw new IllegalArgumentException(where + " has no option " + entry.getKey() + "; it has "
                        + names(schema));
            }
            int type = declared.path("type").asInt();
            ObjectNode option = options.addObject().put("name", entry.getKey()).put("type", type);
            if (entry.getValue() instanceof Map<?, ?> nested) {
                if (type != 1 && type != 2) {
                    throw new IllegalArgumentException(where + " " + entry.getKey() + " is no subcommand");
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) nested;
                option.set("options", options(where + " " + entry.getKey(), declared.path("options"), inner,
                        complete));
            } else if (entry.getValue() instanceof Focused focused) {
                option.put("value", focused.typed()).put("focused", true);
            } else {
                JsonNode value = value(type, entry.getValue());
                int length = value.asText().length();
                int max = declared.path("max_length").asInt(6000);
                if (type == 3 && (length > max || length < declared.path("min_length").asInt(0))) {
                    throw new IllegalArgumentException(where + " " + entry.getKey() + " takes up to " + max
                            + " characters, not " + length + "; Discord would not send the command");
                }
                option.set("value", value);
            }
        }
        if (complete) {
            for (JsonNode option : schema) {
                if (option.path("required").asBoolean() && !values.containsKey(option.path("name").asText())) {
                    throw new IllegalArgumentException(where + " requires option " + option.path("name").asText()
                            + "; Discord would not send the command without it");
                }
            }
        }
        return options;
    }

    private static JsonNode value(int type, Object value) {
        return switch (type) {
            case 4 -> LongNode.valueOf(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
            case 5 -> BooleanNode.valueOf(value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()));
            case 10 -> DoubleNode.valueOf(value instanceof Number n ? n.doubleValue()
                    : Double.parseDouble(value.toString()));
            default -> TextNode.valueOf(value.toString()); // strings, and ids of users, channels, roles
        };
    }

    private static List<String> names(JsonNode options) {
        List<String> names = new ArrayList<>();
        options.forEach(o -> names.add(o.path("name").asText()));
        return names;
    }

    private static boolean hasButton(JsonNode components, String customId) {
        for (JsonNode component : components) {
            if (customId.equals(component.path("custom_id").asText(null))
                    || hasButton(component.path("components"), customId)) {
                return true;
            }
        }
        return false;
    }

    private Interaction interact(int type, String userId, String channelId, ObjectNode data, ObjectNode message) {
        String id = World.snowflake();
        String token = "fake-interaction-token-" + UUID.randomUUID();
        Interaction interaction = new Interaction(id, type, userId, token, channelId, message == null ? null
                : message.path("id").asText(), limits.interactionDeadline(), this::diagnostics);
        ObjectNode json = World.JSON.createObjectNode()
                .put("id", id)
                .put("application_id", APPLICATION_ID)
                .put("type", type)
                .put("token", token)
                .put("version", 1)
                .put("locale", world.locale(userId))
                .put("attachment_size_limit", 10_485_760);
        json.putArray("entitlements");
        String dmOf = world.dmRecipient(channelId).orElse(null);
        if (dmOf != null) {
            if (!dmOf.equals(userId)) {
                throw new IllegalArgumentException("channel " + channelId + " is not the DM of " + userId);
            }
            json.put("channel_id", channelId).put("context", 1)
                    .put("app_permissions", Long.toString(World.BOT_PERMISSIONS));
            json.set("channel", world.channelJson(channelId));
            json.set("user", world.userJson(userId));
            json.putObject("authorizing_integration_owners").put("0", "0");
        } else {
            if (!world.isTextChannel(channelId)) {
                throw new IllegalArgumentException("no channel " + channelId);
            }
            String guildId = world.guildOf(channelId);
            String permissions = Long.toString(world.permissionsOf(userId, guildId));
            json.put("guild_id", guildId).put("guild_locale", "fr").put("channel_id", channelId).put("context", 0)
                    .put("app_permissions", Long.toString(world.permissionsOf(BOT_ID, guildId)));
            json.putObject("guild").put("id", guildId).put("locale", "fr").putArray("features");
            json.set("channel", world.channelJson(channelId).put("permissions", permissions));
            json.set("member", world.memberJson(userId, true, guildId).put("permissions", permissions));
            json.putObject("authorizing_integration_owners").put("0", guildId);
        }
        json.set("data", data);
        if (message != null) {
            json.set("message", message);
        }
        rest.register(interaction); // before the bot can answer
        gateway.dispatch("INTERACTION_CREATE", json, 0);
        return interaction;
    }

    private String diagnostics() {
        List<RecordedCall> calls = calls();
        return "Gateway: " + identifyCount() + " identify, " + resumeCount() + " resume. Last REST calls: "
                + calls.subList(Math.max(0, calls.size() - 15), calls.size());
    }
}
