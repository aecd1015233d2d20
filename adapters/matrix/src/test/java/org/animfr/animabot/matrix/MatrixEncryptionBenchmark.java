package org.animfr.animabot.matrix;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.animfr.animabot.core.chat.spi.InMemoryAnsweredMessages;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.matrix.synapse.Synapse;

/**
 * Benchmark main for end-to-end encryption on Matrix, against the real Synapse the tests use. The first argument
 * selects what it measures:
 * <ul>
 *   <li>{@code latency} (the default): reply latency, 20 warm-up then 200 questions one after the other, from the
 *       person's send to the person's full client (an {@link EncryptedHuman}, as Element) showing the bot's notice
 *       that replies to it, p50 and p95, for the encrypting bot in an encrypted room, the same bot in a plain room,
 *       and the plain bridge bot (no encryption) in a plain room;</li>
 *   <li>{@code plain}, {@code encrypted} or {@code startup} (both): start-up time and memory, each start in a fresh
 *       JVM (this main starts them, {@code -Xmx256m}) that runs the core and the bot only, while this JVM plays the
 *       person: from constructing and starting the platform to {@code status().isConnected()}, and to the person
 *       seeing the answer to a question sent as soon as it is connected; then heap used after a full GC and the
 *       resident set. The plain bridge, and the encrypting client on its first start (empty store) and on a restart
 *       from that store; 3 runs of each, medians.</li>
 * </ul>
 * The bot and the person have no message rate limit, so the homeserver never holds a reply back.
 */
