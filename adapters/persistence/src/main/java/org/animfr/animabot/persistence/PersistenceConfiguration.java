package org.animfr.animabot.persistence;

import java.time.Clock;
import org.animfr.animabot.core.chat.spi.AnsweredMessages;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.animfr.animabot.core.schedule.RoomPauses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The persistence adapters as beans, for the application to {@code @Import}. Needs a {@link JdbcClient} and a
 * {@link PlatformTransactionManager} on the same data source (both auto-configured by Spring Boot from
 * {@code spring.datasource.*}, after Flyway has migrated the schema from {@code classpath:db/migration}) and a
 * {@link Clock} bean. The migrations also create db-scheduler's {@code scheduled_tasks} table.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** Room links in the {@code room_link} table. */
    @Bean
    public RoomLinks roomLinks(JdbcClient jdbcClient, Clock clock) {
        return new JdbcRoomLinks(jdbcClient, clock);
    }

    /** Adapters' own state (the Matrix sync token) in the {@code platform_state} table. */
    @Bean
    public PlatformState platformState(JdbcClient jdbcClient, Clock clock) {
        return new JdbcPlatformState(jdbcClient, clock);
    }

    /** Messages the adapters answered (Matrix events), in the {@code answered_message} table. */
    @Bean
    public AnsweredMessages answeredMessages(JdbcClient jdbcClient) {
        return new JdbcAnsweredMessages(jdbcClient);
    }

    /** Language choices in the {@code language_preference} table. */
    @Bean
    public LanguagePreferences languagePreferences(JdbcClient jdbcClient, Clock clock) {
        return new JdbcLanguagePreferences(jdbcClient, clock);
    }

    /** Posts and their deliveries in the {@code outbox_post} and {@code delivery} tables. */
    @Bean
    public Outbox outbox(JdbcClient jdbcClient, PlatformTransactionManager transactionManager, Clock clock) {
        return new JdbcOutbox(jdbcClient, transactionManager, clock);
    }

    /** Paused rooms in the {@code room_pause} table. */
    @Bean
    public RoomPauses roomPauses(JdbcClient jdbcClient, Clock clock) {
        return new JdbcRoomPauses(jdbcClient, clock);
    }

    /** Who asked for which session's reminders, in the {@code reminder_choice} table. */
    @Bean
    public ReminderChoices reminderChoices(JdbcClient jdbcClient, Clock clock) {
        return new JdbcReminderChoices(jdbcClient, clock);
    }

    /** Learners, their accounts, profiles and link codes in the {@code learner*} and {@code link_code} tables. */
    @Bean
    public LearnerDirectory learnerDirectory(JdbcClient jdbcClient, PlatformTransactionManager transactionManager,
            Clock clock) {
        return new JdbcLearnerDirectory(jdbcClient, transactionManager, clock);
    }

    /** Rounds of introductions and their follow-ups in the {@code introduction*} tables. */
    @Bean
    public IntroductionLog introductionLog(JdbcClient jdbcClient, PlatformTransactionManager transactionManager) {
        return new JdbcIntroductionLog(jdbcClient, transactionManager);
    }
}
