package org.animfr.animabot.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.discord.fake.Limits;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Measures the automatic posts of the application run as an admin runs it (its own JVM, H2 on disk), against the
 * fake Discord with Discord's limits and the real Synapse. Three measures, one per argument:
 * <ul>
 *   <li>{@code fan-out}: one weekly prompt to 200 Discord channels and 200 Matrix rooms; time from its due instant to
 *       the last delivery on each platform, against the least the rate limits allow; lost and duplicated posts;
 *   <li>{@code latency}: 50 sessions whose prompts fall due ten at a time over five minutes, two Discord channels
 *       each; time from each post's due instant to its first delivery (p50, p95, max);
 *   <li>{@code idle}: 50 sessions and 500 linked channels planned, nothing due: the process's CPU and heap at rest,
 *       next to the same process with no session.
 * </ul>
 * Run with the command in the README (Benchmarks). Times on Discord are the fake's message and thread creation
 * times; on Matrix, the homeserver's {@code origin_server_ts}.
 */
public final class AutomaticPostsBenchmark {
    private static final Pattern OFFSET = Pattern.compile("offset (\\S+) from the system clock");
    private static final int MATRIX_PER_SECOND = 10;

    private AutomaticPostsBenchmark() {}

    public static void main(String[] args) throws Exception {
        String measure = args.length == 0 ? "fan-out" : args[0];
        switch (measure) {
            case "fan-out" -> fanOut();
            case "latency" -> latency();
            case "idle" -> idle();
            default -> throw new IllegalArgumentException("fan-out, latency or idle, not " + measure);
        }
        System.exit(0);
    }

