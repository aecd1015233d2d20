package org.animfr.animabot.persistence;

import java.time.Clock;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.room.RoomLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The persistence adapters as beans, for the application to {@code @Import}. Needs a {@link JdbcClient}
 * (auto-configured by Spring Boot from {@code spring.datasource.*}, after Flyway has migrated the schema
 * from {@code classpath:db/migration}) and a {@link Clock} bean.
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

    /** Language choices in the {@code language_preference} table. */
    @Bean
    public LanguagePreferences languagePreferences(JdbcClient jdbcClient, Clock clock) {
        return new JdbcLanguagePreferences(jdbcClient, clock);
    }
}
