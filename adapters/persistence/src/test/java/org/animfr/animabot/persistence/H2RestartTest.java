package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.introduce.FollowUpAnswer;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.Profile;
import org.animfr.animabot.core.schedule.RoomPauses.Pause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

class H2RestartTest {

    private static final ConversationRef ROOM = new ConversationRef("matrix", "!abc:example.org");
    private static final PersonRef ANA = new PersonRef("matrix", "@ana:example.org");

    @TempDir
    Path directory;

    @Test
    void linksAndLanguagesSurviveClosingAndReopeningTheDatabase() {
        String url = TestDatabases.h2File(directory.resolve("animabot"));
        try (HikariDataSource before = TestDatabases.pool(url)) {
            TestDatabases.migrate(before);
            JdbcClient jdbc = JdbcClient.create(before);
            new JdbcRoomLinks(jdbc, Clock.systemUTC()).link(ROOM, "animacoop-2025");
            new JdbcLanguagePreferences(jdbc, Clock.systemUTC()).choose(ANA, Language.EN);
            jdbc.sql("SHUTDOWN").update();
        }

        try (HikariDataSource after = TestDatabases.pool(url)) {
            TestDatabases.migrate(after);
            JdbcClient jdbc = JdbcClient.create(after);

            assertThat(new JdbcRoomLinks(jdbc, Clock.systemUTC()).sessionOf(ROOM)).contains("animacoop-2025");
            assertThat(new JdbcLanguagePreferences(jdbc, Clock.systemUTC()).languageOf(ANA)).contains(Language.EN);
        }
    }

    @Test
    void postsDeliveriesPausesAndRemindersSurviveClosingAndReopeningTheDatabase() {
        String url = TestDatabases.h2File(directory.resolve("animabot"));
        Post post = new Post("prompt/animacoop-7/w3", OutboxPausesRemindersContract.everyKindOfReply(), "Semaine 3",
                Instant.parse("2025-03-08T09:00:00Z"));
        List<Delivery> recorded;
        try (HikariDataSource before = TestDatabases.pool(url)) {
            TestDatabases.migrate(before);
            JdbcClient jdbc = JdbcClient.create(before);
            JdbcOutbox outbox = new JdbcOutbox(jdbc, new JdbcTransactionManager(before), Clock.systemUTC());
            recorded = outbox.record(post, List.of(new Target.Room(ROOM), new Target.Person(ANA)));
            outbox.markSent(recorded.get(0).id(), Instant.now());
            outbox.markAttemptFailed(recorded.get(1).id(), "timeout");
            new JdbcRoomPauses(jdbc, Clock.systemUTC()).pause(ROOM, new Pause(LocalDate.of(2025, 8, 31)));
            new JdbcReminderChoices(jdbc, Clock.systemUTC()).subscribe(ANA, "animacoop-7");
            jdbc.sql("SHUTDOWN").update();
        }

        try (HikariDataSource after = TestDatabases.pool(url)) {
            TestDatabases.migrate(after);
            JdbcClient jdbc = JdbcClient.create(after);
            JdbcOutbox outbox = new JdbcOutbox(jdbc, new JdbcTransactionManager(after), Clock.systemUTC());

            assertThat(outbox.post(post.key())).contains(post);
            assertThat(outbox.deliveriesOf(post.key())).containsExactly(
                    new Delivery(recorded.get(0).id(), post.key(), new Target.Room(ROOM), Delivery.State.SENT, 0, null),
                    new Delivery(recorded.get(1).id(), post.key(), new Target.Person(ANA), Delivery.State.PENDING, 1,
                            "timeout"));
            assertThat(new JdbcRoomPauses(jdbc, Clock.systemUTC()).pauseOf(ROOM))
                    .contains(new Pause(LocalDate.of(2025, 8, 31)));
            assertThat(new JdbcReminderChoices(jdbc, Clock.systemUTC()).subscribersOf("animacoop-7"))
                    .containsExactly(ANA);
            // the ids go on after the restart: a retry timer never finds another delivery under its id
            Post next = new Post("announce/after-restart", Reply.plain("Encore là"), null, null);
            assertThat(outbox.record(next, List.of(new Target.Room(ROOM))).get(0).id())
                    .isGreaterThan(recorded.get(1).id());
        }
    }

    @Test
    void learnersProfilesCodesAndIntroductionsSurviveClosingAndReopeningTheDatabase() {
        String url = TestDatabases.h2File(directory.resolve("animabot"));
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        Profile profile = LearnersAndIntroductionsContract.everyFieldProfile();
        Learner ana;
        try (HikariDataSource before = TestDatabases.pool(url)) {
            TestDatabases.migrate(before);
            JdbcClient jdbc = JdbcClient.create(before);
            JdbcTransactionManager transactions = new JdbcTransactionManager(before);
            JdbcLearnerDirectory learners = new JdbcLearnerDirectory(jdbc, transactions, Clock.systemUTC());
            ana = learners.enrol(new Person(ANA, "Ana"));
            learners.saveProfile(ana.id(), profile);
            learners.saveLinkCode(ana.id(), "K7Q2-9XPM", at.plusSeconds(900));
            JdbcIntroductionLog log = new JdbcIntroductionLog(jdbc, transactions);
            log.record("round/animacoop-7/2026-11-30T10:00", List.of(List.of(ana.id(), ana.id() + 1)), at);
            log.answer("round/animacoop-7/2026-11-30T10:00", ana.id(), FollowUpAnswer.MET, at.plusSeconds(3600));
            jdbc.sql("SHUTDOWN").update();
        }

        try (HikariDataSource after = TestDatabases.pool(url)) {
            TestDatabases.migrate(after);
            JdbcClient jdbc = JdbcClient.create(after);
            JdbcTransactionManager transactions = new JdbcTransactionManager(after);
            JdbcLearnerDirectory learners = new JdbcLearnerDirectory(jdbc, transactions, Clock.systemUTC());
            JdbcIntroductionLog log = new JdbcIntroductionLog(jdbc, transactions);

            assertThat(learners.find(ANA)).contains(new Learner(ana.id(), ana.accounts(), profile));
            assertThat(learners.consenting()).extracting(Learner::id).containsExactly(ana.id());
            assertThat(learners.takeLinkCode("K7Q2-9XPM", at)).contains(ana.id());
            assertThat(log.of(ana.id())).containsExactly(
                    new Introduction("round/animacoop-7/2026-11-30T10:00", 0, ana.id(), at, FollowUpAnswer.MET));
            assertThat(log.pairs()).containsExactly(IntroductionLog.Pair.of(ana.id() + 1, ana.id()));
            // the ids go on after the restart: an erased learner's id is never given to someone else
            assertThat(learners.enrol(new Person(new PersonRef("discord", "42"), "Bob")).id()).isGreaterThan(ana.id());
        }
    }
}
