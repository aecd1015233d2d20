package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Limits;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The sharding plan run for real: a bot in two Discord servers that Discord puts on two shards and refuses in one
 * gateway session, three instances of the application (each in its own JVM) on one PostgreSQL: one holds shard 0
 * (with Matrix and direct messages), one holds shard 1 and a third stands by for shard 1, each range with its own
 * lease. Each server's questions are answered once, by the instance of its shard; an organizer's announcement from
 * Matrix reaches every channel of both servers and every room once, the second server's through the instance that
 * sees it; the shard-1 instance killed, its standby takes over within 30 s and answers that server, while shard 0
 * goes on. Set {@code ANIMABOT_TEST_POSTGRES_URL} to run it; each run works in a schema of its own.
 */
@EnabledIfEnvironmentVariable(named = "ANIMABOT_TEST_POSTGRES_URL", matches = ".+")
class ShardedInstancesIT {
    private static final Instant CLOCK_START = OffsetDateTime.parse("2012-11-05T08:59:35+01:00").toInstant();
    private static final Duration START = Duration.ofSeconds(120);
    private static final String HOLDS = "This instance holds the platforms now";
    private static final String STANDS_BY = "this one stands by to take over";
    private static final String ANNOUNCEMENT = "Le regroupement de Lyon et de Brest a lieu au Tiers-lieu La Coop.";

    private final List<BotProcess> processes = new ArrayList<>();
    private RunSchema schema;
    private FanOutWorld world;
    private List<String> secondServer;

    @BeforeEach
    void twoServersOnTwoShards() throws Exception {
        schema = RunSchema.create("sharded");
        world = FanOutWorld.create(10, Limits.DISCORD, 2, 50);
        secondServer = world.addServerOnSecondShard(10);
        world.linkAll(schema.database());
    }

    @AfterEach
    void stopEverything() throws InterruptedException, SQLException {
        for (BotProcess process : processes) {
            process.close();
        }
        if (world != null) {
            world.close();
        }
        schema.close();
    }

    @Test
    void eachShardHasOneActiveInstanceAndEveryServerIsAnsweredAndPostedToOnce() throws Exception {
        Instant startedAt = Instant.now();
        BotProcess shardZero = start("shard-0.log", startedAt, "0/2");
        BotProcess shardOne = start("shard-1.log", startedAt, "1/2");
        shardZero.awaitLog("Discord shards 0/2 connected", START).awaitLog("Matrix connected", START);
        shardOne.awaitLog("Discord shards 1/2 connected", START);
        // started once shard 1 is held, so that it is the standby
        BotProcess shardOneStandby = start("shard-1-standby.log", startedAt, "1/2");
        shardOneStandby.awaitLog(STANDS_BY, START);
        assertThat(shardOne.log()).contains("runs them only").doesNotContain("Matrix connected");
        assertThat(world.discord.shardsIdentified()).containsExactlyInAnyOrder("0/2", "1/2");

        String brest = world.channels.get(0);
        String lyon = secondServer.get(0);
        String inBrest = world.discord.sendMessage(FakeDiscord.MEMBER_ID, brest, "semaine 2", true);
        String inLyon = world.discord.sendMessage(FakeDiscord.MEMBER_ID, lyon, "semaine 3", true);
        String room = world.rooms.get(0);
        String asked = world.synapse.send(world.organizer, room, "!anim semaine 4");
        assertThat(onlyAnswer(brest, inBrest)).containsIgnoringCase("semaine 2");
        assertThat(onlyAnswer(lyon, inLyon)).containsIgnoringCase("semaine 3");
        assertThat(shardOne.log()).contains("lease animabot-platforms-shards-1-1-of-2");
        assertThat(shardZero.log()).contains("lease animabot-platforms-shards-0-0-of-2");
        world.synapse.awaitMessages(world.organizer, room, Synapse.noticesFrom(world.bot.userId())
                .and(event -> repliesTo(event, asked)), 1, Duration.ofSeconds(30));

        Instant announced = Instant.now();
        world.synapse.send(world.organizer, room, "!anim admin annonce " + ANNOUNCEMENT);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(world.perConversation(ANNOUNCEMENT)).as("the announcement in each conversation")
                        .allSatisfy((conversation, count) -> assertThat(count).as(conversation).isPositive()));
        System.out.println("Announcement in every conversation of both shards after "
                + Duration.between(announced, Instant.now()).toMillis() + " ms");
        Thread.sleep(5_000);
        assertThat(world.perConversation(ANNOUNCEMENT)).hasSize(22)
                .allSatisfy((conversation, count) -> assertThat(count).as(conversation).isEqualTo(1));
        for (String channel : world.channels) {
            assertThat(world.discord.calls()).filteredOn(call -> call.method().equals("POST")
                    && call.path().equals("channels/" + channel + "/messages")
                    && call.body().toString().contains("Tiers-lieu La Coop"))
                    .as("posted to " + channel + " by the instance of its shard only").hasSize(1);
        }

        shardOne.kill();
        Instant killed = Instant.now();
        shardOneStandby.awaitLog(HOLDS, Duration.ofSeconds(30))
                .awaitLog("Discord shards 1/2 connected", Duration.ofSeconds(30));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.println("Shard 1 taken over after SIGKILL: " + takeover.toMillis() + " ms");
        assertThat(takeover).isLessThan(Duration.ofSeconds(30));
        String lyonLater = secondServer.get(1);
        String later = world.discord.sendMessage(FakeDiscord.MEMBER_ID, lyonLater, "semaine 5", true);
        assertThat(onlyAnswer(lyonLater, later)).containsIgnoringCase("semaine 5");
        assertThat(shardZero.isAlive()).as("shard 0 ran throughout").isTrue();
        assertThat(shardZero.log()).doesNotContain("lost the platform lease");
    }

    /** The bot's one answer to the question, once it came and no second followed. */
    private String onlyAnswer(String channel, String question) throws InterruptedException {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !answers(channel, question).isEmpty());
        Thread.sleep(2_000);
        assertThat(answers(channel, question)).as("answers to " + question + " in " + channel).hasSize(1);
        return answers(channel, question).get(0).toString();
    }

    private List<JsonNode> answers(String channel, String question) {
        return world.discord.messagesIn(channel).stream()
                .filter(message -> message.path("message_reference").path("message_id").asText().equals(question))
                .toList();
    }

    private static boolean repliesTo(JsonNode event, String question) {
        return event.path("content").path("m.relates_to").path("m.in_reply_to").path("event_id").asText()
                .equals(question);
    }

    private BotProcess start(String log, Instant startedAt, String shards) {
        List<String> arguments = new ArrayList<>(schema.arguments(world, CLOCK_START, startedAt));
        arguments.add("--animabot.discord.shards=" + shards);
        // the hand-overs between the shards' instances, for whoever reads a failure
        arguments.add("--logging.level.org.animfr.animabot.core.delivery=DEBUG");
        BotProcess process = BotProcess.start(BotProcess.logFile("ShardedInstancesIT-" + log), arguments);
        processes.add(process);
        return process;
    }
}
