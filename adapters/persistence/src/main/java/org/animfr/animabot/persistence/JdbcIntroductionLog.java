package org.animfr.animabot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.animfr.animabot.core.introduce.FollowUpAnswer;
import org.animfr.animabot.core.introduce.Introduction;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link IntroductionLog} in the {@code introduction_round} and {@code introduction} tables. Recording a round is one
 * transaction that starts with the round's row: its primary key lets one instance record the round, and the others,
 * once the winner committed, start again and find it recorded. A learner is in a round once, so a learner listed in
 * two groups of one round is refused with {@link IllegalArgumentException}. Answering again replaces the answer.
 * Moving a history onto a learner who was in some of the same rounds keeps that learner's place in those rounds
 * (and takes the absorbed learner's answer when they gave none). Instants are kept to the microsecond, as both
 * databases store them. Thread-safe.
 *
 * <p>The {@link JdbcClient} and the transaction manager must work on the same data source, as Spring Boot's
 * auto-configured ones do.
 */
final class JdbcIntroductionLog implements IntroductionLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcIntroductionLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
    }

    @Override
    public void record(String roundKey, List<List<Long>> groups, Instant at) {
        if (roundKey == null || roundKey.isBlank()) {
            throw new IllegalArgumentException("A round needs its key");
        }
        Objects.requireNonNull(at, "at");
        List<List<Long>> wanted = groups.stream().map(List::copyOf).toList();
        Set<Long> seen = new HashSet<>();
        for (List<Long> group : wanted) {
            for (Long learnerId : group) {
                if (!seen.add(learnerId)) {
                    throw new IllegalArgumentException("The learner " + learnerId + " is in two groups of the round");
                }
            }
        }
        OffsetDateTime now = utc(at);
        Races.retried(() -> transactions.execute(status -> {
            boolean recorded = jdbc.sql("SELECT COUNT(*) FROM introduction_round WHERE round_key = :round")
                    .param("round", roundKey)
                    .query(Integer.class)
                    .single() > 0;
            if (recorded) {
                return null;
            }
            jdbc.sql("INSERT INTO introduction_round (round_key, recorded_at) VALUES (:round, :at)")
                    .param("round", roundKey)
                    .param("at", now)
                    .update();
            for (int group = 0; group < wanted.size(); group++) {
                for (long learnerId : wanted.get(group)) {
                    jdbc.sql("""
                                    INSERT INTO introduction (round_key, group_no, learner_id, introduced_at)
                                    VALUES (:round, :group, :learner, :at)""")
                            .param("round", roundKey)
                            .param("group", group)
                            .param("learner", learnerId)
                            .param("at", now)
                            .update();
                }
            }
            return null;
        }));
    }

    @Override
    public List<Introduction> round(String roundKey) {
        Objects.requireNonNull(roundKey, "roundKey");
        return jdbc.sql("""
                        SELECT round_key, group_no, learner_id, introduced_at, answer FROM introduction
                        WHERE round_key = :round
                        ORDER BY group_no, learner_id""")
                .param("round", roundKey)
                .query((row, number) -> introduction(row))
                .list();
    }

    @Override
    public List<Introduction> of(long learnerId) {
        return jdbc.sql("""
                        SELECT round_key, group_no, learner_id, introduced_at, answer FROM introduction
                        WHERE learner_id = :learner
                        ORDER BY introduced_at, round_key""")
                .param("learner", learnerId)
                .query((row, number) -> introduction(row))
                .list();
    }

    @Override
    public Set<Pair> pairs() {
        Set<Pair> pairs = new HashSet<>();
        jdbc.sql("""
                        SELECT DISTINCT a.learner_id AS first_id, b.learner_id AS second_id
                        FROM introduction a
                        JOIN introduction b
                          ON b.round_key = a.round_key AND b.group_no = a.group_no AND b.learner_id > a.learner_id""")
                .query(row -> {
                    pairs.add(new Pair(row.getLong("first_id"), row.getLong("second_id")));
                });
        return pairs;
    }

    @Override
    public boolean answer(String roundKey, long learnerId, FollowUpAnswer answer, Instant at) {
        Objects.requireNonNull(roundKey, "roundKey");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(at, "at");
        return jdbc.sql("""
                        UPDATE introduction SET answer = :answer, answered_at = :at
                        WHERE round_key = :round AND learner_id = :learner""")
                .param("answer", answer.name())
                .param("at", utc(at))
                .param("round", roundKey)
                .param("learner", learnerId)
                .update() > 0;
    }

    @Override
    public Tally tally() {
        return jdbc.sql("""
                        SELECT COUNT(*) AS introduced,
                               COUNT(CASE WHEN answer = 'MET' THEN 1 END) AS met,
                               COUNT(CASE WHEN answer = 'NOT_YET' THEN 1 END) AS not_yet,
                               COUNT(CASE WHEN answer = 'DECLINED' THEN 1 END) AS declined
                        FROM introduction""")
                .query((row, number) -> new Tally(row.getInt("introduced"), row.getInt("met"), row.getInt("not_yet"),
                        row.getInt("declined")))
                .single();
    }

    @Override
    public void move(long fromLearnerId, long toLearnerId) {
        if (fromLearnerId == toLearnerId) {
            return;
        }
        Races.retried(() -> transactions.execute(status -> {
            // in a round they were both in, the kept learner keeps their place, with the absorbed one's answer if
            // they gave none
            jdbc.sql("""
                            UPDATE introduction
                            SET answer = (SELECT f.answer FROM introduction f
                                          WHERE f.round_key = introduction.round_key AND f.learner_id = :from),
                                answered_at = (SELECT f.answered_at FROM introduction f
                                               WHERE f.round_key = introduction.round_key AND f.learner_id = :from)
                            WHERE learner_id = :to AND answer IS NULL AND EXISTS (
                                SELECT 1 FROM introduction f
                                WHERE f.round_key = introduction.round_key AND f.learner_id = :from
                                  AND f.answer IS NOT NULL)""")
                    .param("from", fromLearnerId)
                    .param("to", toLearnerId)
                    .update();
            jdbc.sql("""
                            DELETE FROM introduction
                            WHERE learner_id = :from AND round_key IN (
                                SELECT t.round_key FROM introduction t WHERE t.learner_id = :to)""")
                    .param("from", fromLearnerId)
                    .param("to", toLearnerId)
                    .update();
            return jdbc.sql("UPDATE introduction SET learner_id = :to WHERE learner_id = :from")
                    .param("from", fromLearnerId)
                    .param("to", toLearnerId)
                    .update();
        }));
    }

    @Override
    public void forget(long learnerId) {
        jdbc.sql("DELETE FROM introduction WHERE learner_id = :learner").param("learner", learnerId).update();
    }

    private static Introduction introduction(ResultSet row) throws SQLException {
        String answer = row.getString("answer");
        return new Introduction(row.getString("round_key"), row.getInt("group_no"), row.getLong("learner_id"),
                row.getObject("introduced_at", OffsetDateTime.class).toInstant(),
                answer == null ? null : FollowUpAnswer.valueOf(answer));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
