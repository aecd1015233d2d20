package org.animfr.animabot.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The right to hold the platform connections and the schedules when several instances share one database: a row
 * of Spring Integration's lock table ({@code INT_LOCK}, migration V6) that its holder renews before it expires,
 * through {@link DefaultLockRepository}, the repository of Spring Integration's {@code JdbcLockRegistry}.
 *
 * <p>One thread keeps it: it takes the lease when it is free or has expired, then renews it every
 * {@link Settings#renewEvery}. Holding it, it runs {@code onHeld} once, on a thread of its own. It loses it when another instance holds the
 * row (the renewal finds it taken) or when no renewal succeeded for {@link Settings#giveUpAfter} (the database is out
 * of reach): it then runs {@code onLost}, which must stop answering at once, well before the lease expires for the
 * others ({@link Settings#timeToLive}). A stop releases the row, so that a standby takes over at its next try.
 * An instance killed outright leaves the row until it expires: the standby takes over after the time to live.
 *
 * <p>Expiry is read from each instance's clock (the system clock, whatever the bot's own clock says): instances must
 * keep their clocks in sync (NTP) to within a fraction of the time to live. Thread-safe.
 */
public final class PlatformLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformLease.class);
    /** The lease of an instance that holds every platform, the whole Discord gateway included. */
    public static final String WHOLE = "animabot-platforms";

    /**
     * @param timeToLive how long the lease lasts without renewal: how long a standby waits after a crash
     * @param renewEvery how often the holder renews it and a standby tries to take it
     * @param giveUpAfter after how long without a renewal the holder stops, shorter than {@code timeToLive} by at
     *     least the time the platforms take to stop
     */
    public record Settings(Duration timeToLive, Duration renewEvery, Duration giveUpAfter) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(12), Duration.ofSeconds(2),
                Duration.ofSeconds(5));

        public Settings {
            Objects.requireNonNull(timeToLive, "timeToLive");
            Objects.requireNonNull(renewEvery, "renewEvery");
            Objects.requireNonNull(giveUpAfter, "giveUpAfter");
            if (renewEvery.compareTo(giveUpAfter) >= 0 || giveUpAfter.compareTo(timeToLive) >= 0) {
                throw new IllegalArgumentException("The lease needs renew-every < give-up-after < time-to-live, got "
                        + renewEvery + ", " + giveUpAfter + ", " + timeToLive);
            }
        }
    }

    /** Where this instance stands. */
    public enum Standing {
        /** Not trying yet. */
        IDLE,
        /** Another instance holds the lease; this one is ready to take over. */
        STANDBY,
        /** This instance holds the lease. */
        ACTIVE,
        /** This instance lost the lease and stopped answering. */
        LOST,
        /** Stopped and released. */
        STOPPED
    }

    private final DefaultLockRepository repository;
    private final String key;
    private final String instanceId;
    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile Standing standing = Standing.IDLE;
    private volatile Thread keeper;

    public PlatformLease(DataSource dataSource, PlatformTransactionManager transactions, Settings settings) {
        this(dataSource, transactions, settings, WHOLE);
    }

    /**
     * A lease of its own for a part of the platforms (a range of Discord shards): the instances given the same key
     * share one, the others hold theirs at the same time.
     */
    public PlatformLease(DataSource dataSource, PlatformTransactionManager transactions, Settings settings,
            String key) {
        this.key = Objects.requireNonNull(key, "key");
        this.instanceId = UUID.randomUUID().toString();
        this.settings = settings;
        this.repository = new DefaultLockRepository(dataSource, instanceId);
        repository.setRegion("animabot");
        repository.setTimeToLive(Math.toIntExact(settings.timeToLive().toMillis()));
        repository.setTransactionManager(transactions);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        repository.start();
    }

    /** What this lease is for: {@link #WHOLE}, or a range of Discord shards. */
    public String key() {
        return key;
    }

    /** This instance's id in the lock table ({@code CLIENT_ID}). */
    public String instanceId() {
        return instanceId;
    }

    public Standing standing() {
        return standing;
    }

    /**
     * Starts keeping the lease on a thread of its own: {@code onHeld} runs once the lease is taken (on another
     * thread, so that renewals go on), and {@code onLost} if it is lost; the thread ends after a loss or
     * {@link #close()}.
     */
    public synchronized void keep(Runnable onHeld, Runnable onLost) {
        if (keeper != null) {
            throw new IllegalStateException("The lease is already kept");
        }
        standing = Standing.STANDBY;
        keeper = new Thread(() -> run(onHeld, onLost), "platform-lease");
        keeper.setDaemon(true);
        keeper.start();
    }

    /** Waits until this instance holds the lease; false if it did not within {@code timeout}. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run(Runnable onHeld, Runnable onLost) {
        boolean announcedStandby = false;
        Instant renewed = null;
        while (!Thread.currentThread().isInterrupted() && standing != Standing.STOPPED) {
            try {
                if (standing != Standing.ACTIVE) {
                    if (repository.acquire(key)) {
                        renewed = clock.instant();
                        standing = Standing.ACTIVE;
                        LOG.info("This instance holds the platforms now (lease {}, {})", key, instanceId);
                        held.countDown();
                        // starting the platforms may take longer than the lease lasts: renewals go on meanwhile
                        Thread starting = new Thread(onHeld, "platforms-start");
                        starting.setDaemon(true);
                        starting.start();
                    } else if (!announcedStandby) {
                        LOG.info("Another instance holds the platforms ({}); this one stands by to take over", key);
                        announcedStandby = true;
                    }
                } else if (repository.renew(key)) {
                    renewed = clock.instant();
                } else {
                    lost("another instance holds the lease", onLost);
                    return;
                }
            } catch (DataAccessException e) {
                if (standing == Standing.ACTIVE
                        && Duration.between(renewed, clock.instant()).compareTo(settings.giveUpAfter()) >= 0) {
                    lost("the database did not answer for " + settings.giveUpAfter().toSeconds() + " s: " + e,
                            onLost);
                    return;
                }
                LOG.warn("Could not {} the platform lease: {}", standing == Standing.ACTIVE ? "renew" : "try",
                        e.getMessage());
            }
            try {
                Thread.sleep(settings.renewEvery().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void lost(String why, Runnable onLost) {
        standing = Standing.LOST;
        LOG.error("This instance lost the platform lease ({}): it stops answering so that only one instance does",
                why);
        onLost.run();
    }

    /** Stops renewing the lease without releasing it, as a process killed outright does (for tests). */
    void abandon() {
        Thread thread = keeper;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Stops keeping the lease and releases it if held, so that a standby takes over at its next try. */
    @Override
    public void close() {
        Standing was = standing;
        standing = Standing.STOPPED;
        Thread thread = keeper;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(settings.renewEvery().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (was == Standing.ACTIVE) {
            try {
                repository.delete(key);
                LOG.info("Released the platform lease");
            } catch (DataAccessException | IllegalStateException e) {
                LOG.warn("Could not release the platform lease; it expires in {} s: {}",
                        settings.timeToLive().toSeconds(), e.getMessage());
            }
        }
    }
}
