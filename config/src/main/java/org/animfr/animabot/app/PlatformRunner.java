package org.animfr.animabot.app;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.scheduler.DurableTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Starts every configured platform with the dispatcher once the application is ready, and makes it one of the
 * running platforms the core posts to; then the durable timers of the automatic posts, so that a post due at start
 * finds its platforms. When the console is the only platform, it waits for the end of its input, so that piped
 * questions are all answered before the application exits. On stop (SIGTERM included) the timers stop first and let
 * the posts being sent finish, while the platforms and the database are still there; what a stop cuts short stays
 * recorded as pending and is sent on the next start.
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
    private volatile boolean timersStarted;
    private volatile boolean finishedWithConsole;

    private final ApplicationEventPublisher events;

    PlatformRunner(List<ChatPlatform> platforms, ChatPlatforms running, ObjectProvider<ConsoleChatPlatform> console,
            Animabot animabot, DurableTimers timers, ApplicationEventPublisher events) {
        this.events = events;
        this.platforms = platforms;
        this.running = running;
        this.console = Optional.ofNullable(console.getIfAvailable());
        this.dispatcher = animabot.dispatcher();
        this.timers = timers;
        this.automaticPosts = animabot.timerWork();
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (ChatPlatform platform : platforms) {
            running.add(platform);
            platform.start(dispatcher);
            LOG.info("Platform {} started", platform.name());
        }
        timers.start(automaticPosts);
        timersStarted = true;
        if (console.isPresent() && platforms.size() == 1) {
            // the runner holds the main thread until the input ends, which Spring would count as still starting
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
            console.get().awaitEndOfInput();
            finishedWithConsole = true;
        }
    }

    boolean finishedWithConsole() {
        return finishedWithConsole;
    }

    @Override
    public void destroy() {
        if (timersStarted) {
            timers.stop();
        }
        platforms.forEach(ChatPlatform::stop);
    }
}
