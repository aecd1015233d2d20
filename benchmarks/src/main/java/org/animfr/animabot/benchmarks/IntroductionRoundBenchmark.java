package org.animfr.animabot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.animfr.animabot.core.matching.Group;
import org.animfr.animabot.core.matching.Grouping;
import org.animfr.animabot.core.matching.IntroductionMatcher;
import org.animfr.animabot.core.matching.ProjectProfile;
import org.animfr.animabot.core.matching.ProjectSimilarity;

/**
 * An introduction round over the whole network: 100,000 learners with generated French descriptions, indexed by
 * {@link ProjectSimilarity} and grouped by {@link IntroductionMatcher}; then, on 3,000 of them, the grouping against
 * the exhaustive greedy (every pair scored, best first). A plain main rather than JMH: one round is seconds long and
 * what matters is its elapsed time and peak heap, as an organizer would see them. Run with {@code -Xmx1g}.
 *
 * <p>Descriptions: {@value #TOPICS} topics, each with its own {@value #TOPIC_WORDS} words, plus a common vocabulary
 * and French stop words; word frequencies follow Zipf's law; 20 to 80 words each; a third have keywords, half a
 * territory. Learners of the same previous session (20 in a row) have already met. Seeded: every run is the same.
 * The round runs twice: first as a bot that has just started would run it, then with the code compiled by the JIT.
 */
public final class IntroductionRoundBenchmark {
    private static final int LEARNERS = 100_000;
    private static final int SUBSET = 3_000;
    private static final int TOPICS = 60;
    private static final int TOPIC_WORDS = 150;
    private static final int COMMON_WORDS = 400;
    private static final int SESSION_SIZE = 20;
    private static final String[] STOP_WORDS = {
        "le", "la", "les", "de", "des", "du", "et", "pour", "avec", "un", "une", "en", "dans", "sur", "au", "aux",
        "à", "que", "qui", "nous", "on", "est", "par", "plus", "notre", "nos", "ce", "cette"};
    private static final String[] COMMON_SEED = {
        "projet", "association", "réseau", "habitants", "quartier", "ateliers", "numérique", "local", "public",
        "citoyens", "collectif", "bénévoles", "partenaires", "territoire", "mairie", "jeunes", "familles", "outils",
        "rencontres", "échanges", "animation", "coopération", "commune", "ville", "village", "participation",
        "accompagnement", "formation", "mettre", "place", "créer", "développer", "faire", "vie", "lien", "social",
        "solidaire", "ensemble", "groupe", "acteurs", "besoins", "idées", "temps", "année", "semaine", "mois"};
    private static final String[] SYLLABLES = {
        "ba", "bé", "bo", "ca", "ché", "co", "da", "dé", "di", "fa", "fé", "fo", "ga", "gè", "gu", "la", "lé", "li",
        "lo", "ma", "mé", "mi", "mo", "na", "né", "no", "pa", "pé", "pi", "po", "ra", "ré", "ri", "ro", "sa", "sé",
        "si", "so", "ta", "té", "ti", "to", "va", "vé", "vi", "vo", "tra", "pro", "cri", "gla", "bru", "plé"};
    private static final String[] SUFFIXES = {"", "", "", "tion", "age", "ité", "eur", "ment", "ique", "elle", "oir"};

    private IntroductionRoundBenchmark() {}