    private static void fanOut() throws Exception {
        int channels = 200;
        int rooms = 200;
        Path dir = Files.createTempDirectory("animabot-fan-out");
        try (FanOutWorld world = FanOutWorld.create(channels, Limits.DISCORD, rooms, MATRIX_PER_SECOND)) {
            world.linkAll(h2(dir));
            Instant due = OffsetDateTime.parse("2012-11-05T09:00:00+01:00").toInstant();
            try (BotProcess bot = start(dir, "fan-out.log", "classpath:e2e/sessions.yaml", due.minusSeconds(25),
                    world.platformArguments())) {
                Duration offset = offset(bot);
                Instant dueWall = due.minus(offset);
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (world.discordChannelsWithThePrompt() < channels && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                while (System.nanoTime() < deadline && world.promptsPerConversation().values().stream()
                        .anyMatch(count -> count == 0)) {
                    Thread.sleep(2000);
                }
                Thread.sleep(3000);

                List<Instant> messageTimes = new ArrayList<>();
                List<Instant> threadTimes = new ArrayList<>();
                for (String channel : world.channels) {
                    for (JsonNode message : world.prompts(world.discord.messagesIn(channel))) {
                        messageTimes.add(OffsetDateTime.parse(message.get("timestamp").asText()).toInstant());
                        world.discord.threadOf(message.get("id").asText()).ifPresent(thread -> threadTimes.add(
                                Instant.parse(thread.path("thread_metadata").path("create_timestamp").asText())));
                    }
                }
                List<Instant> discordTimes = new ArrayList<>(messageTimes);
                discordTimes.addAll(threadTimes);
                List<Instant> matrixTimes = new ArrayList<>();
                for (String room : world.rooms) {
                    world.synapse.messages(world.organizer, room).stream()
                            .filter(event -> event.path("sender").asText().equals(world.bot.userId()))
                            .forEach(event -> matrixTimes.add(
                                    Instant.ofEpochMilli(event.path("origin_server_ts").asLong())));
                }
                Map<String, Integer> counts = world.promptsPerConversation();
                long lost = counts.values().stream().filter(count -> count == 0).count();
                long duplicated = counts.values().stream().filter(count -> count > 1).count();
                // Discord: a message and a thread per channel at 50 requests a second, the first 50 at once
                double discordLeast = (2.0 * channels - 50) / 50;
                // Matrix: the bot's account allowed 10 messages a second, in bursts of 10
                double matrixLeast = (double) (rooms - MATRIX_PER_SECOND) / MATRIX_PER_SECOND;
                System.out.printf("Fan-out of one weekly prompt to %d Discord channels and %d Matrix rooms%n",
                        channels, rooms);
                report("Discord (message + thread each)", dueWall, discordTimes, discordLeast);
                report("  of which the messages", dueWall, messageTimes, (channels - 50) / 50.0);
                report("  of which the threads", dueWall, threadTimes, (channels - 50) / 50.0);
                report("Matrix", dueWall, matrixTimes, matrixLeast);
                System.out.printf("lost: %d, duplicated: %d (of %d conversations); 429 answers from Discord: %d%n",
                        lost, duplicated, counts.size(), world.discord.tooManyRequestsServed());
            }
        }
    }

    private static void report(String platform, Instant dueWall, List<Instant> times, double leastSeconds) {
        if (times.isEmpty()) {
            System.out.printf("%s: nothing delivered%n", platform);
            return;
        }
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        double sinceDue = Duration.between(dueWall, last).toMillis() / 1000.0;
        double sinceFirst = Duration.between(first, last).toMillis() / 1000.0;
        System.out.printf("%s: first delivery %.2f s after the due time, last %.2f s after; %.2f s from first to "
                        + "last against at least %.2f s the limits allow: %.2f×%n", platform,
                Duration.between(dueWall, first).toMillis() / 1000.0, sinceDue, sinceFirst, leastSeconds,
                sinceFirst / leastSeconds);
    }

    private static void latency() throws Exception {
        int sessions = 50;
        Path dir = Files.createTempDirectory("animabot-latency");
        Path data = dir.resolve("sessions.yaml");
        Files.writeString(data, sessions(sessions, true), StandardCharsets.UTF_8);
        try (FanOutWorld world = FanOutWorld.create(sessions * 2, Limits.DISCORD, 0, MATRIX_PER_SECOND)) {
            JdbcDataSource database = h2(dir);
            world.linkAll(database, channel -> "bench-" + (world.channels.indexOf(channel) / 2));
            Instant firstDue = OffsetDateTime.parse("2012-11-05T09:00:00+01:00").toInstant();
            try (BotProcess bot = start(dir, "latency.log", data.toString(), firstDue.minusSeconds(25),
                    world.platformArguments())) {
                Duration offset = offset(bot);
                Thread.sleep(Duration.between(Instant.now(), firstDue.minus(offset)).plusMinutes(4).plusSeconds(30)
                        .toMillis());
                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    Instant due = firstDue.plus(Duration.ofMinutes(i % 5)).minus(offset);
                    String prompt = "bench-" + i + " semaine 6";
                    Optional<Instant> first = world.channels.subList(i * 2, i * 2 + 2).stream()
                            .flatMap(channel -> world.discord.messagesIn(channel).stream())
                            .filter(message -> message.toString().contains(prompt))
                            .map(message -> OffsetDateTime.parse(message.get("timestamp").asText()).toInstant())
                            .min(Instant::compareTo);
                    if (first.isEmpty()) {
                        System.out.printf("session %d: nothing delivered%n", i);
                    } else {
                        latencies.add(Duration.between(due, first.get()).toMillis());
                    }
                }
                latencies.sort(Long::compare);
                System.out.printf("Due instant to first delivery, %d prompts due ten at a time over five minutes "
                                + "(two Discord channels each): p50 %d ms, p95 %d ms, max %d ms%n", latencies.size(),
                        percentile(latencies, 50), percentile(latencies, 95), latencies.get(latencies.size() - 1));
            }
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static void idle() throws Exception {
        for (int sessions : new int[] {0, 50}) {
            int channels = sessions * 10;
            Path dir = Files.createTempDirectory("animabot-idle");
            Path data = dir.resolve("sessions.yaml");
            Files.writeString(data, sessions(sessions, false), StandardCharsets.UTF_8);
            try (FanOutWorld world = FanOutWorld.create(channels, Limits.DISCORD, 0, MATRIX_PER_SECOND)) {
                world.linkAll(h2(dir), channel -> "bench-" + (world.channels.indexOf(channel) / 10));
                // Wednesday 7 November 2012, 10:00: no post due for hours
                Instant start = OffsetDateTime.parse("2012-11-07T10:00:00+01:00").toInstant();
                try (BotProcess bot = start(dir, "idle-" + sessions + ".log", data.toString(), start,
                        world.platformArguments())) {
                    bot.awaitLog("Discord connected", Duration.ofMinutes(2));
                    Thread.sleep(60_000);
                    Duration cpuBefore = bot.cpu();
                    Thread.sleep(120_000);
                    Duration cpu = bot.cpu().minus(cpuBefore);
                    String heap = bot.heapAfterGc();
                    String timers = bot.log().lines().filter(line -> line.contains("Automatic posts planned"))
                            .reduce((a, b) -> b).map(line -> line.substring(line.indexOf("Automatic posts")))
                            .orElse("no post planned");
                    System.out.printf("%d sessions, %d linked channels: CPU %.2f%% of one core over 120 s at rest "
                                    + "(%d ms); heap after a full GC: %s; %s%n", sessions, channels,
                            cpu.toMillis() / 1200.0, cpu.toMillis(), heap, timers);
                }
            }
        }
    }

    /** Sessions of 13 weeks from 1 October 2012, each with three gatherings; spread prompts over five minutes. */
    static String sessions(int count, boolean spreadPrompts) {
        if (count == 0) {
            return "network: {name: Anim-fr, timezone: Europe/Paris}\nsessions: []\n";
        }
        StringBuilder yaml = new StringBuilder("network: {name: Anim-fr, timezone: Europe/Paris}\nsessions:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - id: bench-").append(i).append('\n')
                    .append("    name: Bench ").append(i).append('\n')
                    .append("    start: 2012-10-01\n    end: 2012-12-28\n");
            if (spreadPrompts) {
                yaml.append("    posts: {prompt: {time: \"09:0").append(i % 5).append("\"}}\n");
            }
            yaml.append("    gatherings:\n");
            for (LocalDate day : List.of(LocalDate.of(2012, 10, 4), LocalDate.of(2012, 11, 15),
                    LocalDate.of(2012, 12, 20))) {
                yaml.append("      - {date: ").append(LocalDateTime.of(day, LocalTime.of(9, 30)))
                        .append(", place: Brest, title: Regroupement}\n");
            }
            yaml.append("    weeks:\n");
            for (int week = 1; week <= 13; week++) {
                yaml.append("      - {number: ").append(week).append(", theme: Thème ").append(week)
                        .append(", prompt: \"bench-").append(i).append(" semaine ").append(week).append("\"}\n");
            }
        }
        return yaml.toString();
    }

    private static JdbcDataSource h2(Path dir) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(h2Url(dir));
        database.setUser("sa");
        return database;
    }

    private static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static BotProcess start(Path dir, String log, String data, Instant clockStart, List<String> platforms)
            throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(
                "--animabot.data=" + data,
                "--animabot.clock-start=" + clockStart.atOffset(ZoneOffset.UTC),
                "--spring.datasource.url=" + h2Url(dir)));
        arguments.addAll(platforms);
        return BotProcess.start(BotProcess.logFile("benchmark-" + log), arguments)
                .awaitLog("Started AnimabotApplication", Duration.ofMinutes(2));
    }

    /** The application's clock minus the system's, as it logged it. */
    private static Duration offset(BotProcess bot) throws InterruptedException {
        bot.awaitLog("from the system clock", Duration.ofMinutes(1));
        Matcher matcher = OFFSET.matcher(bot.log());
        if (!matcher.find()) {
            throw new IllegalStateException("No clock offset in the log");
        }
        return Duration.parse(matcher.group(1));
    }
}
