package org.animfr.animabot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.learner.Account;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.learner.Profile;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@link LearnerDirectory} in the {@code learner}, {@code learner_account}, {@code learner_profile} and
 * {@code link_code} tables. Every learner has its profile row from the transaction that creates it, so saving a
 * profile is one update, and finds the learner gone when it touches no row.
 *
 * <p>Races between instances: enrolling the same new account at once leaves one learner (the account's primary key
 * refuses the second, whose transaction is rolled back and tries again, finding the first); a code is taken once
 * (whoever deletes its row has it); saving a code, merging and erasing lock the learners' rows first, in id order.
 * A learner is read in one statement, so never half-merged; {@link #consenting()} reads in two statements within
 * one repeatable-read transaction, whatever the number of learners.
 *
 * <p>What is stored: keywords as a JSON array; instants to the microsecond, as both databases keep them; a NUL in a
 * text as U+FFFD, since PostgreSQL refuses it; a display name cut to {@value #MAX_DISPLAY_NAME} characters (the
 * core bounds what learners type, not what platforms show). A text longer than its column (see the V4 migration)
 * fails with a {@code DataIntegrityViolationException}. Saving a code for, or merging into, a learner that does not
 * exist fails with {@link IllegalArgumentException}, as does saving a code another learner holds and that has not
 * expired (draw another one); erasing or absorbing a learner that does not exist changes nothing else, so a retried
 * merge or erasure is harmless. A code is valid while the instant is before its expiry. Thread-safe.
 *
 * <p>The {@link JdbcClient} and the transaction manager must work on the same data source, as Spring Boot's
 * auto-configured ones do.
 */
final class JdbcLearnerDirectory implements LearnerDirectory {

    /** The {@code display_name} column's size; longer names are cut. */
    static final int MAX_DISPLAY_NAME = 255;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A learner's rows, one per account with the profile repeated, for {@link #learners()}: add WHERE, ORDER. */
    private static final String SELECT_LEARNERS = """
            SELECT a.learner_id, a.platform, a.person_id, a.display_name, a.handle, p.project, p.keywords, p.territory,
                   p.session_id, p.introductions, p.paused_until, p.updated_at
            FROM learner_account a JOIN learner_profile p ON p.learner_id = a.learner_id
            """;
    /** The order of a learner's accounts: the first linked first. */
    private static final String ACCOUNT_ORDER = "a.linked_at, a.platform, a.person_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshots;
    private final Clock clock;

    JdbcLearnerDirectory(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        Objects.requireNonNull(transactionManager, "transactionManager");
        this.transactions = new TransactionTemplate(transactionManager);
        this.snapshots = new TransactionTemplate(transactionManager);
        snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshots.setReadOnly(true);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Learner> find(PersonRef account) {
        Objects.requireNonNull(account, "account");
        return jdbc.sql(SELECT_LEARNERS + """
                        WHERE a.learner_id = (SELECT learner_id FROM learner_account
                                              WHERE platform = :platform AND person_id = :id)
                        ORDER BY\s""" + ACCOUNT_ORDER)
                .param("platform", account.platform())
                .param("id", account.id())
                .query(learners())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Learner> byId(long learnerId) {
        return jdbc.sql(SELECT_LEARNERS + "WHERE a.learner_id = :learner ORDER BY " + ACCOUNT_ORDER)
                .param("learner", learnerId)
                .query(learners())
                .stream()
                .findFirst();
    }

    @Override
    public Learner enrol(Person person) {
        Objects.requireNonNull(person, "person");
        Account account = new Account(person.ref(), displayName(person.displayName()), displayName(person.handle()));
        for (int tried = 1; ; tried++) {
            Optional<Learner> known = find(account.ref());
            if (known.isPresent()) {
                Learner learner = known.get();
                if (learner.accounts().contains(account)) {
                    return learner;
                }
                jdbc.sql("""
                                UPDATE learner_account SET display_name = :name, handle = :handle
                                WHERE platform = :platform AND person_id = :id""")
                        .param("name", account.displayName())
                        .param("handle", account.handle())
                        .param("platform", account.ref().platform())
                        .param("id", account.ref().id())
                        .update();
                Optional<Learner> renamed = find(account.ref());
                if (renamed.isPresent()) {
                    return renamed.get();
                }
                // erased meanwhile: enrolled anew below, on the next turn
            } else {
                // two enrolments of the account at once: the loser's insert of the account fails on its primary key
                // after the winner committed, its whole transaction is rolled back, and the next turn finds the winner
                Optional<Learner> created = Races.retried(() -> Optional.ofNullable(
                        transactions.execute(status -> create(account))));
                if (created.isPresent()) {
                    return created.get();
                }
            }
            if (tried == Races.TRIES) {
                throw new IllegalStateException("The account " + account.ref() + " keeps being erased and enrolled");
            }
        }
    }

    /** A new learner with this one account and an empty profile; null when the account belongs to someone now. */
    private Learner create(Account account) {
        if (jdbc.sql("SELECT COUNT(*) FROM learner_account WHERE platform = :platform AND person_id = :id")
                .param("platform", account.ref().platform())
                .param("id", account.ref().id())
                .query(Integer.class)
                .single() > 0) {
            return null;
        }
        OffsetDateTime now = utc(clock.instant());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO learner (created_at) VALUES (:now)").param("now", now).update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
        Profile profile = Profile.empty();
        jdbc.sql("""
                        INSERT INTO learner_profile (learner_id, project, keywords, territory, session_id,
                                                     introductions, paused_until, updated_at)
                        VALUES (:learner, :project, :keywords, :territory, :session, :introductions, :pausedUntil,
                                :updatedAt)""")
                .paramSource(profileParameters(id, profile))
                .update();
        jdbc.sql("""
                        INSERT INTO learner_account (platform, person_id, learner_id, display_name, handle, linked_at)
                        VALUES (:platform, :id, :learner, :name, :handle, :now)""")
                .param("handle", account.handle())
                .param("platform", account.ref().platform())
                .param("id", account.ref().id())
                .param("learner", id)
                .param("name", account.displayName())
                .param("now", now)
                .update();
        return new Learner(id, List.of(account), profile);
    }

    @Override
    public boolean saveProfile(long learnerId, Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return updateProfile(learnerId, profile) > 0;
    }

    private int updateProfile(long learnerId, Profile profile) {
        return jdbc.sql("""
                        UPDATE learner_profile
                        SET project = :project, keywords = :keywords, territory = :territory, session_id = :session,
                            introductions = :introductions, paused_until = :pausedUntil, updated_at = :updatedAt
                        WHERE learner_id = :learner""")
                .paramSource(profileParameters(learnerId, profile))
                .update();
    }

    @Override
    public List<Learner> consenting() {
        return snapshots.execute(status -> {
            Map<Long, List<Account>> accounts = new HashMap<>();
            jdbc.sql("""
                            SELECT a.learner_id, a.platform, a.person_id, a.display_name, a.handle
                            FROM learner_account a JOIN learner_profile p ON p.learner_id = a.learner_id
                            WHERE p.introductions = TRUE
                            ORDER BY a.learner_id,\s""" + ACCOUNT_ORDER)
                    .query(row -> {
                        accounts.computeIfAbsent(row.getLong("learner_id"), id -> new ArrayList<>()).add(account(row));
                    });
            List<Learner> learners = new ArrayList<>();
            jdbc.sql("""
                            SELECT learner_id, project, keywords, territory, session_id, introductions, paused_until,
                                   updated_at
                            FROM learner_profile
                            WHERE introductions = TRUE
                            ORDER BY learner_id""")
                    .query(row -> {
                        List<Account> theirs = accounts.get(row.getLong("learner_id"));
                        if (theirs != null) {
                            learners.add(new Learner(row.getLong("learner_id"), theirs, profile(row)));
                        }
                    });
            return learners;
        });
    }

    @Override
    public void saveLinkCode(long learnerId, String code, Instant expiresAt) {
        requireCode(code);
        Objects.requireNonNull(expiresAt, "expiresAt");
        OffsetDateTime now = utc(clock.instant());
        // a code another learner holds is refused for good: retrying would not free it
        Races.retried(() -> transactions.execute(status -> {
            if (lockExisting(List.of(learnerId)).isEmpty()) {
                throw new IllegalArgumentException("No learner " + learnerId);
            }
            jdbc.sql("DELETE FROM link_code WHERE learner_id = :learner OR (code = :code AND expires_at <= :now)")
                    .param("learner", learnerId)
                    .param("code", code)
                    .param("now", now)
                    .update();
            if (jdbc.sql("SELECT COUNT(*) FROM link_code WHERE code = :code")
                    .param("code", code)
                    .query(Integer.class)
                    .single() > 0) {
                throw new IllegalArgumentException("The code is another learner's until it expires");
            }
            return jdbc.sql("INSERT INTO link_code (code, learner_id, expires_at) VALUES (:code, :learner, :until)")
                    .param("code", code)
                    .param("learner", learnerId)
                    .param("until", utc(expiresAt))
                    .update();
        }));
    }

    @Override
    public Optional<Long> takeLinkCode(String code, Instant now) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(now, "now");
        // whoever deletes the row has the code: an instance that read it too, and deletes after, deletes nothing
        return Races.retried(() -> transactions.execute(status -> {
            Optional<LinkCode> found = jdbc.sql(
                            "SELECT learner_id, expires_at FROM link_code WHERE code = :code FOR UPDATE")
                    .param("code", code)
                    .query((row, number) -> new LinkCode(row.getLong("learner_id"),
                            row.getObject("expires_at", OffsetDateTime.class).toInstant()))
                    .optional();
            if (found.isEmpty()
                    || jdbc.sql("DELETE FROM link_code WHERE code = :code").param("code", code).update() == 0
                    || !now.isBefore(found.get().expiresAt())) {
                return Optional.<Long>empty();
            }
            return Optional.of(found.get().learnerId());
        }));
    }

    private record LinkCode(long learnerId, Instant expiresAt) {
    }

    @Override
    public void merge(long keptId, long absorbedId, Profile profile) {
        Objects.requireNonNull(profile, "profile");
        if (keptId == absorbedId) {
            throw new IllegalArgumentException("A learner cannot absorb themself");
        }
        OffsetDateTime now = utc(clock.instant());
        Races.retried(() -> transactions.execute(status -> {
            List<Long> present = lockExisting(List.of(keptId, absorbedId));
            if (!present.contains(keptId)) {
                throw new IllegalArgumentException("No learner " + keptId);
            }
            // the moved accounts are linked to the kept learner now, so the kept learner's first account stays first
            jdbc.sql("UPDATE learner_account SET learner_id = :kept, linked_at = :now WHERE learner_id = :absorbed")
                    .param("kept", keptId)
                    .param("now", now)
                    .param("absorbed", absorbedId)
                    .update();
            updateProfile(keptId, profile);
            deleteRowsOf(absorbedId);
            return null;
        }));
    }

    @Override
    public void erase(long learnerId) {
        Races.retried(() -> transactions.execute(status -> {
            if (lockExisting(List.of(learnerId)).isEmpty()) {
                return null;
            }
            jdbc.sql("DELETE FROM learner_account WHERE learner_id = :learner").param("learner", learnerId).update();
            deleteRowsOf(learnerId);
            return null;
        }));
    }

    /** Deletes the learner with their profile and codes, once they have no account left. */
    private void deleteRowsOf(long learnerId) {
        jdbc.sql("DELETE FROM link_code WHERE learner_id = :learner").param("learner", learnerId).update();
        jdbc.sql("DELETE FROM learner_profile WHERE learner_id = :learner").param("learner", learnerId).update();
        jdbc.sql("DELETE FROM learner WHERE id = :learner").param("learner", learnerId).update();
    }

    /**
     * Locks the rows of those learners that exist, in id order so that two transactions never wait for each other;
     * the ones found. Saving a code, merging and erasing lock first, so one does not erase a learner another merges.
     */
    private List<Long> lockExisting(List<Long> learnerIds) {
        List<Long> found = new ArrayList<>();
        for (long id : learnerIds.stream().sorted().distinct().toList()) {
            jdbc.sql("SELECT id FROM learner WHERE id = :learner FOR UPDATE")
                    .param("learner", id)
                    .query(Long.class)
                    .optional()
                    .ifPresent(found::add);
        }
        return found;
    }

    /** Learners from rows of {@link #SELECT_LEARNERS}, grouped by learner in the order they come. */
    private static ResultSetExtractor<List<Learner>> learners() {
        return rows -> {
            List<Learner> learners = new ArrayList<>();
            long current = 0;
            Profile profile = null;
            List<Account> accounts = new ArrayList<>();
            while (rows.next()) {
                long id = rows.getLong("learner_id");
                if (profile != null && id != current) {
                    learners.add(new Learner(current, accounts, profile));
                    accounts = new ArrayList<>();
                }
                current = id;
                profile = profile(rows);
                accounts.add(account(rows));
            }
            if (profile != null) {
                learners.add(new Learner(current, accounts, profile));
            }
            return learners;
        };
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(new PersonRef(row.getString("platform"), row.getString("person_id")),
                row.getString("display_name"), row.getString("handle"));
    }

    private static Profile profile(ResultSet row) throws SQLException {
        OffsetDateTime updatedAt = row.getObject("updated_at", OffsetDateTime.class);
        return new Profile(row.getString("project"), keywords(row.getString("keywords")),
                row.getString("territory"), row.getString("session_id"), row.getBoolean("introductions"),
                row.getObject("paused_until", LocalDate.class), updatedAt == null ? null : updatedAt.toInstant());
    }

    private static MapSqlParameterSource profileParameters(long learnerId, Profile profile) {
        return new MapSqlParameterSource()
                .addValue("learner", learnerId)
                .addValue("project", storable(profile.project()))
                .addValue("keywords", keywordsJson(profile.keywords()))
                .addValue("territory", storable(profile.territory()))
                .addValue("session", storable(profile.sessionId()), Types.VARCHAR)
                .addValue("introductions", profile.introductions())
                .addValue("pausedUntil", profile.pausedUntil(), Types.DATE)
                .addValue("updatedAt", utc(profile.updatedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** The keywords as a JSON array of strings: any text, a line break or an empty keyword included, reads back. */
    static String keywordsJson(List<String> keywords) {
        ArrayNode array = JSON.createArrayNode();
        keywords.forEach(array::add);
        return JSON.writeValueAsString(array);
    }

    static List<String> keywords(String json) {
        JsonNode array = JSON.readTree(json);
        if (!array.isArray()) {
            throw new IllegalArgumentException("Stored keywords are not a JSON array: " + array.getNodeType());
        }
        List<String> keywords = new ArrayList<>();
        for (JsonNode keyword : array) {
            keywords.add(keyword.stringValue());
        }
        return keywords;
    }

    private static void requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A link code must not be blank");
        }
    }

    /** The name as stored: no NUL, at most {@link #MAX_DISPLAY_NAME} characters, a surrogate pair never split. */
    static String displayName(String name) {
        String text = storable(name);
        if (text == null || text.length() <= MAX_DISPLAY_NAME) {
            return text;
        }
        int end = MAX_DISPLAY_NAME;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The text without NUL, which PostgreSQL refuses in text columns. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
