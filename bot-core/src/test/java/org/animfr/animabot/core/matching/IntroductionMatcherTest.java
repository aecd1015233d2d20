package org.animfr.animabot.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IntroductionMatcherTest {
    private static final Learners LEARNERS = Learners.load();
    private static final ProjectSimilarity SIMILARITY = ProjectSimilarity.of(LEARNERS.profiles());
    private static final BiPredicate<String, String> NOBODY_MET = (a, b) -> false;

    private final IntroductionMatcher matcher = new IntroductionMatcher();

    @Test
    void anOddCountMakesPairsAndExactlyOneGroupOfThree() {
        Grouping grouping = matcher.group(SIMILARITY, ids(LEARNERS.profiles()), NOBODY_MET);

        assertThat(LEARNERS.profiles().size() % 2).isOne();
        assertThat(grouping.groups()).filteredOn(g -> g.learnerIds().size() == 3).hasSize(1);
        assertThat(grouping.groups()).allSatisfy(g -> assertThat(g.learnerIds()).hasSizeBetween(2, 3));
        assertThat(grouping.leftOut()).isEmpty();
        assertThat(grouping.groups().stream().flatMap(g -> g.learnerIds().stream()))
                .containsExactlyInAnyOrderElementsOf(ids(LEARNERS.profiles()));
    }

    @Test
    void learnersAreMostlyIntroducedToSomeoneOfTheirTheme() {
        Grouping grouping = matcher.group(SIMILARITY, ids(LEARNERS.profiles()), NOBODY_MET);

        long sameTheme = grouping.groups().stream()
                .filter(g -> g.learnerIds().stream().map(LEARNERS.themes()::get).distinct().count()
                        < g.learnerIds().size())
                .count();
        grouping.groups().forEach(g -> System.out.printf(Locale.ROOT, "%s %.3f %s%n", g.learnerIds(), g.similarity(),
                g.sharedTerms()));
        // eleven themes have three learners: each leaves one to be introduced across themes, as a facilitator would
        assertThat((double) sameTheme / grouping.groups().size()).isGreaterThanOrEqualTo(0.65);
    }

    @Test
    void everyIntroductionSaysWhy() {
        Grouping grouping = matcher.group(SIMILARITY, ids(LEARNERS.profiles()), NOBODY_MET);

        assertThat(grouping.groups()).allSatisfy(g -> assertThat(g.sharedTerms()).hasSizeLessThanOrEqualTo(4));
        assertThat(grouping.groups()).filteredOn(g -> g.sharedTerms().size() >= 2)
                .hasSizeGreaterThanOrEqualTo(grouping.groups().size() * 3 / 4);
        assertThat(grouping.groups()).extracting(Group::similarity)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void neverIntroducesTwoLearnersWhoAlreadyMet() {
        // everyone already met their best match and their theme's partners: the round must look elsewhere
        Set<String> met = new HashSet<>();
        for (ProjectProfile profile : LEARNERS.profiles()) {
            String id = profile.learnerId();
            met.add(key(id, SIMILARITY.neighbours(id, 1).get(0).learnerId()));
            LEARNERS.partnersOf(id).forEach(partner -> met.add(key(id, partner)));
        }

        Grouping grouping = matcher.group(SIMILARITY, ids(LEARNERS.profiles()), (a, b) -> met.contains(key(a, b)));

        assertThat(grouping.groups()).allSatisfy(g -> {
            for (String a : g.learnerIds()) {
                for (String b : g.learnerIds()) {
                    assertThat(a.equals(b) || !met.contains(key(a, b))).as("%s met %s", a, b).isTrue();
                }
            }
        });
        assertThat(grouping.leftOut()).isEmpty();
    }

    @Test
    void nobodyMakesNoGroup() {
        Grouping grouping = matcher.group(SIMILARITY, List.of(), NOBODY_MET);

        assertThat(grouping.groups()).isEmpty();
        assertThat(grouping.leftOut()).isEmpty();
    }

    @Test
    void aLearnerAloneIsLeftOut() {
        Grouping grouping = matcher.group(SIMILARITY, List.of("camille"), NOBODY_MET);

        assertThat(grouping.groups()).isEmpty();
        assertThat(grouping.leftOut()).containsExactly("camille");
    }

    @Test
    void twoLearnersAreIntroducedEvenWithLittleInCommon() {
        Grouping grouping = matcher.group(SIMILARITY, List.of("camille", "arthur"), NOBODY_MET);

        assertThat(grouping.groups()).singleElement()
                .satisfies(g -> assertThat(g.learnerIds()).containsExactlyInAnyOrder("camille", "arthur"));
        assertThat(grouping.leftOut()).isEmpty();
    }

    @Test
    void twoLearnersWhoAlreadyMetAreBothLeftOut() {
        Grouping grouping = matcher.group(SIMILARITY, List.of("camille", "ines"), (a, b) -> true);

        assertThat(grouping.groups()).isEmpty();
        assertThat(grouping.leftOut()).containsExactly("camille", "ines");
    }

    @Test
    void threeLearnersMakeOneGroupOfThree() {
        Grouping grouping = matcher.group(SIMILARITY, List.of("camille", "ines", "yann"), NOBODY_MET);

        assertThat(grouping.groups()).singleElement().satisfies(g -> {
            assertThat(g.learnerIds()).containsExactlyInAnyOrder("camille", "ines", "yann");
            assertThat(g.sharedTerms()).contains("compost");
            assertThat(g.similarity()).isCloseTo((SIMILARITY.score("camille", "ines")
                    + SIMILARITY.score("camille", "yann") + SIMILARITY.score("ines", "yann")) / 3, within());
        });
        assertThat(grouping.leftOut()).isEmpty();
    }

    @Test
    void ofThreeLearnersTheOneWhoMetAnotherIsLeftOutOfTheBestPair() {
        BiPredicate<String, String> met = (a, b) -> Set.of(a, b).equals(Set.of("camille", "ines"));

        Grouping grouping = matcher.group(SIMILARITY, List.of("camille", "ines", "yann"), met);

        assertThat(grouping.groups()).singleElement()
                .satisfies(g -> assertThat(g.learnerIds()).containsExactlyInAnyOrder("ines", "yann"));
        assertThat(grouping.leftOut()).containsExactly("camille");
    }

    @Test
    void learnersWhoAllMetEachOtherAreAllLeftOut() {
        List<String> ids = List.of("camille", "ines", "yann", "mathilde", "lucas");

        Grouping grouping = matcher.group(SIMILARITY, ids, (a, b) -> true);

        assertThat(grouping.groups()).isEmpty();
        assertThat(grouping.leftOut()).containsExactlyElementsOf(ids);
    }

    @Test
    void theOddLearnerJoinsThePairTheyHaveMostInCommonWith() {
        Grouping grouping = matcher.group(SIMILARITY, List.of("camille", "ines", "lucas", "sophie", "kevin"),
                NOBODY_MET);

        assertThat(grouping.groups()).hasSize(2).anySatisfy(g -> assertThat(g.learnerIds())
                .containsExactlyInAnyOrder("lucas", "sophie", "kevin"));
    }

    @Test
    void learnersWhoMetEachOtherFindPartnersByAnExchange() {
        // ines and yann met, each would rather meet camille; camille and mathilde pair first
        Set<String> met = Set.of(key("ines", "yann"));
        List<String> ids = List.of("camille", "ines", "yann", "mathilde");

        Grouping grouping = matcher.group(SIMILARITY, ids, (a, b) -> met.contains(key(a, b)));

        assertThat(grouping.leftOut()).isEmpty();
        assertThat(grouping.groups()).hasSize(2).allSatisfy(g -> assertThat(g.learnerIds()).hasSize(2)
                .doesNotContainSequence("ines", "yann").doesNotContainSequence("yann", "ines"));
    }

    @Test
    void learnersWithNothingInCommonAreStillIntroduced() {
        ProjectSimilarity similarity = ProjectSimilarity.of(List.of(
                ProjectProfile.of("a", "Une web radio."),
                ProjectProfile.of("b", "Un jardin partagé."),
                ProjectProfile.of("c", "Un repair café."),
                ProjectProfile.of("d", "Une monnaie locale.")));

        Grouping grouping = matcher.group(similarity, List.of("a", "b", "c", "d"), NOBODY_MET);

        assertThat(grouping.groups()).hasSize(2)
                .allSatisfy(g -> assertThat(g.similarity()).isZero())
                .allSatisfy(g -> assertThat(g.sharedTerms()).isEmpty());
        assertThat(grouping.leftOut()).isEmpty();
    }

    @Test
    void aLearnerNamedTwiceCountsOnce() {
        Grouping grouping = matcher.group(SIMILARITY, List.of("camille", "ines", "camille"), NOBODY_MET);

        assertThat(grouping.groups()).singleElement()
                .satisfies(g -> assertThat(g.learnerIds()).containsExactlyInAnyOrder("camille", "ines"));
    }

    @Test
    void aLearnerTheIndexDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> matcher.group(SIMILARITY, List.of("camille", "nobody"), NOBODY_MET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
    }

    @Test
    void groupsSomeLearnersOfALargerIndexAmongThemselves() {
        List<String> some = List.of("camille", "ines", "lucas", "sophie", "julie", "arthur");

        Grouping grouping = matcher.group(SIMILARITY, some, NOBODY_MET);

        assertThat(grouping.groups()).extracting(g -> Set.copyOf(g.learnerIds())).containsExactlyInAnyOrder(
                Set.of("camille", "ines"), Set.of("lucas", "sophie"), Set.of("julie", "arthur"));
    }

    @Test
    void groupsAtLeastAsWellAsTheGreedyOverEveryPair() {
        for (long seed = 1; seed <= 4; seed++) {
            List<ProjectProfile> profiles = generated(new Random(seed), 400);
            ProjectSimilarity similarity = ProjectSimilarity.of(profiles);
            Random random = new Random(seed);
            Set<String> met = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                met.add(key(profiles.get(random.nextInt(400)).learnerId(),
                        profiles.get(random.nextInt(400)).learnerId()));
            }
            BiPredicate<String, String> alreadyMet = (a, b) -> met.contains(key(a, b));

            Grouping grouping = matcher.group(similarity, ids(profiles), alreadyMet);
            double greedy = greedyOverEveryPair(similarity, ids(profiles), alreadyMet);

            double ours = grouping.groups().stream().mapToDouble(g -> g.similarity() * (g.learnerIds().size() - 1))
                    .sum();
            System.out.printf(Locale.ROOT, "seed %d: matcher %.3f, greedy over every pair %.3f (x%.3f)%n", seed,
                    ours, greedy, ours / greedy);
            assertThat(ours).isGreaterThanOrEqualTo(greedy);
            assertThat(grouping.leftOut()).isEmpty();
        }
    }

    @Test
    void comesCloseToTheBestPossibleGroupingOfSixteenLearners() {
        for (long seed = 1; seed <= 10; seed++) {
            List<String> ids = new ArrayList<>(ids(LEARNERS.profiles()));
            java.util.Collections.shuffle(ids, new Random(seed));
            List<String> sixteen = ids.subList(0, 16);

            Grouping grouping = matcher.group(SIMILARITY, sixteen, NOBODY_MET);

            double ours = grouping.groups().stream().mapToDouble(Group::similarity).sum();
            double best = bestPossible(sixteen);
            System.out.printf(Locale.ROOT, "seed %d: matcher %.4f, best possible %.4f (%.1f%%)%n", seed, ours, best,
                    100 * ours / best);
            assertThat(ours).isGreaterThanOrEqualTo(0.95 * best);
        }
    }

    /** The best total score of pairs, every learner in one, by trying every pairing (dynamic programming). */
    private static double bestPossible(List<String> ids) {
        int n = ids.size();
        double[] best = new double[1 << n];
        for (int mask = 1; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) % 2 != 0) {
                continue;
            }
            int i = Integer.numberOfTrailingZeros(mask);
            best[mask] = Double.NEGATIVE_INFINITY;
            for (int j = i + 1; j < n; j++) {
                if ((mask & (1 << j)) != 0) {
                    int rest = mask & ~(1 << i) & ~(1 << j);
                    best[mask] = Math.max(best[mask], best[rest] + SIMILARITY.score(ids.get(i), ids.get(j)));
                }
            }
        }
        return best[(1 << n) - 1];
    }

    /** The baseline: every pair scored, best first, each learner once, never two who met. */
    private static double greedyOverEveryPair(ProjectSimilarity similarity, List<String> ids,
            BiPredicate<String, String> met) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                pairs.add(new double[] {i, j, similarity.score(ids.get(i), ids.get(j))});
            }
        }
        pairs.sort((p, q) -> Double.compare(q[2], p[2]));
        boolean[] taken = new boolean[ids.size()];
        double total = 0;
        for (double[] pair : pairs) {
            int i = (int) pair[0];
            int j = (int) pair[1];
            if (!taken[i] && !taken[j] && !met.test(ids.get(i), ids.get(j))) {
                taken[i] = true;
                taken[j] = true;
                total += pair[2];
            }
        }
        return total;
    }

    /** Descriptions made of a topic's words and common words, drawn by Zipf's law, with stop words between. */
    private static List<ProjectProfile> generated(Random random, int count) {
        String[] syllables = {"ba", "ré", "mo", "lu", "ti", "cha", "gné", "vo", "pi", "da", "su", "lé", "ko", "fa"};
        List<String> common = Stream.of("projet", "habitants", "quartier", "ateliers", "numérique", "local",
                "bénévoles", "partenaires", "mairie", "jeunes", "familles", "outils", "rencontres", "échanges")
                .toList();
        List<List<String>> topics = new ArrayList<>();
        Set<String> used = new HashSet<>(common);
        for (int t = 0; t < 12; t++) {
            List<String> words = new ArrayList<>();
            while (words.size() < 40) {
                StringBuilder word = new StringBuilder();
                for (int s = 2 + random.nextInt(2); s > 0; s--) {
                    word.append(syllables[random.nextInt(syllables.length)]);
                }
                if (used.add(word.toString())) {
                    words.add(word.toString());
                }
            }
            topics.add(words);
        }
        List<ProjectProfile> profiles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> topic = topics.get(random.nextInt(topics.size()));
            StringBuilder text = new StringBuilder();
            for (int w = 10 + random.nextInt(30); w > 0; w--) {
                double kind = random.nextDouble();
                text.append(kind < 0.2 ? "de" : kind < 0.5 ? zipf(random, common) : zipf(random, topic)).append(' ');
            }
            profiles.add(ProjectProfile.of(String.format(Locale.ROOT, "g%03d", i), text.toString()));
        }
        return profiles;
    }

    private static String zipf(Random random, List<String> words) {
        double[] weights = new double[words.size()];
        double total = 0;
        for (int r = 0; r < words.size(); r++) {
            total += 1.0 / (r + 1);
            weights[r] = total;
        }
        int index = Arrays.binarySearch(weights, random.nextDouble() * total);
        return words.get(Math.min(words.size() - 1, index >= 0 ? index : -index - 1));
    }

    private static List<String> ids(Collection<ProjectProfile> profiles) {
        return profiles.stream().map(ProjectProfile::learnerId).toList();
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
