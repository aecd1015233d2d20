package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.introduce.FollowUpAnswer;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.introduce.IntroductionLog.Pair;
import org.animfr.animabot.core.introduce.IntroductionLog.Tally;
import org.animfr.animabot.core.learner.Account;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.Profile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The learner directory, the introduction log, and forgetting in the outbox and the language preferences: the
 * behaviour both databases must show; each subclass supplies a migrated, empty database.
 */
abstract class LearnersAndIntroductionsContract {

    private static final Person ANA = new Person(new PersonRef("matrix", "@ana:example.org"), "Ana");
    private static final Person ANA_ON_DISCORD = new Person(new PersonRef("discord", "1001"), "ana_d");
    private static final Person BOB = new Person(new PersonRef("discord", "42"), "Bob");
    private static final Person CAMILLE = new Person(new PersonRef("console", "camille"), "Camille");
    private static final Instant ROUND_AT = Instant.parse("2026-11-30T10:00:00Z");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T09:00:00Z"));
    private JdbcClient jdbc;
    private JdbcLearnerDirectory directory;
    private JdbcIntroductionLog introductions;
    private JdbcOutbox outbox;
    private JdbcLanguagePreferences languages;

    /** A database with the Flyway migrations applied and no rows. */
    protected abstract DataSource migratedEmptyDatabase();

    @BeforeEach
    void createAdapters() {
        DataSource database = migratedEmptyDatabase();
        jdbc = JdbcClient.create(database);
        JdbcTransactionManager transactions = new JdbcTransactionManager(database);
        directory = new JdbcLearnerDirectory(jdbc, transactions, clock);
        introductions = new JdbcIntroductionLog(jdbc, transactions);
        outbox = new JdbcOutbox(jdbc, transactions, clock);
        languages = new JdbcLanguagePreferences(jdbc, clock);
    }

    /** Every field set, with text that tests the columns: accents, emoji, quotes, a line break, 1,000 characters. */
    static Profile everyFieldProfile() {
        String project = ("Jardin partagé 🌱 « l'été » \"coopératif\"\n" + "x".repeat(1_000)).substring(0, 1_000);
        return new Profile(project, List.of("permaculture", "éducation populaire", "tiers-lieu 🏡", "a\nb", ""),
                "Crêt-de-Roc, Saint-Étienne", "animacoop-7", true, LocalDate.of(2026, 12, 24),
                Instant.parse("2026-11-02T08:30:15.123456Z"));
    }

    private int rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    @Test
    void enrollingCreatesALearnerOnceWithAnEmptyProfile() {
        Learner first = directory.enrol(ANA);
        Learner again = directory.enrol(ANA);

        assertThat(first.accounts()).containsExactly(new Account(ANA.ref(), "Ana"));
        assertThat(first.profile()).isEqualTo(Profile.empty());
        assertThat(again).isEqualTo(first);
        assertThat(directory.find(ANA.ref())).contains(first);
        assertThat(directory.byId(first.id())).contains(first);
        assertThat(rows("learner")).isEqualTo(1);
    }

    @Test
    void aDiscordUserNameIsKeptWithTheAccountAndFollowsItsChanges() {
        directory.enrol(new Person(BOB.ref(), "Bob", "bob_42"));
        assertThat(directory.find(BOB.ref())).hasValueSatisfying(
                learner -> assertThat(learner.main().address()).isEqualTo("@bob_42"));

        directory.enrol(new Person(BOB.ref(), "Bob", "bobby"));

        assertThat(directory.find(BOB.ref())).hasValueSatisfying(
                learner -> assertThat(learner.main().handle()).isEqualTo("bobby"));
        assertThat(directory.enrol(ANA).main().address()).isEqualTo("@ana:example.org");
    }

