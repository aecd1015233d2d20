package org.animfr.animabot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The durable timers on a real database migrated by the application's migrations, driven by a test clock: they fire
 * when the clock says, once across instances, again after the data moved them, and a stop lets running work finish.
 */
abstract class DurableTimersContract {
    private static final Instant T = Instant.parse("2012-11-12T08:00:00Z");
    private static final DurableTimers.Settings FAST = new DurableTimers.Settings(Duration.ofMillis(100),
            Duration.ofSeconds(1), 4, 4, Duration.ofMinutes(10), Duration.ofSeconds(10));

    private final MutableClock clock = MutableClock.running(T.minusSeconds(60));
    private final RecordingWork work = new RecordingWork();
    private final List<DurableTimers> started = new CopyOnWriteArrayList<>();
    private DataSource database;

    /** A new database, migrated by the application's migrations. */
    abstract DataSource newDatabase();

    /** Drops what {@link #newDatabase()} made. */
    void dropDatabase() {}

    @BeforeEach
    void migrate() {
        database = newDatabase();
    }

    @AfterEach
    void stop() {
        started.forEach(DurableTimers::stop);
        dropDatabase();
    }

    private DurableTimers timers() {
        return new DurableTimers(database, clock, FAST);
    }

    private DurableTimers start(DurableTimers timers, TimerWork with) {
        timers.start(with);
        started.add(timers);
        return timers;
    }

    @Test
    void aPostTimerFiresWhenTheClockReachesItsTimeAndNotBefore() throws InterruptedException {
        DurableTimers timers = timers();
        timers.postAt("prompt/animacoop-7/w7", T);
        start(timers, work);

        Thread.sleep(500);
        assertThat(work.posts).isEmpty();
        clock.set(T);

        await().atMost(Duration.ofSeconds(5)).until(() -> work.posts.contains("prompt/animacoop-7/w7"));
        assertThat(timers.postTimers()).doesNotContainKey("prompt/animacoop-7/w7");
    }

    @Test
    void timersAreListedMovedAndCancelled() {
        DurableTimers timers = timers();

        timers.postAt("a", T);
        timers.postAt("b", T);
        timers.postAt("a", T.plusSeconds(3600));
        timers.cancelPost("b");
        timers.cancelPost("never-set");

        assertThat(timers.postTimers()).containsExactly(Map.entry("a", T.plusSeconds(3600)));
    }

    @Test
    void aPostTheDataMovedLaterFiresAgainAtItsNewTime() {
        work.later.put("gathering/x/d1", T.plusSeconds(600));
        DurableTimers timers = timers();
        timers.postAt("gathering/x/d1", T);
        clock.set(T);
        start(timers, work);
        await().atMost(Duration.ofSeconds(5)).until(() -> work.posts.size() == 1);
        assertThat(timers.postTimers()).containsEntry("gathering/x/d1", T.plusSeconds(600));

        clock.set(T.plusSeconds(600));

        await().atMost(Duration.ofSeconds(5)).until(() -> work.posts.size() == 2);
        assertThat(timers.postTimers()).isEmpty();
    }

    @Test
    void retriesFireForTheirDeliveryEvenWhenOneRetrySetsTheNext() {
        DurableTimers timers = timers();
        timers.retryAt(42, T);
        timers.retryAt(42, T.plusSeconds(30));
        timers.retryAt(7, T.plusSeconds(30));
        clock.set(T.plusSeconds(30));

        start(timers, work);

        await().atMost(Duration.ofSeconds(5)).until(() -> work.retries.size() == 3);
        assertThat(work.retries).containsExactlyInAnyOrder(42L, 42L, 7L);
    }

    @Test
    void theTimersFollowTheDataBeforeAnyFires() {
        start(timers(), work);

        // replanned when start returns, before the first poll; the regular replan comes on top
        assertThat(work.replans.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void twoInstancesOnOneDatabaseFireEachTimerOnce() {
        DurableTimers first = timers();
        for (int i = 0; i < 40; i++) {
            first.postAt("post-" + i, T);
        }
        start(first, work);
        start(timers(), work);

        clock.set(T);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(work.posts).hasSizeGreaterThanOrEqualTo(40));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> work.posts.size() == 40);
        assertThat(work.posts).doesNotHaveDuplicates();
    }

    @Test
    void aPostWhoseInstanceWasKilledWhileRunningItIsTakenOverAndRunsByTheApplicationsClock() throws SQLException {
        DurableTimers timers = timers();
        timers.postAt("prompt/animacoop-7/w6", T.minusSeconds(120));
        // what a SIGKILL leaves: the execution picked, its instance's heartbeats stopped a while ago
        try (Connection connection = database.getConnection();
                PreparedStatement killed = connection.prepareStatement("UPDATE scheduled_tasks SET picked = TRUE, "
                        + "picked_by = 'killed', last_heartbeat = ? WHERE task_name = 'post' AND task_instance = ?")) {
            killed.setObject(1, OffsetDateTime.ofInstant(clock.instant().minusSeconds(60), ZoneOffset.UTC));
            killed.setString(2, "prompt/animacoop-7/w6");
            assertThat(killed.executeUpdate()).isEqualTo(1);
        }

        start(timers, work);

        // the test clock is in 2012: a revival set to the system's time would never come
        await().atMost(Duration.ofSeconds(10)).until(() -> work.posts.contains("prompt/animacoop-7/w6"));
    }

    @Test
    void aStopWaitsForTheWorkThatIsRunning() {
        AtomicInteger finished = new AtomicInteger();
        TimerWork slow = new RecordingWork() {
            @Override
            public Optional<Instant> postDue(String postKey) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
                return Optional.empty();
            }
        };
        DurableTimers timers = timers();
        timers.postAt("slow", T);
        clock.set(T);
        timers.start(slow);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !timers.postTimers().containsKey("slow"));

        timers.stop();

        assertThat(finished).hasValue(1);
    }

    /** Records what fired. */
    private static class RecordingWork implements TimerWork {
        final List<String> posts = new CopyOnWriteArrayList<>();
        final List<Long> retries = new CopyOnWriteArrayList<>();
        final AtomicInteger replans = new AtomicInteger();
        final Map<String, Instant> later = new ConcurrentHashMap<>();

        @Override
        public Optional<Instant> postDue(String postKey) {
            posts.add(postKey);
            return Optional.ofNullable(later.remove(postKey));
        }

        @Override
        public void retryDue(long deliveryId) {
            retries.add(deliveryId);
        }

        @Override
        public void replan() {
            replans.incrementAndGet();
        }
    }
}
