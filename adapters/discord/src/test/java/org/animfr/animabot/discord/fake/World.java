package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Discord knows: one guild with its channels, roles and members, the direct-message channels, the
 * messages, and the registered commands. It also writes these as the JSON objects Discord sends, with every field
 * JDA reads. Thread-safe: the gateway, the REST routes and the test all use it.
 */
final class World {
    static final ObjectMapper JSON = new ObjectMapper();

    // permission bits, as in Discord's documentation
    static final long CREATE_INSTANT_INVITE = 1L;
    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_GUILD = 1L << 5;
    static final long ADD_REACTIONS = 1L << 6;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    static final long CHANGE_NICKNAME = 1L << 26;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long ALL_PERMISSIONS = (1L << 51) - 1;
    /** What a new server grants @everyone. */
    static final long EVERYONE_PERMISSIONS = CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES
            | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CHANGE_NICKNAME
            | USE_APPLICATION_COMMANDS | SEND_MESSAGES_IN_THREADS;
    /**
     * What a typical bot invitation grants, and no more than that: JDA checks these locally before sending (no
     * ADMINISTRATOR, so a bot needing more would be caught here).
     */
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long MANAGE_EVENTS = 1L << 33;
    /** Creating events, and editing and deleting one's own. */
    static final long CREATE_EVENTS = 1L << 44;
    static final long BOT_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
            | READ_MESSAGE_HISTORY | ADD_REACTIONS | USE_EXTERNAL_EMOJIS | SEND_MESSAGES_IN_THREADS
            | CREATE_PUBLIC_THREADS | CREATE_EVENTS;

    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final AtomicLong SNOWFLAKES = new AtomicLong();

    record Channel(String id, String name, int position, String guildId) {}

    /** A guild the bot is in; the first is {@link FakeDiscord#GUILD_ID}, with the roles and members of the tests. */
    record Guild(String id, String name, String botRoleId) {}

    record Role(String id, String name, long permissions, int position, boolean managed) {}

    record Member(String id, String name, boolean bot, List<String> roleIds, String joinedAt) {}

    /** A member added to the world, with the roles that had to be created for it. */
    record AddedMember(ObjectNode member, List<ObjectNode> newRoles) {}

    private final Map<String, Guild> guilds = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, String> locales = new HashMap<>();
    private final Map<String, String> dmChannelByUser = new HashMap<>();
    private final Map<String, String> userByDmChannel = new HashMap<>();
    /** Members who accept no direct message from the bot (server DMs turned off, or the bot blocked). */
    private final Set<String> closedDms = new HashSet<>();
    /** Every message by id: the people's and the bot's, so replies and button clicks can refer to them. */
    private final Map<String, ObjectNode> messages = new HashMap<>();
    /** The guild's scheduled events by id, in creation order. */
    private final Map<String, ObjectNode> scheduledEvents = new LinkedHashMap<>();
    private final Map<String, ObjectNode> threadsByMessage = new HashMap<>();
    /** The bot's posts per channel, as recorded for the tests. */
    private final Map<String, List<ObjectNode>> posts = new HashMap<>();
    private final Map<String, ObjectNode> postByNonce = new HashMap<>();
    /** The files the bot uploaded, by the id of the attachment Discord made of each. */
    private final Map<String, UploadedFile> files = new HashMap<>();
    /** Members a server manager allowed a command to despite its default permissions: "command/user id". */
    private final Set<String> allowedCommands = new HashSet<>();
    private ArrayNode globalCommands = JSON.createArrayNode();
    private ArrayNode guildCommands = JSON.createArrayNode();

