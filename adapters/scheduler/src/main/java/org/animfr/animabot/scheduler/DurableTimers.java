package org.animfr.animabot.scheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient.ScheduleOptions;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.delivery.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link Timers} on db-scheduler: each post and each retry is a one-time task in the database
 * ({@code scheduled_tasks}, created by the application's Flyway migration), executed by exactly one instance when
 * its time comes by the application's clock, even late after a downtime; an execution whose instance died (no
 * heartbeat) is picked up again by another. A recurring task replans regularly. The scheduler's clock is the
 * application's, so a running demo clock or a test clock moves scheduling time too; due times are computed by the
 * core, db-scheduler only triggers. Thread-safe.
 */
public final class DurableTimers implements Timers {
    private static final Logger LOG = LoggerFactory.getLogger(DurableTimers.class);
    static final String POST = "post";
    static final String RETRY = "delivery-retry";
    static final String REPLAN = "replan";

    /**
     * How the scheduler runs.
     *
     * @param pollingInterval how often it looks for due tasks: the delay from a post's time to its sending
     * @param heartbeatInterval how often a running instance says it is alive
     * @param missedHeartbeats after how many missed heartbeats an instance's executions are taken over
     * @param threads how many tasks run at once
     * @param replanEvery how often the timers are checked against the data
     * @param shutdownWait how long a stop waits for running tasks to finish
     */
    public record Settings(Duration pollingInterval, Duration heartbeatInterval, int missedHeartbeats, int threads,
            Duration replanEvery, Duration shutdownWait) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(500), Duration.ofSeconds(5), 4, 8,
                Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    private final Scheduler scheduler;
    private final CustomTask<Void> post;
    private final OneTimeTask<Void> retry;
    private volatile TimerWork work;
    private volatile Consumer<Duration> lateness = late -> {};

    public DurableTimers(DataSource dataSource, Clock clock, Settings settings) {
        FailureHandler<Void> later = new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10));
        // db-scheduler's own revival sets a dead execution to the system's time, not to the scheduler's clock: with a
        // demo or test clock the execution of a killed instance would wait years; this one runs it at once
        DeadExecutionHandler<Void> revive = (dead, operations) -> {
            LOG.info("Taking over {} from an instance that stopped answering", dead.getExecution().taskInstance.getTaskAndInstance());
            operations.reschedule(dead, clock.instant());
        };
        // a post fired before the time the data now gives it sets itself again, from inside its own execution
        this.post = Tasks.custom(POST, Void.class).onFailure(later).onDeadExecution(revive)
                .execute((instance, context) -> late(clock, context).work().postDue(instance.getId())
                        .<CompletionHandler<Void>>map(due -> (done, operations) -> operations.reschedule(done, due))
                        .orElseGet(CompletionHandler.OnCompleteRemove::new));
        this.retry = Tasks.oneTime(RETRY).onFailure(later).onDeadExecution(revive)
                .execute((instance, context) -> late(clock, context).work().retryDue(deliveryOf(instance.getId())));
        RecurringTask<Void> replan = Tasks.recurring(REPLAN, FixedDelay.of(settings.replanEvery())).onDeadExecution(revive)
                .execute((instance, context) -> work().replan());
        this.scheduler = Scheduler.create(dataSource, post, retry)
                .startTasks(replan)
                .clock(clock::instant)
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .threads(settings.threads())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                .build();
    }

    /** Tells {@code listener} how late each post or retry runs after its time (the scheduler's lag). */
    public void measureLateness(Consumer<Duration> listener) {
        this.lateness = listener;
    }

    private DurableTimers late(Clock clock, ExecutionContext context) {
        Duration late = Duration.between(context.getExecution().getExecutionTime(), clock.instant());
        lateness.accept(late.isNegative() ? Duration.ZERO : late);
        return this;
    }

    private TimerWork work() {
        TimerWork current = work;
        if (current == null) {
            throw new IllegalStateException("A timer fired before the timers were started");
        }
        return current;
    }

    /** Starts running due tasks with the core's work, after a first replan. */
    public void start(TimerWork timerWork) {
        this.work = Objects.requireNonNull(timerWork, "timerWork");
        try {
            timerWork.replan();
        } catch (RuntimeException e) {
            LOG.warn("Could not plan the automatic posts at start; the regular replan will try again", e);
        }
        scheduler.start();
    }

    /** Stops looking for due tasks, and waits (at most the settings' wait) for running ones to finish. */
    public void stop() {
        scheduler.stop();
    }

    @Override
    public void postAt(String postKey, Instant at) {
        try {
            scheduler.schedule(SchedulableInstance.of(post.instance(postKey), at), ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // it is firing right now; if the data moved it, its execution sets it again
            LOG.debug("The timer of {} is firing; not moved", postKey);
        }
    }

    @Override
    public void cancelPost(String postKey) {
        try {
            scheduler.cancel(TaskInstanceId.of(POST, postKey));
        } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
            LOG.debug("No timer to cancel for {} ({})", postKey, e.getClass().getSimpleName());
        }
    }

    @Override
    public Map<String, Instant> postTimers() {
        Map<String, Instant> timers = new HashMap<>();
        scheduler.getScheduledExecutionsForTask(POST).forEach(execution ->
                timers.put(execution.getTaskInstance().getId(), execution.getExecutionTime()));
        return timers;
    }

    /**
     * Each retry is its own task instance ({@code <delivery>@<instant>}): a retry that fails sets the next one from
     * inside its own execution, which db-scheduler would not let it reschedule.
     */
    @Override
    public void retryAt(long deliveryId, Instant at) {
        scheduler.schedule(SchedulableInstance.of(retry.instance(deliveryId + "@" + at.toEpochMilli()), at),
                ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
    }

    private static long deliveryOf(String instance) {
        int at = instance.indexOf('@');
        return Long.parseLong(at < 0 ? instance : instance.substring(0, at));
    }
}
