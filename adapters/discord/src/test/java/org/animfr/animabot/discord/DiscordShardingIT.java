package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.testing.InMemoryOutbox;
import org.animfr.animabot.core.testing.ManualTimers;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sharding plan, proven against the fake Discord speaking the gateway's sharding: two servers that Discord puts
 * on two shards, and two instances of the bot, one per shard ({@code 0/2} and {@code 1/2}), each on JDA's shard
 * manager. Each server's messages and commands reach only the instance of its shard and get one answer; direct
 * messages go to shard 0; a post to a server of the other shard is handed over through the outbox and goes out
 * once, through the instance that sees it. A bot in more servers than one session may hold, unsharded, is told
 * it needs sharding.
 */
class DiscordShardingIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(800);
    private static final String LEARNER = "300000000000000031";
    private static final String SECOND_GUILD = FakeDiscord.guildIdOnShard(1, 2, 7);
    private static final String LYON = "110000000000000031";

    private FakeDiscord fake;
    private final List<DiscordChatPlatform> instances = new ArrayList<>();

    @BeforeEach
    void twoServersOnTwoShards() {
        fake = FakeDiscord.start();
        fake.addMember(LEARNER, "Léa", false);
        fake.addGuild(SECOND_GUILD, "Anim-fr Lyon");
        fake.addTextChannel(SECOND_GUILD, LYON, "animacoop-lyon");
        fake.recommendShards(2);
        // as Discord above 2,500 servers: one session may not hold them all
        fake.maxGuildsPerSession(1);
        assertThat(FakeDiscord.shardOf(FakeDiscord.GUILD_ID, 2)).isZero();
        assertThat(FakeDiscord.shardOf(SECOND_GUILD, 2)).isOne();
    }

    @AfterEach
    void stop() {
        instances.forEach(DiscordChatPlatform::stop);
        fake.close();
    }

    @Test
    void eachServerIsAnsweredOnceByTheInstanceOfItsShard() {
        DiscordChatPlatform first = start("0/2", "première");
        DiscordChatPlatform second = start("1/2", "seconde");
        await().atMost(WAIT).until(() -> first.status().isConnected() && second.status().isConnected());
        assertThat(fake.shardsIdentified()).containsExactlyInAnyOrder("0/2", "1/2");
        assertThat(first.knowsChannel(FakeDiscord.GENERAL_CHANNEL_ID)).isTrue();
        assertThat(first.knowsChannel(LYON)).isFalse();
        assertThat(second.knowsChannel(LYON)).isTrue();
        assertThat(second.knowsChannel(FakeDiscord.GENERAL_CHANNEL_ID)).isFalse();

        fake.sendMessage(LEARNER, FakeDiscord.GENERAL_CHANNEL_ID, "c'est quand la prochaine session ?", true);
        fake.sendMessage(LEARNER, LYON, "où a lieu le regroupement ?", true);
        fake.sendDirectMessage(LEARNER, "bonjour, une question en privé");

        assertThat(onlyMessage(FakeDiscord.GENERAL_CHANNEL_ID))
                .startsWith("instance première").endsWith("c'est quand la prochaine session ?");
        assertThat(onlyMessage(LYON)).startsWith("instance seconde").endsWith("où a lieu le regroupement ?");
        assertThat(onlyMessage(fake.dmChannelOf(LEARNER))).as("direct messages come to shard 0")
                .startsWith("instance première").endsWith("bonjour, une question en privé");
        // not two answers made one by Discord's nonce: one instance only was told and answered
        for (String channel : List.of(FakeDiscord.GENERAL_CHANNEL_ID, LYON, fake.dmChannelOf(LEARNER))) {
            assertThat(fake.calls()).filteredOn(c -> c.method().equals("POST")
                    && c.path().equals("channels/" + channel + "/messages")).as("posts to " + channel).hasSize(1);
        }
    }

    @Test
    void aSlashCommandInAServerOfTheSecondShardIsAnsweredByItsInstance() {
        DiscordChatPlatform first = start("0/2", "première");
        DiscordChatPlatform second = start("1/2", "seconde");
        await().atMost(WAIT).until(() -> first.status().isConnected() && second.status().isConnected());
        await().atMost(WAIT).until(() -> !fake.registeredCommands().isEmpty());

        JsonNode answer = fake.slashCommand(LEARNER, LYON, "aide", Map.of()).awaitResponse(WAIT);

        assertThat(DiscordTestSupport.text(answer.get("data"))).startsWith("instance seconde");
    }

    @Test
    void aPostToAServerOfAnotherShardIsHandedOverAndGoesOutOnce() {
        DiscordChatPlatform first = start("0/2", "première");
        DiscordChatPlatform second = start("1/2", "seconde");
        await().atMost(WAIT).until(() -> first.status().isConnected() && second.status().isConnected());
        InMemoryOutbox outbox = new InMemoryOutbox();
        ManualTimers timers = new ManualTimers();
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
        Deliveries throughFirst = new Deliveries(outbox, new ChatPlatforms(List.of(first)), timers, clock);
        Deliveries throughSecond = new Deliveries(outbox, new ChatPlatforms(List.of(second)), timers, clock);
        Post post = new Post("announcement-1", Reply.plain("Regroupement jeudi à Lyon et à Brest"), null, null);

        Deliveries.Report report = throughFirst.send(post, List.of(
                new Target.Room(new ConversationRef(DiscordChatPlatform.NAME, FakeDiscord.GENERAL_CHANNEL_ID)),
                new Target.Room(new ConversationRef(DiscordChatPlatform.NAME, LYON)))).toCompletableFuture().join();

        assertThat(report.sent()).extracting(d -> d.target().id()).containsExactly("room:discord:"
                + FakeDiscord.GENERAL_CHANNEL_ID);
        assertThat(report.pending()).extracting(d -> d.target().id()).containsExactly("room:discord:" + LYON);
        Delivery handedOver = report.pending().get(0);
        assertThat(handedOver.lastError()).contains("not on shards 0/2");
        assertThat(throughFirst.sendHandedOver()).as("the first instance does not see that channel").isZero();

        assertThat(throughSecond.sendHandedOver()).isEqualTo(1);

        await().atMost(WAIT).until(() -> outbox.delivery(handedOver.id()).orElseThrow().state()
                == Delivery.State.SENT);
        assertThat(onlyMessage(LYON)).isEqualTo("Regroupement jeudi à Lyon et à Brest");
        assertThat(onlyMessage(FakeDiscord.GENERAL_CHANNEL_ID)).isEqualTo("Regroupement jeudi à Lyon et à Brest");
    }

    @Test
    void anInstanceOfOneShardSaysAChannelOfAnotherIsForAnotherInstance() {
        DiscordChatPlatform first = start("0/2", "première");
        await().atMost(WAIT).until(() -> first.status().isConnected());

        CompletableFuture<Void> post = first.post(new ConversationRef(DiscordChatPlatform.NAME, LYON),
                new Outgoing(Reply.plain("pour Lyon"), "key-1", null)).toCompletableFuture();

        assertThat(post).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.elsewhere()).isTrue();
                    assertThat(e.gone()).isFalse();
                });
        assertThat(fake.messagesIn(LYON)).isEmpty();
    }

    @Test
    void oneInstanceMayHoldSeveralShardsStartedOneAfterTheOther() {
        DiscordChatPlatform both = start("0-1/2", "seule");

        await().atMost(WAIT).until(() -> both.status().isConnected());

        assertThat(fake.shardsIdentified()).containsExactly("0/2", "1/2");
        assertThat(both.knowsChannel(FakeDiscord.GENERAL_CHANNEL_ID) && both.knowsChannel(LYON)).isTrue();
        fake.sendMessage(LEARNER, LYON, "semaine 3", true);
        assertThat(onlyMessage(LYON)).startsWith("instance seule");
        CompletableFuture<Void> post = both.post(new ConversationRef(DiscordChatPlatform.NAME,
                FakeDiscord.GENERAL_CHANNEL_ID), new Outgoing(Reply.plain("pour Brest"), "key-2", null))
                .toCompletableFuture();
        assertThat(post).succeedsWithin(WAIT);
        assertThat(onlyMessage(FakeDiscord.GENERAL_CHANNEL_ID)).isEqualTo("pour Brest");
    }

    @Test
    void aBotInMoreServersThanOneSessionMayHoldIsToldToShard() {
        DiscordChatPlatform whole = start("", "seule");

        await().atMost(WAIT).until(() -> whole.status().reason() != null
                && whole.status().reason().contains("4011"));
        assertThat(whole.status().isConnected()).isFalse();
        assertThat(whole.status().reason()).contains("needs sharding");
    }

    /** An instance holding the shards, answering every message with its name and the text it got. */
    private DiscordChatPlatform start(String shards, String name) {
        DiscordChatPlatform platform = new DiscordChatPlatform(new DiscordSettings(FakeDiscord.BOT_TOKEN,
                fake.restBaseUrl(), fake.gatewayUrl(), null, 20, ShardRange.parse(shards)),
                new org.animfr.animabot.core.testing.BotFixture().commands(),
                new org.animfr.animabot.core.testing.BotFixture().core.completions(),
                org.animfr.animabot.core.testing.BotFixture.MESSAGES);
        MessageHandler echo = message -> CompletableFuture.completedFuture(List.of(Reply.plain("instance " + name
                + " : " + (message.command() != null ? message.command().toString() : message.text()))));
        platform.start(echo);
        instances.add(platform);
        return platform;
    }

    /** The one message in the channel, once it arrives and nothing more comes after it. */
    private String onlyMessage(String channel) {
        List<JsonNode> messages = fake.awaitMessagesIn(channel, 1, WAIT);
        try {
            Thread.sleep(QUIET.toMillis());
        } catch (InterruptedException e) {
            throw new CompletionException(e);
        }
        assertThat(fake.messagesIn(channel)).as("messages in " + channel).hasSize(1);
        return DiscordTestSupport.text(messages.get(0)).strip();
    }
}