    World() {
        guilds.put(FakeDiscord.GUILD_ID, new Guild(FakeDiscord.GUILD_ID, "Fake Guild", FakeDiscord.BOT_ROLE_ID));
        roles.put(FakeDiscord.GUILD_ID, new Role(FakeDiscord.GUILD_ID, "@everyone", EVERYONE_PERMISSIONS, 0, false));
        roles.put(FakeDiscord.BOT_ROLE_ID, new Role(FakeDiscord.BOT_ROLE_ID, FakeDiscord.BOT_NAME, BOT_PERMISSIONS, 1,
                true));
        roles.put(FakeDiscord.MANAGERS_ROLE_ID, new Role(FakeDiscord.MANAGERS_ROLE_ID, "Server Managers",
                MANAGE_GUILD, 2, false));
        members.put(FakeDiscord.BOT_ID, new Member(FakeDiscord.BOT_ID, FakeDiscord.BOT_NAME, true,
                List.of(FakeDiscord.BOT_ROLE_ID), now()));
        members.put(FakeDiscord.OWNER_ID, new Member(FakeDiscord.OWNER_ID, "Owner", false,
                List.of(FakeDiscord.MANAGERS_ROLE_ID), now()));
        members.put(FakeDiscord.MEMBER_ID, new Member(FakeDiscord.MEMBER_ID, "Member", false, List.of(), now()));
        addTextChannel(FakeDiscord.GENERAL_CHANNEL_ID, "general");
        addTextChannel(FakeDiscord.ANNOUNCEMENTS_CHANNEL_ID, "announcements");
        addTextChannel(FakeDiscord.OFF_TOPIC_CHANNEL_ID, "off-topic");
    }

    /** A fresh Discord id whose timestamp is now, as JDA reads creation times from ids. */
    synchronized List<ObjectNode> scheduledEvents() {
        return scheduledEvents.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized Optional<ObjectNode> scheduledEvent(String id) {
        return Optional.ofNullable(scheduledEvents.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized void putScheduledEvent(ObjectNode event) {
        scheduledEvents.put(event.get("id").asText(), event.deepCopy());
    }

    synchronized boolean deleteScheduledEvent(String id) {
        return scheduledEvents.remove(id) != null;
    }

    static String snowflake() {
        return Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22)
                | (SNOWFLAKES.incrementAndGet() & 0x3F_FFFF));
    }

    static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    // ---- the guild

    synchronized ObjectNode addTextChannel(String id, String name) {
        return addTextChannel(FakeDiscord.GUILD_ID, id, name);
    }

    synchronized ObjectNode addTextChannel(String guildId, String id, String name) {
        requireSnowflake(id);
        guild(guildId);
        if (channels.containsKey(id) || userByDmChannel.containsKey(id) || guilds.containsKey(id)) {
            throw new IllegalArgumentException("channel " + id + " exists already");
        }
        int position = (int) channels.values().stream().filter(c -> c.guildId().equals(guildId)).count();
        channels.put(id, new Channel(id, name, position, guildId));
        return channelJson(id);
    }

    /**
     * Another guild the bot is in, with its own @everyone and bot roles and no channel yet; the people of the first
     * guild are members of it too, without roles (its owner is the first guild's owner).
     */
    synchronized ObjectNode addGuild(String id, String name) {
        requireSnowflake(id);
        if (guilds.containsKey(id) || channels.containsKey(id)) {
            throw new IllegalArgumentException("guild " + id + " exists already");
        }
        guilds.put(id, new Guild(id, name, snowflake()));
        return guildJson(id);
    }

    synchronized List<String> guildIds() {
        return List.copyOf(guilds.keySet());
    }

    synchronized boolean isGuild(String id) {
        return guilds.containsKey(id);
    }

    /** The guild of a text channel. */
    synchronized String guildOf(String channelId) {
        Channel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("no text channel " + channelId);
        }
        return channel.guildId();
    }

    private Guild guild(String id) {
        Guild guild = guilds.get(id);
        if (guild == null) {
            throw new IllegalArgumentException("no guild " + id + "; add it with addGuild first");
        }
        return guild;
    }

    /** The roles of a guild: the first guild's as the tests made them, two for any other. */
    private List<Role> rolesOf(String guildId) {
        if (guildId.equals(FakeDiscord.GUILD_ID)) {
            return List.copyOf(roles.values());
        }
        Guild guild = guild(guildId);
        return List.of(new Role(guildId, "@everyone", EVERYONE_PERMISSIONS, 0, false),
                new Role(guild.botRoleId(), FakeDiscord.BOT_NAME, BOT_PERMISSIONS, 1, true));
    }

    private List<String> roleIdsIn(String guildId, Member member) {
        if (guildId.equals(FakeDiscord.GUILD_ID)) {
            return member.roleIds();
        }
        return member.bot() ? List.of(guild(guildId).botRoleId()) : List.of();
    }

