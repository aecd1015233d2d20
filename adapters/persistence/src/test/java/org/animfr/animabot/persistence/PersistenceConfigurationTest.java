package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.animfr.animabot.core.schedule.RoomPauses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/** The configuration wires the adapters onto Spring Boot's auto-configured, Flyway-migrated database. */
class PersistenceConfigurationTest {

    @TempDir
    Path directory;

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class,
                    FlywayAutoConfiguration.class))
            .withUserConfiguration(PersistenceConfiguration.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void bothAdaptersWorkOnAMigratedH2FileDatabaseFromProperties() {
        application
                .withPropertyValues("spring.datasource.url=" + TestDatabases.h2File(directory.resolve("animabot")))
                .run(context -> {
                    ConversationRef room = new ConversationRef("console", "console");
                    PersonRef ana = new PersonRef("console", "ana");

                    context.getBean(RoomLinks.class).link(room, "animacoop-2025");
                    context.getBean(LanguagePreferences.class).choose(ana, Language.EN);

                    assertThat(context).hasBean("roomLinks").hasBean("languagePreferences");
                    assertThat(context.getBean(RoomLinks.class).sessionOf(room)).contains("animacoop-2025");
                    assertThat(context.getBean(LanguagePreferences.class).languageOf(ana)).contains(Language.EN);
                });
    }

    @Test
    void theOutboxPausesAndRemindersWorkOnTheAutoConfiguredTransactionManager() {
        application
                .withPropertyValues("spring.datasource.url=" + TestDatabases.h2File(directory.resolve("animabot")))
                .run(context -> {
                    ConversationRef room = new ConversationRef("console", "console");
                    PersonRef ana = new PersonRef("console", "ana");
                    Outbox outbox = context.getBean(Outbox.class);

                    List<Delivery> recorded = outbox.record(new Post("announce/1", Reply.plain("Bonjour"), null, null),
                            List.of(new Target.Room(room), new Target.Person(ana)));
                    context.getBean(RoomPauses.class).pause(room, new RoomPauses.Pause(LocalDate.of(2025, 8, 31)));
                    context.getBean(ReminderChoices.class).subscribe(ana, "animacoop-2025");

                    assertThat(context).hasBean("outbox").hasBean("roomPauses").hasBean("reminderChoices");
                    assertThat(recorded).hasSize(2);
                    assertThat(outbox.markAttemptFailed(recorded.get(0).id(), "timeout")).isEqualTo(1);
                    assertThat(context.getBean(RoomPauses.class).pauseOf(room)).isPresent();
                    assertThat(context.getBean(ReminderChoices.class).sessionsOf(ana))
                            .containsExactly("animacoop-2025");
                });
    }

    @Test
    void theLearnerDirectoryAndIntroductionLogWorkOnTheAutoConfiguredTransactionManager() {
        application
                .withPropertyValues("spring.datasource.url=" + TestDatabases.h2File(directory.resolve("animabot")))
                .run(context -> {
                    LearnerDirectory learners = context.getBean(LearnerDirectory.class);
                    IntroductionLog introductions = context.getBean(IntroductionLog.class);

                    Learner ana = learners.enrol(new Person(new PersonRef("console", "ana"), "Ana"));
                    learners.saveLinkCode(ana.id(), "K7Q2-9XPM", Instant.now().plusSeconds(60));
                    introductions.record("round/1", List.of(List.of(ana.id(), ana.id() + 1)), Instant.now());

                    assertThat(context).hasBean("learnerDirectory").hasBean("introductionLog");
                    assertThat(learners.takeLinkCode("K7Q2-9XPM", Instant.now())).contains(ana.id());
                    assertThat(introductions.of(ana.id())).hasSize(1);
                });
    }
}
