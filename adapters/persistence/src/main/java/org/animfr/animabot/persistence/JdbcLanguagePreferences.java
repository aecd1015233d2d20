package org.animfr.animabot.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link LanguagePreferences} in the {@code language_preference} table, storing {@link Language#code()}.
 * A stored code the bot no longer speaks reads as no choice. Thread-safe like {@link JdbcClient}.
 */
final class JdbcLanguagePreferences implements LanguagePreferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcLanguagePreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Language> languageOf(PersonRef person) {
        Objects.requireNonNull(person, "person");
        return jdbc.sql("""
                        SELECT language_code FROM language_preference
                        WHERE platform = :platform AND person_id = :id""")
                .param("platform", person.platform())
                .param("id", person.id())
                .query(String.class)
                .optional()
                .flatMap(Language::parse);
    }

    @Override
    public void choose(PersonRef person, Language language) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(language, "language");
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Upsert.updateOrInsert(
                () -> jdbc.sql("""
                                UPDATE language_preference SET language_code = :code, chosen_at = :now
                                WHERE platform = :platform AND person_id = :id""")
                        .param("code", language.code())
                        .param("now", now)
                        .param("platform", person.platform())
                        .param("id", person.id())
                        .update(),
                () -> jdbc.sql("""
                                INSERT INTO language_preference (platform, person_id, language_code, chosen_at)
                                VALUES (:platform, :id, :code, :now)""")
                        .param("platform", person.platform())
                        .param("id", person.id())
                        .param("code", language.code())
                        .param("now", now)
                        .update());
    }

    @Override
    public void forget(PersonRef person) {
        Objects.requireNonNull(person, "person");
        jdbc.sql("DELETE FROM language_preference WHERE platform = :platform AND person_id = :id")
                .param("platform", person.platform())
                .param("id", person.id())
                .update();
    }
}