    /**
     * Deletes a text channel, as a server manager does; returns it as it was, for CHANNEL_DELETE. The bot's posts in
     * it stay in the tests' record; Discord's routes then answer for it as for any unknown channel.
     */
    synchronized ObjectNode deleteTextChannel(String id) {
        if (!channels.containsKey(id)) {
            throw new IllegalArgumentException("no text channel " + id + " to delete");
        }
        ObjectNode deleted = channelJson(id);
        channels.remove(id);
        return deleted;
    }

    synchronized String channelId(String name) {
        return channels.values().stream().filter(c -> c.name().equals(name)).map(Channel::id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel named " + name + " in " + channels));
    }

    synchronized boolean isTextChannel(String id) {
        return channels.containsKey(id);
    }

    synchronized AddedMember addMember(String userId, String name, boolean manageServer, String... roleNames) {
        requireSnowflake(userId);
        if (members.containsKey(userId)) {
            throw new IllegalArgumentException("member " + userId + " exists already");
        }
        List<ObjectNode> newRoles = new ArrayList<>();
        List<String> roleIds = new ArrayList<>();
        if (manageServer) {
            // on Discord the permission comes from a role; interactions also carry it computed
            roleIds.add(FakeDiscord.MANAGERS_ROLE_ID);
        }
        for (String roleName : roleNames) {
            Role role = roles.values().stream().filter(r -> r.name().equals(roleName)).findFirst().orElse(null);
            if (role == null) {
                role = new Role(snowflake(), roleName, 0, roles.size(), false);
                roles.put(role.id(), role);
                newRoles.add(roleJson(role));
            }
            roleIds.add(role.id());
        }
        members.put(userId, new Member(userId, name, false, List.copyOf(roleIds), now()));
        return new AddedMember(memberJson(userId), newRoles);
    }

    synchronized void setLocale(String userId, String locale) {
        member(userId);
        locales.put(userId, locale);
    }

    /** The user's client language, French unless set: the bot's community speaks French. */
    synchronized String locale(String userId) {
        return locales.getOrDefault(userId, "fr");
    }

    synchronized boolean isMember(String userId) {
        return members.containsKey(userId);
    }

    /** Permissions as Discord computes them for a member, ignoring channel overwrites (there are none). */
    synchronized long permissionsOf(String userId) {
        return permissionsOf(userId, FakeDiscord.GUILD_ID);
    }

    synchronized long permissionsOf(String userId, String guildId) {
        if (userId.equals(FakeDiscord.OWNER_ID)) {
            return ALL_PERMISSIONS;
        }
        Map<String, Long> granted = new HashMap<>();
        rolesOf(guildId).forEach(role -> granted.put(role.id(), role.permissions()));
        long permissions = granted.get(guildId);
        for (String roleId : roleIdsIn(guildId, member(userId))) {
            permissions |= granted.get(roleId);
        }
        return (permissions & ADMINISTRATOR) != 0 ? ALL_PERMISSIONS : permissions;
    }

    // ---- direct messages

    /** The DM channel between the bot and the user; Discord keeps one per pair, so it is made on first use. */
    synchronized String dmChannelOf(String userId) {
        member(userId);
        return dmChannelByUser.computeIfAbsent(userId, u -> {
            String id = snowflake();
            userByDmChannel.put(id, u);
            return id;
        });
    }

    synchronized void closeDirectMessages(String userId) {
        member(userId);
        closedDms.add(userId);
    }

    /** Whether the bot may write in this DM channel: false when its recipient closed their direct messages. */
    synchronized boolean acceptsDirectMessages(String channelId) {
        String recipient = userByDmChannel.get(channelId);
        return recipient == null || !closedDms.contains(recipient);
    }

    synchronized Optional<String> dmRecipient(String channelId) {
        return Optional.ofNullable(userByDmChannel.get(channelId));
    }

    // ---- messages

    synchronized void remember(ObjectNode message) {
        messages.put(message.get("id").asText(), message);
    }

    synchronized Optional<ObjectNode> message(String id) {
        return Optional.ofNullable(messages.get(id)).map(ObjectNode::deepCopy);
    }

    /**
     * Records a message the bot posted in a channel and wakes the tests waiting for it; with an enforced nonce
     * (Discord's {@code enforce_nonce}) already used in the channel, records nothing and returns the message made
     * with it. The check and the recording are one step: two instances of the bot may send the same nonce at the
     * same moment, and Discord still makes one message.
     *
     * @return the message already posted with the enforced nonce, or empty when this one was recorded
     */
    synchronized Optional<ObjectNode> post(String channelId, ObjectNode message, String nonce, boolean enforced) {
        String key = channelId + "/" + nonce;
        if (nonce != null && enforced && postByNonce.containsKey(key)) {
            return Optional.of(postByNonce.get(key).deepCopy());
        }
        remember(message);
        posts.computeIfAbsent(channelId, c -> new ArrayList<>()).add(message);
        if (nonce != null) {
            postByNonce.putIfAbsent(key, message);
        }
        notifyAll();
        return Optional.empty();
    }

    synchronized void keepFile(String attachmentId, UploadedFile file) {
        files.put(attachmentId, file);
    }

    synchronized Optional<UploadedFile> file(String attachmentId) {
        return Optional.ofNullable(files.get(attachmentId));
    }

    /** Starts a thread on a message, or returns empty when the message already has one (Discord's 160004). */
    synchronized Optional<ObjectNode> startThread(String messageId, ObjectNode thread) {
        if (threadsByMessage.containsKey(messageId)) {
            return Optional.empty();
        }
        threadsByMessage.put(messageId, thread);
        notifyAll();
        return Optional.of(thread.deepCopy());
    }

    /** The thread started on a message, if any. */
    synchronized Optional<JsonNode> threadOf(String messageId) {
        return Optional.ofNullable(threadsByMessage.get(messageId)).map(ObjectNode::deepCopy);
    }

    synchronized List<JsonNode> posts(String channelId) {
        return posts.getOrDefault(channelId, List.of()).stream().map(m -> (JsonNode) m.deepCopy()).toList();
    }

    synchronized List<JsonNode> awaitPosts(String channelId, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (posts.getOrDefault(channelId, List.of()).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return posts(channelId);
    }

    // ---- commands

    synchronized void setCommands(boolean guild, ArrayNode commands) {
        if (guild) {
            guildCommands = commands.deepCopy();
        } else {
            globalCommands = commands.deepCopy();
        }
    }

    synchronized ArrayNode commands(boolean guild) {
        return (guild ? guildCommands : globalCommands).deepCopy();
    }

    /** The registered command with this name, guild commands first (as a Discord client shows them). */
    synchronized void allowCommand(String name, String userId) {
        allowedCommands.add(name + "/" + userId);
    }

    synchronized boolean isAllowedCommand(String name, String userId) {
        return allowedCommands.contains(name + "/" + userId);
    }

    synchronized Optional<ObjectNode> command(String name) {
        for (ArrayNode list : List.of(guildCommands, globalCommands)) {
            for (JsonNode command : list) {
                if (command.path("name").asText().equals(name) && command.path("type").asInt(1) == 1) {
                    return Optional.of(((ObjectNode) command).deepCopy());
                }
            }
        }
        return Optional.empty();
    }

    // ---- JSON, as Discord writes it

    synchronized ObjectNode userJson(String userId) {
        Member member = member(userId);
        ObjectNode user = JSON.createObjectNode()
                .put("id", member.id())
                .put("username", member.name())
                .put("global_name", member.bot() ? null : member.name())
                .put("discriminator", member.bot() ? "0000" : "0")
                .put("avatar", (String) null)
                .put("bot", member.bot())
                .put("public_flags", 0);
        return user;
    }

    /** The member object; without {@code user} as in MESSAGE_CREATE, where the author is given apart. */
    synchronized ObjectNode memberJson(String userId, boolean withUser) {
        return memberJson(userId, withUser, FakeDiscord.GUILD_ID);
    }

    /** The member object in a given guild, with their roles there. */
    synchronized ObjectNode memberJson(String userId, boolean withUser, String guildId) {
        Member member = member(userId);
        ObjectNode json = JSON.createObjectNode();
        if (withUser) {
            json.set("user", userJson(userId));
        }
        ArrayNode roleIds = json.putArray("roles");
        roleIdsIn(guildId, member).forEach(roleIds::add);
        json.put("joined_at", member.joinedAt())
                .put("nick", (String) null)
                .put("avatar", (String) null)
                .put("premium_since", (String) null)
                .put("communication_disabled_until", (String) null)
                .put("deaf", false)
                .put("mute", false)
                .put("pending", false)
                .put("flags", 0);
        return json;
    }

    synchronized ObjectNode memberJson(String userId) {
        return memberJson(userId, true);
    }

    synchronized ObjectNode channelJson(String channelId) {
        String recipient = userByDmChannel.get(channelId);
        if (recipient != null) {
            ObjectNode dm = JSON.createObjectNode()
                    .put("id", channelId)
                    .put("type", 1)
                    .put("last_message_id", (String) null)
                    .put("flags", 0);
            dm.putArray("recipients").add(userJson(recipient));
            return dm;
        }
        Channel channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("no channel " + channelId);
        }
        ObjectNode json = JSON.createObjectNode()
                .put("id", channel.id())
                .put("type", 0)
                .put("guild_id", channel.guildId())
                .put("name", channel.name())
                .put("position", channel.position())
                .put("topic", (String) null)
                .put("nsfw", false)
                .put("last_message_id", (String) null)
                .put("rate_limit_per_user", 0)
                .put("parent_id", (String) null)
                .put("flags", 0);
        json.putArray("permission_overwrites");
        return json;
    }

    private static ObjectNode roleJson(Role role) {
        ObjectNode json = JSON.createObjectNode()
                .put("id", role.id())
                .put("name", role.name())
                .put("permissions", Long.toString(role.permissions()))
                .put("position", role.position())
                .put("color", 0)
                .put("hoist", false)
                .put("managed", role.managed())
                .put("mentionable", false)
                .put("icon", (String) null)
                .put("unicode_emoji", (String) null)
                .put("flags", 0);
        json.putObject("colors").put("primary_color", 0);
        ObjectNode tags = json.putObject("tags");
        if (role.managed()) {
            tags.put("bot_id", FakeDiscord.BOT_ID);
        }
        return json;
    }

    /** GUILD_CREATE: everything JDA needs to load the guild, members included so it never asks for chunks. */
    synchronized ObjectNode guildJson() {
        return guildJson(FakeDiscord.GUILD_ID);
    }

    synchronized ObjectNode guildJson(String guildId) {
        Guild info = guild(guildId);
        boolean first = guildId.equals(FakeDiscord.GUILD_ID);
        ObjectNode guild = JSON.createObjectNode()
                .put("id", guildId)
                .put("name", info.name())
                .put("icon", (String) null)
                .put("splash", (String) null)
                .put("banner", (String) null)
                .put("description", (String) null)
                .put("owner_id", FakeDiscord.OWNER_ID)
                .put("afk_channel_id", (String) null)
                .put("afk_timeout", 300) // JDA refuses a guild without a valid one
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false)
                .put("preferred_locale", "fr")
                .put("system_channel_id", first ? FakeDiscord.GENERAL_CHANNEL_ID : null)
                .put("system_channel_flags", 0)
                .put("rules_channel_id", (String) null)
                .put("public_updates_channel_id", (String) null)
                .put("safety_alerts_channel_id", (String) null)
                .put("vanity_url_code", (String) null)
                .put("max_members", 500_000)
                .put("joined_at", members.get(FakeDiscord.BOT_ID).joinedAt())
                .put("large", false)
                .put("unavailable", false)
                .put("member_count", members.size());
        guild.putArray("features");
        ArrayNode roleArray = guild.putArray("roles");
        rolesOf(guildId).forEach(r -> roleArray.add(roleJson(r)));
        ArrayNode channelArray = guild.putArray("channels");
        channels.values().stream().filter(c -> c.guildId().equals(guildId)).forEach(c -> {
            ObjectNode channel = channelJson(c.id());
            channel.remove("guild_id"); // absent inside GUILD_CREATE
            channelArray.add(channel);
        });
        ArrayNode memberArray = guild.putArray("members");
        members.keySet().forEach(id -> memberArray.add(memberJson(id, true, guildId)));
        for (String empty : List.of("threads", "emojis", "stickers", "voice_states", "presences",
                "guild_scheduled_events", "stage_instances", "soundboard_sounds")) {
            guild.putArray(empty);
        }
        return guild;
    }

    private Member member(String userId) {
        Member member = members.get(userId);
        if (member == null) {
            throw new IllegalArgumentException("no member " + userId + "; add it with addMember first");
        }
        return member;
    }

    private static void requireSnowflake(String id) {
        if (!id.matches("[1-9][0-9]{0,19}")) {
            throw new IllegalArgumentException("Discord ids are numbers (snowflakes): " + id);
        }
    }
}