    @Test
    void enrollingAgainUpdatesTheDisplayName() {
        Learner before = directory.enrol(ANA);

        Learner after = directory.enrol(new Person(ANA.ref(), "  Ana Lopez  "));

        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.displayName()).isEqualTo("Ana Lopez");
        assertThat(directory.find(ANA.ref())).hasValueSatisfying(
                learner -> assertThat(learner.displayName()).isEqualTo("Ana Lopez"));
    }

    @Test
    void aLongOrOddDisplayNameIsStoredShortened() {
        Learner learner = directory.enrol(new Person(ANA.ref(), "Ana\0" + "é".repeat(300)));

        assertThat(learner.displayName()).hasSize(JdbcLearnerDirectory.MAX_DISPLAY_NAME).startsWith("Ana\uFFFDé");
        assertThat(directory.find(ANA.ref())).contains(learner);
    }

    @Test
    void anAccountNeverEnrolledHasNoLearner() {
        Learner ana = directory.enrol(ANA);

        assertThat(directory.find(BOB.ref())).isEmpty();
        assertThat(directory.find(new PersonRef("discord", ANA.ref().id()))).isEmpty();
        assertThat(directory.byId(ana.id() + 1_000)).isEmpty();
    }

    @Test
    void concurrentEnrolmentsOfOneAccountGiveOneLearner() throws Exception {
        List<Learner> enrolled = AtOnce.run(Collections.nCopies(8, (Callable<Learner>) () -> directory.enrol(BOB)));

        assertThat(enrolled).extracting(Learner::id).containsOnly(enrolled.get(0).id());
        assertThat(rows("learner")).isEqualTo(1);
        assertThat(rows("learner_profile")).isEqualTo(1);
        assertThat(rows("learner_account")).isEqualTo(1);
    }

    @Test
    void aProfileWithEveryFieldReadsBackEqual() {
        Learner ana = directory.enrol(ANA);
        Profile profile = everyFieldProfile();

        boolean saved = directory.saveProfile(ana.id(), profile);

        assertThat(saved).isTrue();
        assertThat(profile.project()).hasSize(Profile.MAX_PROJECT);
        assertThat(directory.byId(ana.id())).hasValueSatisfying(read -> assertThat(read.profile()).isEqualTo(profile));
        assertThat(directory.find(ANA.ref())).hasValueSatisfying(read -> assertThat(read.profile()).isEqualTo(profile));
    }

    @Test
    void aProfileWithoutSessionPauseNorKeywordsReadsBackEqual() {
        Learner ana = directory.enrol(ANA);
        directory.saveProfile(ana.id(), everyFieldProfile());
        Profile profile = new Profile("Un projet", List.of(), "", null, false, null, clock.instant());

        directory.saveProfile(ana.id(), profile);

        assertThat(directory.byId(ana.id())).hasValueSatisfying(read -> assertThat(read.profile()).isEqualTo(profile));
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Learner ana = directory.enrol(ANA);
        Instant nanos = Instant.parse("2026-11-02T08:30:15.123456789Z");

        directory.saveProfile(ana.id(), Profile.empty().withProject("Projet", nanos));

        assertThat(directory.byId(ana.id()).orElseThrow().profile().updatedAt())
                .isEqualTo(Instant.parse("2026-11-02T08:30:15.123456Z"));
    }

    @Test
    void aNulInTheProjectIsStoredAsAReplacementCharacter() {
        Learner ana = directory.enrol(ANA);

        directory.saveProfile(ana.id(), Profile.empty().withProject("avant\0après", clock.instant()));

        assertThat(directory.byId(ana.id()).orElseThrow().profile().project()).isEqualTo("avant\uFFFDaprès");
    }

    @Test
    void savingTheProfileOfAnErasedLearnerReturnsFalse() {
        Learner ana = directory.enrol(ANA);
        directory.erase(ana.id());

        boolean saved = directory.saveProfile(ana.id(), everyFieldProfile());

        assertThat(saved).isFalse();
        assertThat(rows("learner_profile")).isZero();
    }

    @Test
    void consentingListsTheLearnersWhoSaidYesPausedOrNotInIdOrder() {
        Learner ana = directory.enrol(ANA);
        Learner bob = directory.enrol(BOB);
        Learner camille = directory.enrol(CAMILLE);
        Profile yes = Profile.empty().withProject("Compost", clock.instant()).withIntroductions(true, clock.instant());
        Profile paused = everyFieldProfile();
        Profile no = Profile.empty().withProject("Vélo", clock.instant());
        directory.saveProfile(camille.id(), yes);
        directory.saveProfile(ana.id(), paused);
        directory.saveProfile(bob.id(), no);

        List<Learner> consenting = directory.consenting();

        assertThat(consenting).containsExactly(
                new Learner(ana.id(), ana.accounts(), paused),
                new Learner(camille.id(), camille.accounts(), yes));
    }

    @Test
    void consentingGivesEachLearnerAllTheirAccountsFirstLinkedFirst() {
        Learner ana = directory.enrol(ANA);
        clock.advance(Duration.ofMinutes(1));
        Learner anaOnDiscord = directory.enrol(ANA_ON_DISCORD);
        Learner bob = directory.enrol(BOB);
        Profile yes = Profile.empty().withIntroductions(true, clock.instant());
        directory.saveProfile(bob.id(), yes);
        clock.advance(Duration.ofMinutes(1));
        directory.merge(ana.id(), anaOnDiscord.id(), yes);

        List<Learner> consenting = directory.consenting();

        assertThat(consenting).extracting(Learner::id).containsExactly(ana.id(), bob.id());
        assertThat(consenting.get(0).accounts()).containsExactly(
                new Account(ANA.ref(), "Ana"), new Account(ANA_ON_DISCORD.ref(), "ana_d"));
        assertThat(consenting.get(1).accounts()).containsExactly(new Account(BOB.ref(), "Bob"));
    }

    @Test
    void consentingReadsManyLearnersWhole() {
        List<Learner> enrolled = IntStream.range(0, 300)
                .mapToObj(i -> directory.enrol(new Person(new PersonRef("discord", "p" + i), "Personne " + i)))
                .toList();
        for (Learner learner : enrolled) {
            if (learner.id() % 3 != 0) {
                directory.saveProfile(learner.id(), Profile.empty()
                        .withProject("Projet " + learner.id(), clock.instant())
                        .withIntroductions(true, clock.instant()));
            }
        }

        List<Learner> consenting = directory.consenting();

        assertThat(consenting).hasSize((int) enrolled.stream().filter(learner -> learner.id() % 3 != 0).count());
        assertThat(consenting).extracting(Learner::id).isSorted();
        assertThat(consenting).allSatisfy(learner -> {
            assertThat(learner.accounts()).hasSize(1);
            assertThat(learner.profile().project()).isEqualTo("Projet " + learner.id());
        });
    }

    @Test
    void aSavedCodeIsTakenOnce() {
        Learner ana = directory.enrol(ANA);
        directory.saveLinkCode(ana.id(), "K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(15)));

        Optional<Long> first = directory.takeLinkCode("K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(5)));
        Optional<Long> second = directory.takeLinkCode("K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(6)));

        assertThat(first).contains(ana.id());
        assertThat(second).isEmpty();
        assertThat(rows("link_code")).isZero();
    }

    @Test
    void anExpiredCodeGivesNoLearnerAndIsUsedUp() {
        Learner ana = directory.enrol(ANA);
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(15));
        directory.saveLinkCode(ana.id(), "K7Q2-9XPM", expiresAt);

        Optional<Long> late = directory.takeLinkCode("K7Q2-9XPM", expiresAt);
        Optional<Long> afterwards = directory.takeLinkCode("K7Q2-9XPM", expiresAt.minusSeconds(60));

        assertThat(late).isEmpty();
        assertThat(afterwards).isEmpty();
    }

    @Test
    void anUnknownCodeGivesNoLearner() {
        Learner ana = directory.enrol(ANA);
        directory.saveLinkCode(ana.id(), "K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(15)));

        assertThat(directory.takeLinkCode("K7Q2-9XPN", clock.instant())).isEmpty();
        assertThat(directory.takeLinkCode("k7q2-9xpm", clock.instant())).isEmpty();
    }

    @Test
    void aNewCodeReplacesTheOlderOne() {
        Learner ana = directory.enrol(ANA);
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(15));
        directory.saveLinkCode(ana.id(), "OLD-CODE", expiresAt);

        directory.saveLinkCode(ana.id(), "NEW-CODE", expiresAt);

        assertThat(directory.takeLinkCode("OLD-CODE", clock.instant())).isEmpty();
        assertThat(directory.takeLinkCode("NEW-CODE", clock.instant())).contains(ana.id());
    }

    @Test
    void aCodeAnotherLearnerHoldsIsRefusedUntilItExpires() {
        Learner ana = directory.enrol(ANA);
        Learner bob = directory.enrol(BOB);
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(15));
        directory.saveLinkCode(ana.id(), "SAME-CODE", expiresAt);

        assertThatThrownBy(() -> directory.saveLinkCode(bob.id(), "SAME-CODE", expiresAt))
                .isInstanceOf(IllegalArgumentException.class);
        clock.advance(Duration.ofMinutes(15));
        directory.saveLinkCode(bob.id(), "SAME-CODE", clock.instant().plus(Duration.ofMinutes(15)));

        assertThat(directory.takeLinkCode("SAME-CODE", clock.instant())).contains(bob.id());
    }

    @Test
    void aCodeForALearnerWhoDoesNotExistIsRefused() {
        assertThatThrownBy(() -> directory.saveLinkCode(12_345L, "K7Q2-9XPM", clock.instant().plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentTakesOfOneCodeGiveItOnce() throws Exception {
        Learner ana = directory.enrol(ANA);
        directory.saveLinkCode(ana.id(), "K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(15)));

        List<Optional<Long>> taken = AtOnce.run(Collections.nCopies(8,
                (Callable<Optional<Long>>) () -> directory.takeLinkCode("K7Q2-9XPM", clock.instant())));

        assertThat(taken).filteredOn(Optional::isPresent).containsExactly(Optional.of(ana.id()));
    }

    @Test
    void mergingMovesTheAccountsAfterTheKeptOnesAndDeletesTheAbsorbedLearner() {
        Learner ana = directory.enrol(ANA);
        Learner anaOnDiscord = directory.enrol(ANA_ON_DISCORD);
        directory.saveProfile(anaOnDiscord.id(), everyFieldProfile());
        directory.saveLinkCode(anaOnDiscord.id(), "K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(15)));
        Profile merged = everyFieldProfile().withTerritory("Lyon", clock.instant());
        clock.advance(Duration.ofMinutes(1));

        directory.merge(ana.id(), anaOnDiscord.id(), merged);

        Learner expected = new Learner(ana.id(),
                List.of(new Account(ANA.ref(), "Ana"), new Account(ANA_ON_DISCORD.ref(), "ana_d")), merged);
        assertThat(directory.byId(ana.id())).contains(expected);
        assertThat(directory.find(ANA_ON_DISCORD.ref())).contains(expected);
        assertThat(directory.enrol(ANA_ON_DISCORD)).isEqualTo(expected);
        assertThat(directory.byId(anaOnDiscord.id())).isEmpty();
        assertThat(directory.takeLinkCode("K7Q2-9XPM", clock.instant())).isEmpty();
        assertThat(rows("learner")).isEqualTo(1);
        assertThat(rows("learner_profile")).isEqualTo(1);
    }

    @Test
    void mergingAgainAfterItHappenedOnlyReplacesTheProfile() {
        Learner ana = directory.enrol(ANA);
        Learner anaOnDiscord = directory.enrol(ANA_ON_DISCORD);
        directory.merge(ana.id(), anaOnDiscord.id(), Profile.empty());

        directory.merge(ana.id(), anaOnDiscord.id(), everyFieldProfile());

        assertThat(directory.byId(ana.id())).hasValueSatisfying(learner -> {
            assertThat(learner.accounts()).hasSize(2);
            assertThat(learner.profile()).isEqualTo(everyFieldProfile());
        });
    }

    @Test
    void mergingIntoALearnerWhoDoesNotExistIsRefusedAndChangesNothing() {
        Learner ana = directory.enrol(ANA);

        assertThatThrownBy(() -> directory.merge(ana.id() + 1_000, ana.id(), Profile.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> directory.merge(ana.id(), ana.id(), Profile.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.byId(ana.id())).contains(ana);
    }

    @Test
    void erasingLeavesNoRowOfTheLearnerAndKeepsTheOthers() {
        Learner ana = directory.enrol(ANA);
        Learner anaOnDiscord = directory.enrol(ANA_ON_DISCORD);
        directory.merge(ana.id(), anaOnDiscord.id(), everyFieldProfile());
        directory.saveLinkCode(ana.id(), "K7Q2-9XPM", clock.instant().plus(Duration.ofMinutes(15)));
        Learner bob = directory.enrol(BOB);
        directory.saveProfile(bob.id(), everyFieldProfile());

        directory.erase(ana.id());
        directory.erase(ana.id());

        assertThat(directory.find(ANA.ref())).isEmpty();
        assertThat(directory.find(ANA_ON_DISCORD.ref())).isEmpty();
        assertThat(directory.byId(ana.id())).isEmpty();
        assertThat(directory.consenting()).extracting(Learner::id).containsExactly(bob.id());
        assertThat(List.of("learner", "learner_account", "learner_profile")).allSatisfy(
                table -> assertThat(rows(table)).isEqualTo(1));
        assertThat(rows("link_code")).isZero();
        assertThat(directory.enrol(ANA).id()).isNotEqualTo(ana.id());
    }

    @Test
    void aRecordedRoundListsItsGroupsByGroupThenLearner() {
        introductions.record("round/animacoop-7/2026-11-30T10:00", List.of(List.of(3L, 1L), List.of(7L, 2L, 5L)),
                ROUND_AT);

        List<Introduction> round = introductions.round("round/animacoop-7/2026-11-30T10:00");

        String key = "round/animacoop-7/2026-11-30T10:00";
        assertThat(round).containsExactly(
                new Introduction(key, 0, 1L, ROUND_AT, null),
                new Introduction(key, 0, 3L, ROUND_AT, null),
                new Introduction(key, 1, 2L, ROUND_AT, null),
                new Introduction(key, 1, 5L, ROUND_AT, null),
                new Introduction(key, 1, 7L, ROUND_AT, null));
        assertThat(introductions.round("round/animacoop-7/2026-12-07T10:00")).isEmpty();
    }

    @Test
    void recordingARoundAgainKeepsItsFirstGroups() {
        introductions.record("round/1", List.of(List.of(1L, 2L)), ROUND_AT);

        introductions.record("round/1", List.of(List.of(1L, 3L), List.of(2L, 4L)), ROUND_AT.plusSeconds(60));

        assertThat(introductions.round("round/1")).containsExactly(
                new Introduction("round/1", 0, 1L, ROUND_AT, null),
                new Introduction("round/1", 0, 2L, ROUND_AT, null));
    }

    @Test
    void concurrentRecordingsOfOneRoundKeepOneSetOfGroups() throws Exception {
        AtOnce.run(IntStream.range(0, 8).<Callable<Void>>mapToObj(i -> () -> {
            introductions.record("round/race", List.of(List.of(10L + i, 20L + i), List.of(30L, 40L)), ROUND_AT);
            return null;
        }).toList());

        List<Introduction> round = introductions.round("round/race");
        assertThat(round).hasSize(4);
        assertThat(round.get(1).learnerId() - round.get(0).learnerId()).isEqualTo(10L);
        assertThat(round.subList(2, 4)).extracting(Introduction::learnerId).containsExactly(30L, 40L);
    }

    @Test
    void aLearnerInTwoGroupsOfARoundIsRefused() {
        assertThatThrownBy(() -> introductions.record("round/1", List.of(List.of(1L, 2L), List.of(2L, 3L)), ROUND_AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(introductions.round("round/1")).isEmpty();
    }

    @Test
    void aLearnersIntroductionsComeOldestFirst() {
        introductions.record("round/b", List.of(List.of(1L, 2L)), ROUND_AT.plus(Duration.ofDays(7)));
        introductions.record("round/a", List.of(List.of(3L), List.of(1L, 4L)), ROUND_AT);

        List<Introduction> ofOne = introductions.of(1L);

        assertThat(ofOne).containsExactly(
                new Introduction("round/a", 1, 1L, ROUND_AT, null),
                new Introduction("round/b", 0, 1L, ROUND_AT.plus(Duration.ofDays(7)), null));
        assertThat(introductions.of(99L)).isEmpty();
    }

    @Test
    void pairsAreTheLearnersOfOneGroupSmallerIdFirst() {
        introductions.record("round/a", List.of(List.of(3L, 1L, 2L), List.of(5L, 4L)), ROUND_AT);
        introductions.record("round/b", List.of(List.of(2L, 1L), List.of(6L)), ROUND_AT.plus(Duration.ofDays(7)));

        assertThat(introductions.pairs()).containsExactlyInAnyOrder(
                new Pair(1L, 2L), new Pair(1L, 3L), new Pair(2L, 3L), new Pair(4L, 5L));
    }

    @Test
    void anAnswerIsRecordedForALearnerOfTheRoundAndReplacedByTheNext() {
        introductions.record("round/a", List.of(List.of(1L, 2L)), ROUND_AT);

        boolean first = introductions.answer("round/a", 1L, FollowUpAnswer.NOT_YET, ROUND_AT.plus(Duration.ofDays(3)));
        boolean second = introductions.answer("round/a", 1L, FollowUpAnswer.MET, ROUND_AT.plus(Duration.ofDays(5)));
        boolean stranger = introductions.answer("round/a", 9L, FollowUpAnswer.MET, ROUND_AT);
        boolean unknownRound = introductions.answer("round/z", 1L, FollowUpAnswer.MET, ROUND_AT);

        assertThat(List.of(first, second, stranger, unknownRound)).containsExactly(true, true, false, false);
        assertThat(introductions.round("round/a")).extracting(Introduction::answer)
                .containsExactly(FollowUpAnswer.MET, null);
    }

    @Test
    void theTallyCountsIntroductionsAndAnswersOverEveryRound() {
        assertThat(introductions.tally()).isEqualTo(new Tally(0, 0, 0, 0));
        introductions.record("round/a", List.of(List.of(1L, 2L), List.of(3L, 4L)), ROUND_AT);
        introductions.record("round/b", List.of(List.of(1L, 3L, 5L)), ROUND_AT.plus(Duration.ofDays(7)));
        introductions.answer("round/a", 1L, FollowUpAnswer.MET, ROUND_AT);
        introductions.answer("round/a", 2L, FollowUpAnswer.MET, ROUND_AT);
        introductions.answer("round/a", 3L, FollowUpAnswer.DECLINED, ROUND_AT);
        introductions.answer("round/b", 5L, FollowUpAnswer.NOT_YET, ROUND_AT);

        Tally tally = introductions.tally();

        assertThat(tally).isEqualTo(new Tally(7, 2, 1, 1));
        assertThat(tally.unanswered()).isEqualTo(3);
    }

    @Test
    void movingGivesTheAbsorbedHistoryToTheKeptLearner() {
        introductions.record("round/a", List.of(List.of(1L, 2L)), ROUND_AT);
        introductions.record("round/b", List.of(List.of(3L, 4L), List.of(1L, 5L)), ROUND_AT.plus(Duration.ofDays(7)));
        introductions.answer("round/b", 5L, FollowUpAnswer.MET, ROUND_AT.plus(Duration.ofDays(8)));
        introductions.answer("round/b", 1L, FollowUpAnswer.NOT_YET, ROUND_AT.plus(Duration.ofDays(8)));

        introductions.move(5L, 1L);

        // in round b, where both were, learner 1 keeps their place and answer; round a was only theirs
        assertThat(introductions.of(1L)).containsExactly(
                new Introduction("round/a", 0, 1L, ROUND_AT, null),
                new Introduction("round/b", 1, 1L, ROUND_AT.plus(Duration.ofDays(7)), FollowUpAnswer.NOT_YET));
        assertThat(introductions.of(5L)).isEmpty();

        introductions.move(2L, 6L);

        assertThat(introductions.of(6L)).containsExactly(new Introduction("round/a", 0, 6L, ROUND_AT, null));
        assertThat(introductions.pairs()).containsExactlyInAnyOrder(new Pair(1L, 6L), new Pair(3L, 4L));
    }

    @Test
    void movingOntoALearnerWhoGaveNoAnswerKeepsTheAbsorbedAnswer() {
        introductions.record("round/a", List.of(List.of(1L, 2L, 5L)), ROUND_AT);
        introductions.answer("round/a", 5L, FollowUpAnswer.DECLINED, ROUND_AT.plus(Duration.ofDays(1)));

        introductions.move(5L, 1L);

        assertThat(introductions.round("round/a")).containsExactly(
                new Introduction("round/a", 0, 1L, ROUND_AT, FollowUpAnswer.DECLINED),
                new Introduction("round/a", 0, 2L, ROUND_AT, null));
        assertThat(introductions.tally()).isEqualTo(new Tally(2, 0, 0, 1));
    }

    @Test
    void forgettingALearnerRemovesTheirIntroductionsAndPairs() {
        introductions.record("round/a", List.of(List.of(1L, 2L, 3L)), ROUND_AT);
        introductions.answer("round/a", 2L, FollowUpAnswer.MET, ROUND_AT);

        introductions.forget(2L);

        assertThat(introductions.of(2L)).isEmpty();
        assertThat(introductions.round("round/a")).extracting(Introduction::learnerId).containsExactly(1L, 3L);
        assertThat(introductions.pairs()).containsExactly(new Pair(1L, 3L));
        assertThat(introductions.tally()).isEqualTo(new Tally(2, 0, 0, 0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM introduction WHERE learner_id = 2").query(Integer.class).single())
                .isZero();
    }

    @Test
    void forgettingATargetDeletesItsDeliveriesAndThePostsLeftWithout() {
        Target toAna = new Target.Person(ANA.ref());
        Target toBob = new Target.Person(BOB.ref());
        Post onlyAna = new Post("intro/round-a/ana", Reply.plain("Bonjour Ana"), null, null);
        Post both = new Post("announce/1", Reply.plain("Bonjour"), null, null);
        Post nobody = new Post("announce/2", Reply.plain("Personne"), null, null);
        outbox.record(onlyAna, List.of(toAna));
        List<Delivery> bothDeliveries = outbox.record(both, List.of(toAna, toBob));
        outbox.record(nobody, List.of());

        outbox.forgetTarget(toAna.id());

        assertThat(outbox.post(onlyAna.key())).isEmpty();
        assertThat(outbox.deliveriesOf(onlyAna.key())).isEmpty();
        assertThat(outbox.post(both.key())).contains(both);
        assertThat(outbox.deliveriesOf(both.key())).containsExactly(bothDeliveries.get(1));
        assertThat(outbox.delivery(bothDeliveries.get(0).id())).isEmpty();
        assertThat(outbox.post(nobody.key())).contains(nobody);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery WHERE target = :target").param("target", toAna.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void forgettingAPostDeletesItAndItsDeliveries() {
        Post post = new Post("intro/round-a/group-0", Reply.plain("Ana, voici Bob"), null, null);
        Post other = new Post("announce/1", Reply.plain("Bonjour"), null, null);
        outbox.record(post, List.of(new Target.Person(ANA.ref()), new Target.Person(BOB.ref())));
        List<Delivery> kept = outbox.record(other, List.of(new Target.Person(ANA.ref())));

        outbox.forgetPost(post.key());
        outbox.forgetPost("announce/never-recorded");

        assertThat(outbox.post(post.key())).isEmpty();
        assertThat(outbox.deliveriesOf(post.key())).isEmpty();
        assertThat(outbox.deliveriesOf(other.key())).isEqualTo(kept);
        assertThat(rows("delivery")).isEqualTo(1);
    }

    @Test
    void forgettingALanguageChoiceLeavesNoChoiceAndKeepsTheOthers() {
        languages.choose(ANA.ref(), Language.EN);
        languages.choose(BOB.ref(), Language.EN);

        languages.forget(ANA.ref());
        languages.forget(CAMILLE.ref());

        assertThat(languages.languageOf(ANA.ref())).isEmpty();
        assertThat(languages.languageOf(BOB.ref())).contains(Language.EN);
    }
}
