package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Two instances' leases on one PostgreSQL schema (as two processes would hold them): one is active, the other
 * stands by and takes over when the first releases it or stops renewing it; an instance that finds its lease taken
 * steps down.
 */
@EnabledIfEnvironmentVariable(named = PostgresPersistenceTest.URL_VARIABLE, matches = ".+")
class PostgresPlatformLeaseTest {
    private static final PlatformLease.Settings FAST = new PlatformLease.Settings(Duration.ofMillis(1500),
            Duration.ofMillis(200), Duration.ofMillis(700));

    private TestDatabases.PostgresSchema database;
    private PlatformLease first;
    private PlatformLease second;
    private final AtomicInteger firstHeld = new AtomicInteger();
    private final AtomicInteger firstLost = new AtomicInteger();
    private final AtomicInteger secondHeld = new AtomicInteger();
    private final AtomicInteger secondLost = new AtomicInteger();

    @BeforeEach
    void twoInstances() {
        database = TestDatabases.freshPostgresSchema();
        first = lease();
        second = lease();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void oneInstanceHoldsThePlatformsAndTheOtherStandsBy() throws Exception {
        first.keep(firstHeld::incrementAndGet, firstLost::incrementAndGet);
        assertThat(first.awaitHeld(Duration.ofSeconds(5))).isTrue();
        second.keep(secondHeld::incrementAndGet, secondLost::incrementAndGet);

        Thread.sleep(FAST.timeToLive().toMillis() * 2);

        assertThat(first.standing()).isEqualTo(PlatformLease.Standing.ACTIVE);
        assertThat(second.standing()).isEqualTo(PlatformLease.Standing.STANDBY);
        await().atMost(Duration.ofSeconds(2)).until(() -> firstHeld.get() == 1);
        assertThat(secondHeld.get()).isZero();
        assertThat(firstLost.get() + secondLost.get()).isZero();
    }

    @Test
    void aStoppedInstanceReleasesItsLeaseAndTheStandbyTakesOverAtItsNextTry() throws Exception {
        first.keep(firstHeld::incrementAndGet, firstLost::incrementAndGet);
        assertThat(first.awaitHeld(Duration.ofSeconds(5))).isTrue();
        second.keep(secondHeld::incrementAndGet, secondLost::incrementAndGet);

        first.close();

        assertThat(second.awaitHeld(FAST.renewEvery().multipliedBy(5))).isTrue();
        assertThat(second.standing()).isEqualTo(PlatformLease.Standing.ACTIVE);
    }

    @Test
    void aSilentInstancesLeaseExpiresAndTheStandbyTakesOver() throws Exception {
        first.keep(firstHeld::incrementAndGet, firstLost::incrementAndGet);
        assertThat(first.awaitHeld(Duration.ofSeconds(5))).isTrue();
        second.keep(secondHeld::incrementAndGet, secondLost::incrementAndGet);

        // a process killed outright: nothing renews its lease any more, nothing releases it
        freeze(first);

        assertThat(second.awaitHeld(FAST.timeToLive().plus(Duration.ofSeconds(3)))).isTrue();
    }

    @Test
    void anInstanceThatFindsItsLeaseTakenStepsDown() throws Exception {
        first.keep(firstHeld::incrementAndGet, firstLost::incrementAndGet);
        assertThat(first.awaitHeld(Duration.ofSeconds(5))).isTrue();

        JdbcClient.create(database.pool()).sql("UPDATE int_lock SET client_id = :other")
                .param("other", "00000000-0000-0000-0000-000000000000").update();

        await().atMost(Duration.ofSeconds(3)).until(() -> firstLost.get() == 1);
        assertThat(first.standing()).isEqualTo(PlatformLease.Standing.LOST);
    }

    @Test
    void theInstancesOfTwoShardRangesAreBothActiveAndEachRangeHasItsStandby() throws Exception {
        PlatformLease firstRange = first;
        PlatformLease secondRange = lease("animabot-platforms-shards-1-1-of-2");
        PlatformLease secondRangeStandby = lease("animabot-platforms-shards-1-1-of-2");
        try {
            firstRange.keep(firstHeld::incrementAndGet, firstLost::incrementAndGet);
            secondRange.keep(secondHeld::incrementAndGet, secondLost::incrementAndGet);
            assertThat(firstRange.awaitHeld(Duration.ofSeconds(5))).isTrue();
            assertThat(secondRange.awaitHeld(Duration.ofSeconds(5))).isTrue();
            secondRangeStandby.keep(() -> { }, () -> { });

            Thread.sleep(FAST.timeToLive().toMillis() * 2);

            assertThat(secondRangeStandby.standing()).isEqualTo(PlatformLease.Standing.STANDBY);
            secondRange.close();
            assertThat(secondRangeStandby.awaitHeld(FAST.renewEvery().multipliedBy(5))).isTrue();
            assertThat(firstRange.standing()).as("another range's takeover leaves this one alone")
                    .isEqualTo(PlatformLease.Standing.ACTIVE);
            assertThat(firstLost.get() + secondLost.get()).isZero();
        } finally {
            secondRange.close();
            secondRangeStandby.close();
        }
    }

    private PlatformLease lease() {
        return lease(PlatformLease.WHOLE);
    }

    private PlatformLease lease(String key) {
        return new PlatformLease(database.pool(), new JdbcTransactionManager(database.pool()), FAST, key);
    }

    /** Stops renewing without releasing, as SIGKILL would. */
    private static void freeze(PlatformLease lease) {
        lease.abandon();
    }
}