    public static void main(String[] args) {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : LEARNERS;
        HeapSampler heap = HeapSampler.start();
        List<ProjectProfile> profiles = new Generator(new Random(20_240_901L)).profiles(learners);
        BiPredicate<String, String> met = (a, b) -> session(a) == session(b);
        System.out.printf(Locale.ROOT, "%,d learners generated, %,d characters of descriptions%n",
                profiles.size(), profiles.stream().mapToLong(p -> p.project().length()).sum());
        List<String> ids = profiles.stream().map(ProjectProfile::learnerId).toList();
        for (String round : List.of("first round (cold JVM)", "second round (warm JVM)")) {
            System.gc();
            heap.reset();
            long cpuStart = cpuTime();
            long start = System.nanoTime();
            ProjectSimilarity similarity = ProjectSimilarity.of(profiles);
            long indexed = System.nanoTime();
            long cpuIndexed = cpuTime();
            Grouping grouping = new IntroductionMatcher().group(similarity, ids, met);
            long grouped = System.nanoTime();
            long cpuGrouped = cpuTime();

            System.out.printf(Locale.ROOT, "%s: index build %,d ms, grouping %,d ms, total %,d ms, peak heap used"
                    + " %,d MB (max %,d MB)%n", round, millis(start, indexed), millis(indexed, grouped),
                    millis(start, grouped), heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "  CPU time (all threads: JIT and GC included): index build %,d ms,"
                    + " grouping %,d ms; load average %.1f on %d cores%n", millis(cpuStart, cpuIndexed),
                    millis(cpuIndexed, cpuGrouped), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            describe(grouping);
        }

        List<ProjectProfile> subset = profiles.subList(0, Math.min(SUBSET, profiles.size()));
        compareWithExhaustiveGreedy(subset, met);
        heap.stop();
    }

    private static void describe(Grouping grouping) {
        long trios = grouping.groups().stream().filter(g -> g.learnerIds().size() == 3).count();
        long sameTopic = grouping.groups().stream()
                .filter(g -> g.learnerIds().stream().map(Generator::topicOf).distinct().count() == 1).count();
        double mean = grouping.groups().stream().mapToDouble(Group::similarity).average().orElse(0);
        System.out.printf(Locale.ROOT, "  %,d groups (%d of three), %,d left out, mean similarity %.3f,"
                + " %.1f%% of groups within one topic%n", grouping.groups().size(), trios, grouping.leftOut().size(),
                mean, 100.0 * sameTopic / Math.max(1, grouping.groups().size()));
        grouping.groups().stream().skip(grouping.groups().size() / 2).limit(3).forEach(g ->
                System.out.printf(Locale.ROOT, "    e.g. %s %.3f %s%n", g.learnerIds(), g.similarity(),
                        g.sharedTerms()));
    }

    /** Every pair scored with {@link ProjectSimilarity#score}, best first, each learner once, never two who met. */
    private static void compareWithExhaustiveGreedy(List<ProjectProfile> subset, BiPredicate<String, String> met) {
        int n = subset.size();
        List<String> ids = subset.stream().map(ProjectProfile::learnerId).toList();
        long start = System.nanoTime();
        ProjectSimilarity similarity = ProjectSimilarity.of(subset);
        long indexed = System.nanoTime();
        Grouping grouping = new IntroductionMatcher().group(similarity, ids, met);
        long grouped = System.nanoTime();
        double ours = total(grouping);

        long greedyStart = System.nanoTime();
        long[] pairs = new long[n * (n - 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float score = (float) similarity.score(ids.get(i), ids.get(j));
                // best first: the float bits of a non-negative score sort as the score
                long rank = Integer.MAX_VALUE - Float.floatToIntBits(score);
                pairs[count++] = (rank << 26) | ((long) i << 13) | j;
            }
        }
        Arrays.sort(pairs);
        boolean[] taken = new boolean[n];
        double greedy = 0;
        int greedyPairs = 0;
        for (long pair : pairs) {
            int i = (int) (pair >>> 13) & 0x1FFF;
            int j = (int) pair & 0x1FFF;
            if (!taken[i] && !taken[j] && !met.test(ids.get(i), ids.get(j))) {
                taken[i] = true;
                taken[j] = true;
                greedy += similarity.score(ids.get(i), ids.get(j));
                greedyPairs++;
            }
        }
        long greedyEnd = System.nanoTime();
        System.out.printf(Locale.ROOT, "%,d learners: matcher %,d ms (index %,d ms + grouping %,d ms), total"
                + " similarity %.2f, %d groups, %d left out%n", n, millis(start, grouped), millis(start, indexed),
                millis(indexed, grouped), ours, grouping.groups().size(), grouping.leftOut().size());
        System.out.printf(Locale.ROOT, "%,d learners: exhaustive greedy %,d ms (%,d pairs scored), total similarity"
                + " %.2f, %d pairs%n", n, millis(greedyStart, greedyEnd), count, greedy, greedyPairs);
        System.out.printf(Locale.ROOT, "ratio %.3f, speed-up x%.1f (grouping alone x%.1f)%n", ours / greedy,
                (double) (greedyEnd - greedyStart) / (grouped - start),
                (double) (greedyEnd - greedyStart) / (grouped - indexed));
    }

    /** The matching's weight: a pair counts its score, a trio its mean pair score twice (as its two links). */
    private static double total(Grouping grouping) {
        return grouping.groups().stream().mapToDouble(g -> g.similarity() * (g.learnerIds().size() - 1)).sum();
    }

    private static int session(String learnerId) {
        return Integer.parseInt(learnerId, 1, learnerId.length(), 10) / SESSION_SIZE;
    }

    /** CPU time of this process, all threads. */
    private static long cpuTime() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Generated learners: topic words and common words drawn by Zipf's law, stop words between. */
    private static final class Generator {
        private final Random random;
        private final List<String> common;
        private final List<List<String>> topics = new ArrayList<>();
        private final List<String> places = new ArrayList<>();
        private final double[] commonZipf;
        private final double[] topicZipf;

        Generator(Random random) {
            this.random = random;
            Set<String> used = new HashSet<>(List.of(COMMON_SEED));
            common = new ArrayList<>(List.of(COMMON_SEED));
            while (common.size() < COMMON_WORDS) {
                common.add(newWord(used));
            }
            for (int t = 0; t < TOPICS; t++) {
                List<String> words = new ArrayList<>();
                for (int w = 0; w < TOPIC_WORDS; w++) {
                    words.add(newWord(used));
                }
                topics.add(words);
            }
            for (int p = 0; p < 100; p++) {
                String place = newWord(used);
                places.add(Character.toUpperCase(place.charAt(0)) + place.substring(1));
            }
            commonZipf = zipf(COMMON_WORDS);
            topicZipf = zipf(TOPIC_WORDS);
        }

        /** A learner's topic, scattered so that a previous session (20 in a row) mixes topics. */
        static int topicOf(String learnerId) {
            long number = Integer.parseInt(learnerId, 1, learnerId.length(), 10);
            return (int) (((number * 2_654_435_761L) >>> 8) % TOPICS);
        }

        List<ProjectProfile> profiles(int count) {
            List<ProjectProfile> profiles = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String id = String.format(Locale.ROOT, "L%06d", i);
                List<String> vocabulary = topics.get(topicOf(id));
                int length = 20 + random.nextInt(61);
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < length; w++) {
                    double kind = random.nextDouble();
                    String word = kind < 0.2 ? STOP_WORDS[random.nextInt(STOP_WORDS.length)]
                            : kind < 0.6 ? common.get(draw(commonZipf)) : vocabulary.get(draw(topicZipf));
                    if (w == 0) {
                        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    } else {
                        text.append(random.nextInt(10) == 0 ? ", " : " ");
                    }
                    text.append(word);
                }
                text.append('.');
                List<String> keywords = new ArrayList<>();
                if (random.nextInt(3) == 0) {
                    for (int k = 1 + random.nextInt(3); k > 0; k--) {
                        keywords.add(vocabulary.get(draw(topicZipf)));
                    }
                }
                String territory = random.nextBoolean() ? places.get(random.nextInt(places.size())) : "";
                profiles.add(new ProjectProfile(id, text.toString(), keywords, territory));
            }
            return profiles;
        }

        private String newWord(Set<String> used) {
            while (true) {
                StringBuilder word = new StringBuilder();
                for (int s = 2 + random.nextInt(3); s > 0; s--) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                word.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
                if (used.add(word.toString())) {
                    return word.toString();
                }
            }
        }

        /** Cumulative Zipf probabilities (exponent 1) of ranks 1..n. */
        private static double[] zipf(int n) {
            double[] cumulative = new double[n];
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += 1.0 / (r + 1);
                cumulative[r] = sum;
            }
            for (int r = 0; r < n; r++) {
                cumulative[r] /= sum;
            }
            return cumulative;
        }

        private int draw(double[] cumulative) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
        }
    }

    /** The most heap used, sampled every few milliseconds by a daemon thread. */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            Thread thread = new Thread(sampler, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void reset() {
            peak.set(0);
        }

        long peak() {
            return peak.get();
        }

        void stop() {
            running = false;
        }
    }
}
