package org.animfr.animabot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Outbox} in the {@code outbox_post} and {@code delivery} tables; the message is stored as JSON by
 * {@link ReplyJson}, a delivery's target as {@link Target#id()}. Recording is one transaction, and safe when several
 * instances record the same post at once: the primary key lets one of them insert the post, the others start again
 * and find it, and then recordings of one post take turns on its row, so that each reads the deliveries the one
 * before it committed. Deliveries come in the order of their generated ids, which is the order they were recorded.
 * Instants are kept to the microsecond, as both databases store them. Marking a delivery that does not exist fails
 * with {@link IllegalArgumentException}. Forgetting a target or a post is one transaction that takes the posts' row
 * locks first, as recording does; a retry timer that names a forgotten delivery then finds none. Thread-safe.
 *
 * <p>The {@link JdbcClient} and the transaction manager must work on the same data source, as Spring Boot's
 * auto-configured ones do: otherwise the statements would not run in the manager's transactions.
 */
final class JdbcOutbox implements Outbox {

    /** The {@code last_error} column's size; longer reasons are cut. */
    static final int MAX_ERROR_LENGTH = 2000;
    /** Posts deleted per statement by {@link #forgetTarget}, well under any driver's limit on parameters. */
    private static final int KEYS_PER_STATEMENT = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JdbcOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Delivery> record(Post post, List<Target> targets) {
        Objects.requireNonNull(post, "post");
        List<Target> wanted = List.copyOf(targets);
        // another instance may insert the same post first, or make this one wait too long for its turn: the
        // retry finds the winner's rows
        return Races.retried(() -> transactions.execute(status -> recordOnce(post, wanted)));
    }