public final class MatrixEncryptionBenchmark {
    private static final int WARM_UP = 20;
    private static final int QUESTIONS = 200;
    private static final int RUNS = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final String CHILD_HEAP = "-Xmx256m";
    private static final List<String> ASKED = List.of("!anim semaine 3", "!anim c'est quand le prochain regroupement ?",
            "!anim semaine 4", "!anim quel est le thème de cette semaine", "!anim semaine 2",
            "!anim comment s'inscrire ?", "!anim semaine 5", "!anim combien d'heures par semaine ?");

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "latency";
        switch (mode) {
            case "latency" -> latency();
            case "plain", "encrypted", "startup" -> startup(mode);
            case "child" -> child(args);
            default -> throw new IllegalArgumentException("Unknown mode " + mode
                    + ": latency, plain, encrypted or startup");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------------- latency

    private static void latency() throws Exception {
        Synapse synapse = Synapse.ensureRunning();
        Synapse.User admin = synapse.register(Synapse.unique("admin"), true);
        Synapse.User anaAccount = synapse.register(Synapse.unique("ana"), false);
        Synapse.User encryptingBot = synapse.register(Synapse.unique("animabot"), false);
        Synapse.User plainBot = synapse.register(Synapse.unique("plainbot"), false);
        for (Synapse.User user : List.of(anaAccount, encryptingBot, plainBot)) {
            synapse.overrideMessageRateLimit(admin, user.userId(), 0, 0);
        }
        Path dir = Files.createTempDirectory("matrix-encryption-benchmark");
        EncryptedHuman ana = EncryptedHuman.open(synapse.baseUrl(), anaAccount.accessToken());
        BotFixture core = new BotFixture();
        Map<String, Latencies> results = new LinkedHashMap<>();

        try (HikariDataSource database = h2(dir)) {
            MatrixChatPlatform encrypting = core.join(new MatrixChatPlatform(
                    MatrixSettings.withAccessToken(synapse.baseUrl(), encryptingBot.accessToken()),
                    new InMemorySyncTokenStore(), new InMemoryAnsweredMessages(), Clock.systemUTC(),
                    new EncryptionStore(database, "matrix_crypto", dir.resolve("media"))));
            await().atMost(WAIT).until(() -> encrypting.status().isConnected());

            String encryptedRoom = ana.createEncryptedRoom(false, encryptingBot.userId());
            await().atMost(WAIT).until(() -> synapse.isJoined(anaAccount, encryptedRoom, encryptingBot.userId()));
            results.put("encrypting bot, encrypted room", measure(ana, encryptedRoom, encryptingBot.userId(), true));

            String plainRoom = synapse.createRoom(anaAccount, false, encryptingBot.userId());
            await().atMost(WAIT).until(() -> synapse.isJoined(anaAccount, plainRoom, encryptingBot.userId()));
            results.put("encrypting bot, plain room", measure(ana, plainRoom, encryptingBot.userId(), false));
            encrypting.stop();
        }

        // a core of its own: one core takes one platform named matrix
        MatrixChatPlatform bridge = new BotFixture().join(new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), plainBot.accessToken()), new InMemorySyncTokenStore()));
        await().atMost(WAIT).until(() -> bridge.status().isConnected());
        String bridgeRoom = synapse.createRoom(anaAccount, false, plainBot.userId());
        await().atMost(WAIT).until(() -> synapse.isJoined(anaAccount, bridgeRoom, plainBot.userId()));
        results.put("plain bridge bot, plain room", measure(ana, bridgeRoom, plainBot.userId(), false));
        bridge.stop();
        ana.close();

        System.out.printf("%nMatrix reply latency through Synapse, %d questions after %d warm-up, seen by a full "
                + "client:%n", QUESTIONS, WARM_UP);
        System.out.printf("%-32s %9s %9s %9s %9s %s%n", "", "p50 ms", "p95 ms", "max ms", "mean ms",
                "first warm-up ms / failures");
        results.forEach((name, r) -> System.out.printf("%-32s %9.1f %9.1f %9.1f %9.1f %s / %s%n", name,
                r.percentile(50), r.percentile(95), r.percentile(100), r.mean(), r.firstWarmUps(), r.problems()));
    }

    /** What one series measured, in microseconds. */
    private record Latencies(long[] micros, long[] warmUp, int timeouts, int notDecrypted, int wrongEncryption,
            Map<String, String> answers) {
        double percentile(int p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            int index = Math.min(sorted.length - 1, sorted.length * p / 100);
            return sorted[index] / 1000.0;
        }

        double mean() {
            return Arrays.stream(micros).average().orElse(0) / 1000.0;
        }

        String firstWarmUps() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Math.min(3, warmUp.length); i++) {
                text.append(i == 0 ? "" : ", ").append(String.format("%.0f", warmUp[i] / 1000.0));
            }
            return text.toString();
        }

        String problems() {
            return timeouts + " no answer in 30 s, " + notDecrypted + " not decrypted, " + wrongEncryption
                    + " wrongly (un)encrypted";
        }
    }

    /** Asks the questions one after the other, each once the answer to the one before is seen. */
    private static Latencies measure(EncryptedHuman ana, String room, String bot, boolean encrypted) {
        System.out.printf("measuring %s room %s with %s...%n", encrypted ? "encrypted" : "plain", room, bot);
        long[] micros = new long[QUESTIONS];
        long[] warmUp = new long[WARM_UP];
        int timeouts = 0;
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < WARM_UP + QUESTIONS; i++) {
            String question = ASKED.get(i % ASKED.size());
            long start = System.nanoTime();
            String asked = ana.send(room, question);
            EncryptedHuman.Seen answer = awaitReply(ana, room, bot, asked, REPLY_WAIT);
            long elapsed = (System.nanoTime() - start) / 1000;
            if (answer == null) {
                timeouts++;
                System.out.printf("  question %d (%s): no answer within %d s%n", i, question, REPLY_WAIT.toSeconds());
            } else {
                answers.putIfAbsent(question, String.valueOf(answer.getBody()).lines().findFirst().orElse(""));
            }
            if (i < WARM_UP) {
                warmUp[i] = elapsed;
            } else {
                micros[i - WARM_UP] = elapsed;
            }
        }
        List<EncryptedHuman.Seen> fromBot = ana.seenFrom(room, bot);
        int notDecrypted = (int) fromBot.stream().filter(s -> s.getBody() == null).count();
        int wrongEncryption = (int) fromBot.stream().filter(s -> s.getEncrypted() != encrypted).count();
        answers.forEach((q, a) -> System.out.printf("  %s -> %s%n", q, a.length() > 90 ? a.substring(0, 90) : a));
        Latencies result = new Latencies(micros, warmUp, timeouts, notDecrypted, wrongEncryption, answers);
        System.out.printf("  p50 %.1f ms, p95 %.1f ms, max %.1f ms, mean %.1f ms; first warm-ups %s ms; %s%n",
                result.percentile(50), result.percentile(95), result.percentile(100), result.mean(),
                result.firstWarmUps(), result.problems());
        return result;
    }

    /** The bot's notice replying to the event, as soon as the person's client shows it; null after the wait. */
    private static EncryptedHuman.Seen awaitReply(EncryptedHuman ana, String room, String bot, String eventId,
            Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            for (EncryptedHuman.Seen seen : ana.seenFrom(room, bot)) {
                if (eventId.equals(seen.getInReplyTo()) && "m.notice".equals(seen.getMsgtype())) {
                    return seen;
                }
            }
            LockSupport.parkNanos(200_000);
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- startup

    /** One start measured: times in milliseconds, memory in MiB. */
    private record Start(double connected, double firstAnswer, int attempts, double processToConnected,
            double heapMiB, double residentMiB) {}

    private static void startup(String mode) throws Exception {
        Synapse synapse = Synapse.ensureRunning();
        Synapse.User admin = synapse.register(Synapse.unique("admin"), true);
        Synapse.User anaAccount = synapse.register(Synapse.unique("ana"), false);
        synapse.overrideMessageRateLimit(admin, anaAccount.userId(), 0, 0);
        EncryptedHuman ana = EncryptedHuman.open(synapse.baseUrl(), anaAccount.accessToken());
        Path base = Files.createTempDirectory("matrix-startup-benchmark");
        System.out.println("child logs under " + base);
        Map<String, List<Start>> results = new LinkedHashMap<>();
        int question = 0;
        for (int run = 1; run <= RUNS; run++) {
            if (!mode.equals("encrypted")) {
                Synapse.User bot = synapse.register(Synapse.unique("plainbot"), false);
                synapse.overrideMessageRateLimit(admin, bot.userId(), 0, 0);
                String room = synapse.createRoom(anaAccount, false, bot.userId());
                synapse.join(bot, room);
                Path dir = Files.createDirectories(base.resolve("plain-" + run));
                results.computeIfAbsent("plain bridge", k -> new ArrayList<>())
                        .add(startChild(synapse, ana, "plain", dir, bot, room, ASKED.get(question++ % ASKED.size())));
            }
            if (!mode.equals("plain")) {
                Synapse.User bot = synapse.register(Synapse.unique("animabot"), false);
                synapse.overrideMessageRateLimit(admin, bot.userId(), 0, 0);
                String room = ana.createEncryptedRoom(false, bot.userId());
                synapse.join(bot, room);
                Path dir = Files.createDirectories(base.resolve("encrypted-" + run));
                results.computeIfAbsent("encrypting, first start", k -> new ArrayList<>()).add(
                        startChild(synapse, ana, "encrypted", dir, bot, room, ASKED.get(question++ % ASKED.size())));
                results.computeIfAbsent("encrypting, restart", k -> new ArrayList<>()).add(
                        startChild(synapse, ana, "encrypted", dir, bot, room, ASKED.get(question++ % ASKED.size())));
            }
        }
        ana.close();

        System.out.printf("%nStart-up in a fresh JVM (%s), medians of %d runs [each run]:%n", CHILD_HEAP, RUNS);
        results.forEach((name, starts) -> {
            System.out.printf("%s%n", name);
            print("  start() to connected, ms", starts.stream().mapToDouble(Start::connected).toArray());
            print("  start() to first answer seen, ms", starts.stream().mapToDouble(Start::firstAnswer).toArray());
            print("  questions needed for that answer", starts.stream().mapToDouble(Start::attempts).toArray());
            print("  process launch to connected, ms", starts.stream().mapToDouble(Start::processToConnected).toArray());
            print("  heap used after full GC, MiB", starts.stream().mapToDouble(Start::heapMiB).toArray());
            print("  resident set, MiB", starts.stream().mapToDouble(Start::residentMiB).toArray());
        });
    }

    private static void print(String what, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        StringBuilder each = new StringBuilder();
        for (double value : values) {
            each.append(each.isEmpty() ? "" : ", ").append(String.format("%.1f", value));
        }
        System.out.printf("%-40s %9.1f  [%s]%n", what, sorted[sorted.length / 2], each);
    }

    /**
     * Starts the bot in a new JVM and, once it says it is connected, asks a question in the room (again every
     * 15 s without an answer); then lets the bot measure its memory and stop.
     */
    private static Start startChild(Synapse synapse, EncryptedHuman ana, String kind, Path dir, Synapse.User bot,
            String room, String question) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, CHILD_HEAP, "-cp", System.getProperty("java.class.path"),
                MatrixEncryptionBenchmark.class.getName(), "child", kind, dir.toString(), synapse.baseUrl(),
                bot.accessToken());
        int index = (int) Files.list(dir).filter(p -> p.getFileName().toString().startsWith("child-")).count() + 1;
        Path log = dir.resolve("child-" + index + ".log");
        long launched = micros();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> said = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    if (line.startsWith("BENCH ")) {
                        said.add(line.substring(6));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            said.add("EXIT");
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try (PrintWriter toChild = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)) {
            Map<String, String> values = new HashMap<>();
            expect(said, "CONNECTED", values, log);
            int attempts = 0;
            EncryptedHuman.Seen answer = null;
            while (answer == null && attempts < 4) {
                attempts++;
                String asked = ana.send(room, question);
                answer = awaitReply(ana, room, bot.userId(), asked, Duration.ofSeconds(15));
            }
            long answered = micros();
            if (answer == null) {
                throw new IllegalStateException("No answer after " + attempts + " questions; see " + log);
            }
            toChild.println("MEASURE");
            expect(said, "MEMORY", values, log);
            process.waitFor(30, TimeUnit.SECONDS);
            long started = Long.parseLong(values.get("STARTED"));
            long connected = Long.parseLong(values.get("CONNECTED"));
            Start start = new Start((connected - started) / 1000.0, (answered - started) / 1000.0, attempts,
                    (connected - launched) / 1000.0, Long.parseLong(values.get("HEAP")) / 1048576.0,
                    Long.parseLong(values.get("RSS")) / 1024.0);
            System.out.printf("%s start in %s: %s (answer encrypted: %s)%n", kind, dir.getFileName(), start,
                    answer.getEncrypted());
            return start;
        } finally {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads what the child says until the line starting with {@code key}; each line is {@code KEY value ...}. */
    private static void expect(BlockingQueue<String> said, String key, Map<String, String> values, Path log)
            throws InterruptedException {
        while (true) {
            String line = said.poll(3, TimeUnit.MINUTES);
            if (line == null || line.equals("EXIT")) {
                throw new IllegalStateException("The bot's JVM never said " + key + "; see " + log);
            }
            String[] words = line.split(" ");
            for (int i = 0; i + 1 < words.length; i += 2) {
                values.put(words[i], words[i + 1]);
            }
            if (line.startsWith(key)) {
                return;
            }
        }
    }

    /**
     * In the fresh JVM: the core, then the bot (the plain bridge, or the encrypting client with its store and sync
     * token in {@code dir}), timed from its construction to connected. Measures memory when told to.
     */
    private static void child(String[] args) throws Exception {
        String kind = args[1];
        Path dir = Path.of(args[2]);
        MatrixSettings settings = MatrixSettings.withAccessToken(args[3], args[4]);
        BotFixture core = new BotFixture();
        HikariDataSource database = kind.equals("encrypted") ? h2(dir) : null;
        SyncTokenStore tokens = kind.equals("encrypted") ? new FileSyncTokenStore(dir.resolve("sync-token"))
                : new InMemorySyncTokenStore();

        long started = micros();
        MatrixChatPlatform matrix = core.join(database == null ? new MatrixChatPlatform(settings, tokens)
                : new MatrixChatPlatform(settings, tokens, new InMemoryAnsweredMessages(), Clock.systemUTC(),
                        new EncryptionStore(database, "matrix_crypto", dir.resolve("media"))));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!matrix.status().isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not connected after 2 minutes: " + matrix.status());
            }
            LockSupport.parkNanos(200_000);
        }
        long connected = micros();
        say("STARTED " + started + " JVM_STARTED " + ManagementFactory.getRuntimeMXBean().getStartTime() * 1000);
        say("CONNECTED " + connected);

        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!"MEASURE".equals(parent.readLine())) {
            throw new IllegalStateException("The benchmark went away");
        }
        Thread.sleep(1000);
        System.gc();
        Thread.sleep(500);
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        say("MEMORY measured HEAP " + heap + " RSS " + residentKiB());
        matrix.stop();
        if (database != null) {
            database.close();
        }
    }

    private static void say(String line) {
        System.out.println("BENCH " + line);
        System.out.flush();
    }

    /** Keeps the sync token in a file, as the application keeps it in its database. */
    private static final class FileSyncTokenStore implements SyncTokenStore {
        private final Path file;

        FileSyncTokenStore(Path file) {
            this.file = file;
        }

        @Override
        public synchronized Optional<String> load() {
            try {
                return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void save(String token) {
            try {
                Files.writeString(file, token);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static HikariDataSource h2(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        return new HikariDataSource(config);
    }

    private static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    private static long residentKiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    private MatrixEncryptionBenchmark() {}
}
