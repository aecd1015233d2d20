package org.animfr.animabot.app;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.EventSpaces;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.schedule.GatheringEvents;
import org.animfr.animabot.discord.DiscordChatPlatform;
import org.animfr.animabot.persistence.PlatformLease;
import org.animfr.animabot.scheduler.DurableTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Starts every configured platform with the dispatcher once the application is ready, and makes it one of the
 * running platforms the core posts to; then the durable timers of the automatic posts, so that a post due at start
 * finds its platforms. When the console is the only platform, it waits for the end of its input, so that piped
 * questions are all answered before the application exits. On stop (SIGTERM included) the timers stop first and let
 * the posts being sent finish, while the platforms and the database are still there; what a stop cuts short stays
 * recorded as pending and is sent on the next start. With the platform lease (several instances on one database),
 * all of this happens only once this instance holds the lease, and stops at once if it loses it.
 */
@Component
class PlatformRunner implements ApplicationRunner, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformRunner.class);

    private final List<ChatPlatform> platforms;
    private final ChatPlatforms running;
    private final Optional<ConsoleChatPlatform> console;
    private final Dispatcher dispatcher;
    private final DurableTimers timers;
    private final TimerWork automaticPosts;
    private final ApplicationEventPublisher events;
    private final GatheringEvents gatheringEvents;
    private final Optional<PlatformLease> lease;
    private final ConfigurableApplicationContext context;
    private final Deliveries deliveries;
    /** With several instances: takes over, once a second, the deliveries others could not make. */
    private ScheduledExecutorService handOvers;
    private volatile boolean timersStarted;
    private volatile boolean finishedWithConsole;
    private volatile boolean platformsStarted;
    private volatile boolean stopping;

    PlatformRunner(List<ChatPlatform> platforms, ChatPlatforms running, ObjectProvider<ConsoleChatPlatform> console,
            Animabot animabot, DurableTimers timers, ApplicationEventPublisher events,
            ObjectProvider<PlatformLease> lease, ConfigurableApplicationContext context) {
        this.events = events;
        this.platforms = runHere(platforms);
        if (this.platforms.size() < platforms.size()) {
            LOG.info("This instance holds Discord shards {} without shard 0: it runs them only; the other platforms "
                    + "and direct messages run with shard 0", ((DiscordChatPlatform) this.platforms.get(0)).shards());
        }
        this.running = running;
        this.console = Optional.ofNullable(console.getIfAvailable());
        this.dispatcher = animabot.dispatcher();
        this.timers = timers;
        this.automaticPosts = animabot.timerWork();
        this.gatheringEvents = animabot.gatheringEvents();
        this.deliveries = animabot.deliveries();
        this.lease = Optional.ofNullable(lease.getIfAvailable());
        this.context = context;
    }

    /**
     * The platforms this instance runs: all of them, but for an instance holding Discord shards without shard 0,
     * which runs its shards only: Matrix, the console and Discord's direct messages are the instance of shard 0's.
     */
    static List<ChatPlatform> runHere(List<ChatPlatform> platforms) {
        boolean withoutShardZero = platforms.stream().anyMatch(platform -> platform instanceof DiscordChatPlatform
                discord && !discord.shards().holdsDirectMessages());
        return withoutShardZero ? platforms.stream().filter(DiscordChatPlatform.class::isInstance).toList()
                : platforms;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (lease.isPresent()) {
            lease.get().keep(this::startPlatforms, this::stepDown);
        } else {
            startPlatforms();
        }
        if (console.isPresent() && platforms.size() == 1) {
            while (lease.isPresent() && !lease.get().awaitHeld(Duration.ofSeconds(1))) {
                if (stopping) {
                    return;
                }
            }
            // the runner holds the main thread until the input ends, which Spring would count as still starting
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            console.get().awaitEndOfInput();
            finishedWithConsole = true;
        }
    }

    /** Connects every platform, then starts the timers, so that a post due at start finds its platforms. */
    private synchronized void startPlatforms() {
        if (stopping) {
            return;
        }
        for (ChatPlatform platform : platforms) {
            running.add(platform);
            platform.start(dispatcher);
            LOG.info("Platform {} started", platform.name());
        }
        platformsStarted = true;
        timers.start(automaticPosts);
        timersStarted = true;
        if (lease.isPresent()) {
            handOvers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("hand-overs"));
            handOvers.scheduleWithFixedDelay(this::takeHandedOver, 1, 1, TimeUnit.SECONDS);
        }
        if (platforms.stream().anyMatch(EventSpaces.class::isInstance)) {
            DaemonThreads.start("gathering-events", this::showGatheringsOnceConnected);
        }
    }

    private void takeHandedOver() {
        try {
            deliveries.sendHandedOver();
        } catch (RuntimeException e) {
            LOG.warn("Could not look for the deliveries other instances handed over: {}", e.toString());
        }
    }

    private synchronized void stopHandOvers() {
        if (handOvers != null) {
            handOvers.shutdownNow();
        }
    }

    /** The servers' scheduled events follow the data from the start, once their platform is connected. */
    private void showGatheringsOnceConnected() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!stopping && System.nanoTime() < deadline) {
            boolean connected = platforms.stream().filter(EventSpaces.class::isInstance)
                    .allMatch(platform -> platform.status().isConnected());
            if (connected) {
                gatheringEvents.sync();
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The lease is lost (another instance holds it, or the database is out of reach): stop answering at once, so
     * that only the other instance does, then exit with 75 (try again later) for the service manager to restart
     * this one as a standby. What this one had under way stays recorded and the other sends it.
     */
    private void stepDown() {
        synchronized (this) {
            stopping = true;
            stopHandOvers();
            if (platformsStarted) {
                platforms.forEach(ChatPlatform::stop);
                platformsStarted = false;
            }
        }
        Thread exit = new Thread(() -> System.exit(SpringApplication.exit(context, () -> 75)), "lease-lost-exit");
        exit.start();
    }

    boolean finishedWithConsole() {
        return finishedWithConsole;
    }

    @Override
    public void destroy() {
        synchronized (this) {
            stopping = true;
            stopHandOvers();
        }
        if (timersStarted) {
            timers.stop();
        }
        if (platformsStarted) {
            platforms.forEach(ChatPlatform::stop);
        }
        // released last: the other instance takes over only once this one answers no more
        lease.ifPresent(PlatformLease::close);
    }
}