    private List<Delivery> recordOnce(Post post, List<Target> targets) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!postExists(post.key())) {
            jdbc.sql("""
                            INSERT INTO outbox_post (post_key, message_json, thread_name, useful_until, recorded_at)
                            VALUES (:key, :message, :thread, :usefulUntil, :now)""")
                    .param("key", post.key())
                    .param("message", ReplyJson.write(post.message()))
                    .param("thread", post.threadName(), Types.VARCHAR)
                    .param("usefulUntil", utc(post.usefulUntil()), Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("now", now)
                    .update();
        }
        // the row lock makes recordings of this post wait for each other: without it, two recordings adding the
        // same target would both insert it (and one fail), and two adding targets in opposite orders deadlock
        jdbc.sql("SELECT post_key FROM outbox_post WHERE post_key = :key FOR UPDATE")
                .param("key", post.key())
                .query(String.class)
                .single();
        Set<String> known = new HashSet<>(jdbc.sql("SELECT target FROM delivery WHERE post_key = :key")
                .param("key", post.key())
                .query(String.class)
                .list());
        for (Target target : targets) {
            if (known.add(target.id())) {
                jdbc.sql("""
                                INSERT INTO delivery (post_key, target, state, attempts, recorded_at)
                                VALUES (:key, :target, :state, 0, :now)""")
                        .param("key", post.key())
                        .param("target", target.id())
                        .param("state", Delivery.State.PENDING.name())
                        .param("now", now)
                        .update();
            }
        }
        return deliveriesOf(post.key());
    }

    private boolean postExists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_post WHERE post_key = :key")
                .param("key", key)
                .query(Integer.class)
                .single() > 0;
    }

    @Override
    public Optional<Post> post(String key) {
        Objects.requireNonNull(key, "key");
        return jdbc.sql("""
                        SELECT post_key, message_json, thread_name, useful_until FROM outbox_post
                        WHERE post_key = :key""")
                .param("key", key)
                .query((row, number) -> new Post(row.getString("post_key"),
                        ReplyJson.read(row.getString("message_json")), row.getString("thread_name"),
                        instant(row.getObject("useful_until", OffsetDateTime.class))))
                .optional();
    }

    @Override
    public List<Delivery> deliveriesOf(String postKey) {
        Objects.requireNonNull(postKey, "postKey");
        return jdbc.sql("""
                        SELECT id, post_key, target, state, attempts, last_error FROM delivery
                        WHERE post_key = :key
                        ORDER BY id""")
                .param("key", postKey)
                .query((row, number) -> delivery(row))
                .list();
    }

    @Override
    public Optional<Delivery> delivery(long id) {
        return jdbc.sql("SELECT id, post_key, target, state, attempts, last_error FROM delivery WHERE id = :id")
                .param("id", id)
                .query((row, number) -> delivery(row))
                .optional();
    }

    @Override
    public void markSent(long id, Instant at) {
        Objects.requireNonNull(at, "at");
        requireOne(id, jdbc.sql("UPDATE delivery SET state = :state, sent_at = :at WHERE id = :id")
                .param("state", Delivery.State.SENT.name())
                .param("at", utc(at))
                .param("id", id)
                .update());
    }

    @Override
    public int markAttemptFailed(long id, String reason) {
        return countFailedAttempt(id, reason, false);
    }

    @Override
    public int markHandedOver(long id, String reason) {
        return countFailedAttempt(id, reason, true);
    }

    private int countFailedAttempt(long id, String reason, boolean handedOver) {
        // the update locks the row until the commit, so no other attempt can count between it and the read
        return transactions.execute(status -> {
            requireOne(id, jdbc.sql("""
                            UPDATE delivery SET attempts = attempts + 1, last_error = :reason, handed_over = :handedOver
                            WHERE id = :id""")
                    .param("reason", shortened(reason), Types.VARCHAR)
                    .param("handedOver", handedOver)
                    .param("id", id)
                    .update());
            return jdbc.sql("SELECT attempts FROM delivery WHERE id = :id")
                    .param("id", id)
                    .query(Integer.class)
                    .single();
        });
    }

    @Override
    public List<Delivery> handedOver(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT id, post_key, target, state, attempts, last_error FROM delivery
                        WHERE handed_over = TRUE AND state = :state AND id > :after
                        ORDER BY id
                        FETCH FIRST :limit ROWS ONLY""")
                .param("state", Delivery.State.PENDING.name())
                .param("after", afterId)
                .param("limit", limit)
                .query((row, number) -> delivery(row))
                .list();
    }

    @Override
    public long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE state = :state")
                .param("state", Delivery.State.PENDING.name()).query(Long.class).single();
    }

    @Override
    public void markFailed(long id, String reason) {
        requireOne(id, jdbc.sql("UPDATE delivery SET state = :state, last_error = :reason WHERE id = :id")
                .param("state", Delivery.State.FAILED.name())
                .param("reason", shortened(reason), Types.VARCHAR)
                .param("id", id)
                .update());
    }

    @Override
    public void forgetTarget(String targetId) {
        Objects.requireNonNull(targetId, "targetId");
        transactions.executeWithoutResult(status -> {
            List<String> keys = jdbc.sql("SELECT DISTINCT post_key FROM delivery WHERE target = :target")
                    .param("target", targetId)
                    .query(String.class)
                    .list()
                    .stream()
                    .sorted()
                    .toList();
            // the posts' row locks, taken in key order (recordings take one at a time): no recording adds a
            // delivery to these posts between the deletes and the commit
            for (List<String> some : chunks(keys)) {
                jdbc.sql("SELECT post_key FROM outbox_post WHERE post_key IN (:keys) ORDER BY post_key FOR UPDATE")
                        .param("keys", some)
                        .query(String.class)
                        .list();
            }
            jdbc.sql("DELETE FROM delivery WHERE target = :target").param("target", targetId).update();
            for (List<String> some : chunks(keys)) {
                jdbc.sql("""
                                DELETE FROM outbox_post
                                WHERE post_key IN (:keys) AND NOT EXISTS (
                                    SELECT 1 FROM delivery WHERE delivery.post_key = outbox_post.post_key)""")
                        .param("keys", some)
                        .update();
            }
        });
    }

    @Override
    public void forgetPost(String postKey) {
        Objects.requireNonNull(postKey, "postKey");
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT post_key FROM outbox_post WHERE post_key = :key FOR UPDATE")
                    .param("key", postKey)
                    .query(String.class)
                    .list();
            jdbc.sql("DELETE FROM delivery WHERE post_key = :key").param("key", postKey).update();
            jdbc.sql("DELETE FROM outbox_post WHERE post_key = :key").param("key", postKey).update();
        });
    }

    private static List<List<String>> chunks(List<String> keys) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static Delivery delivery(ResultSet row) throws SQLException {
        return new Delivery(row.getLong("id"), row.getString("post_key"), Target.parse(row.getString("target")),
                Delivery.State.valueOf(row.getString("state")), row.getInt("attempts"), row.getString("last_error"));
    }

    private static void requireOne(long id, int updated) {
        if (updated == 0) {
            throw new IllegalArgumentException("No delivery " + id);
        }
    }

    /**
     * The reason as the column takes it: at most {@link #MAX_ERROR_LENGTH} characters, a pair of surrogates never
     * split, and no NUL, which PostgreSQL refuses in text (a platform's error message may carry anything).
     */
    static String shortened(String reason) {
        if (reason == null) {
            return null;
        }
        String text = reason.replace('\0', '\uFFFD');
        if (text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        int end = MAX_ERROR_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
