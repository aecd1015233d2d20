package org.animfr.animabot.core.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectSimilarityTest {
    private static final Learners LEARNERS = Learners.load();
    private static final ProjectSimilarity SIMILARITY = ProjectSimilarity.of(LEARNERS.profiles());

    @Test
    void theHandMadeSetHasEnoughLearnersAndThemes() {
        assertThat(LEARNERS.profiles()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Set.copyOf(LEARNERS.themes().values())).hasSizeGreaterThanOrEqualTo(12);
        assertThat(LEARNERS.profiles()).allSatisfy(p -> assertThat(LEARNERS.partnersOf(p.learnerId())).isNotEmpty());
    }

    @Test
    void partnersAFacilitatorWouldIntroduceAreAmongTheTopThreeNeighbours() {
        int found = 0;
        int expected = 0;
        List<String> misses = new ArrayList<>();
        for (ProjectProfile profile : LEARNERS.profiles()) {
            List<String> topThree = SIMILARITY.neighbours(profile.learnerId(), 3).stream()
                    .map(Neighbour::learnerId).toList();
            List<String> partners = LEARNERS.partnersOf(profile.learnerId());
            List<String> hits = partners.stream().filter(topThree::contains).toList();
            found += hits.size();
            expected += partners.size();
            System.out.printf(Locale.ROOT, "%-9s %d/%d %s%n", profile.learnerId(), hits.size(), partners.size(),
                    SIMILARITY.neighbours(profile.learnerId(), 3).stream()
                            .map(n -> String.format(Locale.ROOT, "%s %.2f %s", n.learnerId(), n.score(),
                                    n.sharedTerms()))
                            .toList());
            if (hits.size() < partners.size()) {
                misses.add(profile.learnerId() + " misses " + partners.stream().filter(p -> !hits.contains(p)).toList()
                        + ", has " + topThree);
            }
            assertThat(hits).as("%s's top three %s", profile.learnerId(), topThree).isNotEmpty();
        }
        double recall = (double) found / expected;
        System.out.printf(Locale.ROOT, "top-3 recall of expected partners: %d/%d = %.1f%%%n", found, expected,
                100 * recall);
        misses.forEach(System.out::println);
        assertThat(recall).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void distinctiveSharedWordsOutweighWordsEveryProjectUses() {
        ProjectSimilarity similarity = withTheHandMadeSet(
                ProjectProfile.of("assoc1", "Notre projet associatif s'appuie sur un réseau de bénévoles pour "
                        + "organiser des concerts de jazz."),
                ProjectProfile.of("assoc2", "Un projet associatif en réseau avec les compagnies amateurs pour un "
                        + "festival de théâtre."),
                ProjectProfile.of("garden1", "Je lance un jardin partagé avec un coin compost dans une cité HLM."),
                ProjectProfile.of("garden2", "Jardin partagé et compost collectif pour les familles d'un "
                        + "lotissement."));

        double common = similarity.score("assoc1", "assoc2");
        double distinctive = similarity.score("garden1", "garden2");

        assertThat(distinctive).isGreaterThan(0.2);
        assertThat(common).isLessThan(distinctive / 10);
    }

    @Test
    void wordsManyLearnersWriteWeighLessThanWordsFewWrite() {
        ProjectSimilarity similarity = withTheHandMadeSet(
                ProjectProfile.of("many1", "Ateliers pour les habitants ; concerts de jazz."),
                ProjectProfile.of("many2", "Ateliers pour les habitants ; théâtre d'improvisation."),
                ProjectProfile.of("few1", "Lombricompostage et grainothèque ; balades à vélo."),
                ProjectProfile.of("few2", "Lombricompostage et grainothèque ; cours de cuisine."));

        System.out.printf("many %.3f few %.3f%n", similarity.score("many1", "many2"), similarity.score("few1", "few2"));
        assertThat(similarity.score("many1", "many2")).isLessThan(similarity.score("few1", "few2") * 0.8);
    }

    @Test
    void sharedTermsAreReadableWordsMostDistinctiveFirst() {
        List<String> shared = SIMILARITY.sharedTerms("camille", "ines", 4);

        assertThat(shared).hasSizeBetween(2, 4);
        assertThat(shared.get(0)).isEqualTo("jardin partagé");
        assertThat(shared).contains("compost").doesNotContain("jardin", "partagé", "partag", "quartier");
        assertThat(shared).allSatisfy(term -> assertThat(LEARNERS.profiles()).anySatisfy(p ->
                assertThat((p.project() + " " + p.keywords()).toLowerCase(Locale.ROOT)).contains(term)));
    }

    @Test
    void sharedTermsOfLearnersInTheSameTerritoryNameItLast() {
        List<String> shared = SIMILARITY.sharedTerms("elodie", "thomas", 4);

        assertThat(shared).startsWith("monnaie locale").endsWith("Quimper");
    }

    @Test
    void anEnglishDescriptionMeetsItsFrenchCounterparts() {
        assertThat(SIMILARITY.neighbours("kevin", 2)).extracting(Neighbour::learnerId)
                .containsExactlyInAnyOrder("sophie", "lucas");
        assertThat(SIMILARITY.sharedTerms("kevin", "sophie", 4)).contains("radio", "podcast", "émissions");
        assertThat(SIMILARITY.neighbours("priya", 1).get(0).learnerId()).isEqualTo("julien");
        assertThat(SIMILARITY.sharedTerms("priya", "julien", 4))
                .contains("cartographie participative", "OpenStreetMap");
        assertThat(SIMILARITY.neighbours("arthur", 2)).extracting(Neighbour::learnerId)
                .containsExactlyInAnyOrder("julie", "olivier");
        assertThat(SIMILARITY.sharedTerms("arthur", "julie", 4)).contains("logiciels libres");
    }

    @Test
    void searchingAPhraseFindsTheProjectsThatUseIt() {
        List<Neighbour> found = SIMILARITY.search("jardins partagés", 3);

        assertThat(found).extracting(Neighbour::learnerId).containsExactlyInAnyOrder("camille", "ines", "yann");
        assertThat(found.get(0).sharedTerms()).containsExactly("jardin partagé");
    }

    @Test
    void searchingInEnglishFindsFrenchProjects() {
        assertThat(SIMILARITY.search("community radio and podcasts", 3)).extracting(Neighbour::learnerId)
                .contains("lucas", "sophie");
        assertThat(SIMILARITY.search("shared gardens and composting", 3)).extracting(Neighbour::learnerId)
                .contains("camille", "ines");
    }

    @Test
    void searchingAWholeDescriptionFindsItsTheme() {
        List<Neighbour> found = SIMILARITY.search("Nous voulons créer un repair café dans notre quartier, où des "
                + "bénévoles aident à réparer les objets du quotidien.", 2);

        assertThat(found).extracting(Neighbour::learnerId).containsAnyOf("benoit", "oliver", "lea");
        assertThat(found.get(0).sharedTerms()).contains("repair café");
    }

    @Test
    void searchingWordsEveryProjectUsesFindsNobody() {
        assertThat(SIMILARITY.search("un projet associatif en réseau, à mettre en place", 5)).isEmpty();
        assertThat(SIMILARITY.search("", 5)).isEmpty();
        assertThat(SIMILARITY.search("xylophone", 5)).isEmpty();
    }

    @Test
    void neighboursExcludeTheLearnerAndComeBestFirst() {
        List<Neighbour> neighbours = SIMILARITY.neighbours("camille", 10);

        assertThat(neighbours).extracting(Neighbour::learnerId).doesNotContain("camille").doesNotHaveDuplicates();
        assertThat(neighbours).extracting(Neighbour::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(neighbours).allSatisfy(n -> {
            assertThat(n.score()).isEqualTo(SIMILARITY.score("camille", n.learnerId()));
            assertThat(n.sharedTerms()).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        });
    }

    @Test
    void scoresAreSymmetricAndZeroWhenNothingIsShared() {
        ProjectSimilarity similarity = ProjectSimilarity.of(List.of(
                ProjectProfile.of("a", "Une web radio pour les lycéens."),
                ProjectProfile.of("b", "Cartographie des sentiers de randonnée."),
                ProjectProfile.of("c", "Radio locale : émissions de lycéens.")));

        assertThat(similarity.score("a", "c")).isPositive().isEqualTo(similarity.score("c", "a"));
        assertThat(similarity.score("a", "b")).isZero();
        assertThat(similarity.sharedTerms("a", "b", 4)).isEmpty();
        assertThat(similarity.neighbours("b", 3)).isEmpty();
    }

    @Test
    void aSharedTerritoryAloneIsNoReasonToMeet() {
        ProjectSimilarity similarity = ProjectSimilarity.of(List.of(
                new ProjectProfile("a", "Une web radio pour les lycéens.", List.of(), "Brest"),
                new ProjectProfile("b", "Cartographie des sentiers de randonnée.", List.of(), "Brest"),
                new ProjectProfile("c", "Radio locale : émissions de lycéens.", List.of(), "Brest"),
                new ProjectProfile("d", "Radio locale : émissions de lycéens.", List.of(), "Morlaix")));

        assertThat(similarity.score("a", "b")).isZero();
        assertThat(similarity.score("a", "c")).isGreaterThan(similarity.score("a", "d"));
        assertThat(similarity.sharedTerms("a", "c", 4)).endsWith("Brest");
    }

    @Test
    void keywordsCountMoreThanWordsOfTheDescription() {
        ProjectSimilarity similarity = ProjectSimilarity.of(List.of(
                ProjectProfile.of("text", "Un jardin en ville, et un fablab pour réparer."),
                new ProjectProfile("keyword", "Un jardin en ville, et un fablab pour réparer.", List.of("fablab"),
                        ""),
                ProjectProfile.of("jardin", "Un jardin au village."),
                ProjectProfile.of("fablab", "Un fablab au village.")));

        assertThat(similarity.score("keyword", "fablab")).isGreaterThan(similarity.score("keyword", "jardin"));
        assertThat(similarity.score("text", "fablab")).isEqualTo(similarity.score("text", "jardin"));
    }

    @Test
    void unknownLearnersHaveNoNeighboursNorScore() {
        assertThat(SIMILARITY.neighbours("nobody", 3)).isEmpty();
        assertThat(SIMILARITY.score("nobody", "camille")).isZero();
        assertThat(SIMILARITY.sharedTerms("nobody", "camille", 3)).isEmpty();
        assertThat(SIMILARITY.neighbours("camille", 0)).isEmpty();
        assertThatThrownBy(() -> SIMILARITY.neighbours("camille", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLearnerCannotHaveTwoProfiles() {
        assertThatThrownBy(() -> ProjectSimilarity.of(List.of(ProjectProfile.of("a", "radio"),
                ProjectProfile.of("a", "jardin")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nobodyToCompareIsNoError() {
        ProjectSimilarity empty = ProjectSimilarity.of(List.of());

        assertThat(empty.size()).isZero();
        assertThat(empty.search("jardin", 3)).isEmpty();
        assertThat(empty.neighbours("a", 3)).isEmpty();
    }

    private static ProjectSimilarity withTheHandMadeSet(ProjectProfile... more) {
        List<ProjectProfile> profiles = new ArrayList<>(LEARNERS.profiles());
        profiles.addAll(List.of(more));
        return ProjectSimilarity.of(profiles);
    }
}
