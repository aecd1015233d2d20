package org.animfr.animabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Limits;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.animfr.animabot.persistence.PersistenceConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many conversations linked to the test session: text channels in a fake Discord (in this JVM, so it outlives the
 * bot's process) and rooms on the real Synapse that the bot's account has joined, for the application under test to
 * post the week's prompt to. Counts what each conversation received, as its members would see it.
 */
final class FanOutWorld implements AutoCloseable {
    /** The test session (config/src/test/resources/e2e/sessions.yaml) and its week 6, starting Monday 5 November. */
    static final String SESSION = "animacoop-7";
    static final String WEEK_6_PROMPT = "Dessinez la carte des acteurs de votre projet.";

    final FakeDiscord discord;
    final Synapse synapse;
    final Synapse.User bot;
    final Synapse.User organizer;
    final List<String> channels = new ArrayList<>();
    final List<String> rooms = new ArrayList<>();

    private FanOutWorld(FakeDiscord discord, Synapse synapse, Synapse.User bot, Synapse.User organizer) {
        this.discord = discord;
        this.synapse = synapse;
        this.bot = bot;
        this.organizer = organizer;
    }

    /**
     * A fake Discord with {@code discordChannels} more text channels under {@code limits}, and {@code matrixRooms}
     * rooms joined by a new bot account allowed {@code matrixPerSecond} messages per second (bursts as large).
     */
    static FanOutWorld create(int discordChannels, Limits limits, int matrixRooms, int matrixPerSecond)
            throws Exception {
        Synapse synapse = Synapse.ensureRunning();
        Synapse.User bot = synapse.register(Synapse.unique("animabot"), false);
        Synapse.User organizer = synapse.register(Synapse.unique("camille"), false);
        Synapse.User admin = synapse.register(Synapse.unique("admin"), true);
        synapse.overrideMessageRateLimit(admin, bot.userId(), matrixPerSecond, matrixPerSecond);
        FanOutWorld world = new FanOutWorld(FakeDiscord.start(limits), synapse, bot, organizer);
        for (int i = 0; i < discordChannels; i++) {
            String id = String.format("13%016d", i);
            world.discord.addTextChannel(id, "session-" + i);
            world.channels.add(id);
        }
        ExecutorService creating = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < matrixRooms; i++) {
                created.add(creating.submit(() -> {
                    String room = synapse.createRoom(organizer, false, bot.userId());
                    synapse.join(bot, room);
                    return room;
                }));
            }
            for (Future<String> room : created) {
                world.rooms.add(room.get());
            }
        } finally {
            creating.shutdown();
        }
        return world;
    }

    /**
     * The bot joins a second Discord server, which Discord puts on shard 1 of 2, with {@code count} more channels;
     * from then on one gateway session may not hold both servers (Discord's "sharding required"), as for a bot in
     * more than 2,500. Returns the new channels, which {@link #channels} holds too.
     */
    List<String> addServerOnSecondShard(int count) {
        String guild = FakeDiscord.guildIdOnShard(1, 2, 1);
        discord.addGuild(guild, "Anim-fr Lyon");
        List<String> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("14%016d", i);
            discord.addTextChannel(guild, id, "lyon-" + i);
            added.add(id);
        }
        channels.addAll(added);
        discord.recommendShards(2);
        discord.maxGuildsPerSession(1);
        return added;
    }

    /** Migrates the application's database and links every channel and room to the session, as organizers did. */
    void linkAll(DataSource database) {
        linkAll(database, conversation -> SESSION);
    }

    /** Migrates the application's database and links every channel and room to the session it names. */
    void linkAll(DataSource database, UnaryOperator<String> sessionOf) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        RoomLinks links = new PersistenceConfiguration().roomLinks(JdbcClient.create(database), Clock.systemUTC());
        channels.forEach(channel -> links.link(new ConversationRef("discord", channel), sessionOf.apply(channel)));
        rooms.forEach(room -> links.link(new ConversationRef("matrix", room), sessionOf.apply(room)));
    }

    /** The application's arguments for this Discord and this Matrix account. */
    List<String> platformArguments() {
        return List.of(
                "--animabot.discord.token=" + FakeDiscord.BOT_TOKEN,
                "--animabot.discord.rest-url=" + discord.restBaseUrl(),
                "--animabot.discord.gateway-url=" + discord.gatewayUrl(),
                "--animabot.matrix.homeserver=" + synapse.baseUrl(),
                "--animabot.matrix.access-token=" + bot.accessToken());
    }

    /** How many Discord channels hold the prompt at least once (cheap: the fake is in this JVM). */
    long discordChannelsWithThePrompt() {
        return discordChannelsWith(WEEK_6_PROMPT);
    }

    /** How many Discord channels hold a message with this text at least once. */
    long discordChannelsWith(String text) {
        return channels.stream().filter(channel -> !containing(text, discord.messagesIn(channel)).isEmpty()).count();
    }

    /** How many times each conversation holds the week's prompt, as its members see it. */
    Map<String, Integer> promptsPerConversation() {
        return perConversation(WEEK_6_PROMPT);
    }

    /** How many of the bot's messages with this text each conversation holds, as its members see it. */
    Map<String, Integer> perConversation(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String channel : channels) {
            counts.put("discord:" + channel, containing(text, discord.messagesIn(channel)).size());
        }
        for (String room : rooms) {
            counts.put("matrix:" + room, (int) synapse.messages(organizer, room).stream()
                    .filter(event -> event.path("sender").asText().equals(bot.userId()))
                    .filter(event -> event.path("content").path("body").asText().contains(text))
                    .count());
        }
        return counts;
    }

    /** The prompt's messages in a Discord channel; each must have its thread. */
    List<JsonNode> prompts(List<JsonNode> messages) {
        return containing(WEEK_6_PROMPT, messages);
    }

    private static List<JsonNode> containing(String text, List<JsonNode> messages) {
        return messages.stream().filter(message -> message.toString().contains(text)).toList();
    }

    @Override
    public void close() {
        discord.close();
    }
}
