package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Limits;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The week's prompt fanned out by the application, in its own JVM, to 200 Discord channels (the fake, with Discord's
 * limits, in this JVM) and 50 Matrix rooms (the real Synapse, the bot's account slowed to 5 messages a second so that
 * both fan-outs are under way together): whether the process is killed in the middle and restarted, or stopped
 * with SIGTERM in the middle, every conversation ends up holding the prompt exactly once.
 */
class AutomaticPostsCrashIT {
    private static final int CHANNELS = 200;
    private static final int ROOMS = 50;
    /** Twenty seconds before the week-6 prompt (Monday 5 November 2012, 09:00 in Paris): time to start. */
    private static final Instant CLOCK_START = OffsetDateTime.parse("2012-11-05T08:59:40+01:00").toInstant();
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private FanOutWorld world;
    private final List<BotProcess> processes = new ArrayList<>();
    private Instant startedAt;

    @BeforeEach
    void linkEveryConversation() throws Exception {
        world = FanOutWorld.create(CHANNELS, Limits.DISCORD, ROOMS, 5);
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(databaseUrl());
        database.setUser("sa");
        world.linkAll(database);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (BotProcess process : processes) {
            process.close();
        }
        world.close();
    }

    @Test
    void killedInTheMiddleOfTheFanOutThenRestartedEveryConversationHoldsThePromptOnce() throws Exception {
        BotProcess first = start("first.log").awaitLog("Started AnimabotApplication", START);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> world.discordChannelsWithThePrompt() >= 40);

        first.kill();
        long atTheKill = world.discordChannelsWithThePrompt();
        assertThat(atTheKill).as("killed in the middle of the fan-out").isLessThan(CHANNELS);

        BotProcess second = start("second.log");
        second.awaitLog("Started AnimabotApplication", START);
        // the killed run's execution is taken over once its heartbeats are missed (4 × 5 s by default)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> world.discordChannelsWithThePrompt() == CHANNELS);
        assertEveryConversationHoldsThePromptOnce();
        assertThat(first.log() + second.log()).doesNotContain(FakeDiscord.BOT_TOKEN, world.bot.accessToken());
    }

    @Test
    void stoppedWithSigtermInTheMiddleOfTheFanOutItFinishesBeforeExiting() throws Exception {
        BotProcess only = start("only.log").awaitLog("Started AnimabotApplication", START);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> world.discordChannelsWithThePrompt() >= 20);

        int exit = only.terminate(Duration.ofSeconds(60));

        assertThat(exit).as("exit code after SIGTERM:\n" + only.tail()).isIn(0, 143);
        assertEveryConversationHoldsThePromptOnce();
    }

    private void assertEveryConversationHoldsThePromptOnce() {
        // Matrix rooms are read through the homeserver: wait for the slowed account's last sends to land
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> world.promptsPerConversation().values().stream().allMatch(count -> count >= 1));
        Map<String, Integer> counts = world.promptsPerConversation();
        assertThat(counts).hasSize(CHANNELS + ROOMS);
        assertThat(counts).allSatisfy((conversation, count) -> assertThat(count).as(conversation).isEqualTo(1));
        for (String channel : world.channels) {
            world.prompts(world.discord.messagesIn(channel)).forEach(message ->
                    assertThat(world.discord.threadOf(message.get("id").asText())).as("thread in " + channel)
                            .isPresent());
        }
    }

    /** Starts the application where the clock would be had it run since the first start. */
    private BotProcess start(String log) {
        Instant now = Instant.now();
        if (startedAt == null) {
            startedAt = now;
        }
        Instant clock = CLOCK_START.plus(Duration.between(startedAt, now));
        List<String> arguments = new ArrayList<>(List.of(
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock-start=" + clock.atOffset(ZoneOffset.ofHours(1)),
                "--spring.datasource.url=" + databaseUrl()));
        arguments.addAll(world.platformArguments());
        BotProcess process = BotProcess.start(BotProcess.logFile("AutomaticPostsCrashIT-" + log), arguments);
        processes.add(process);
        return process;
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
