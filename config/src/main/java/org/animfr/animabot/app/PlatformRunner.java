package org.animfr.animabot.app;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts every configured platform with the dispatcher once the application is ready, and makes it one of the
 * running platforms the core posts to. When the console is the only platform, it waits for the end of its input, so
 * that piped questions are all answered before the application exits.
 */
@Component
class PlatformRunner implements ApplicationRunner, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformRunner.class);

    private final List<ChatPlatform> platforms;
    private final ChatPlatforms running;
    private final Optional<ConsoleChatPlatform> console;
    private final Dispatcher dispatcher;
    private volatile boolean finishedWithConsole;

    PlatformRunner(List<ChatPlatform> platforms, ChatPlatforms running, ObjectProvider<ConsoleChatPlatform> console,
            Dispatcher dispatcher) {
        this.platforms = platforms;
        this.running = running;
        this.console = Optional.ofNullable(console.getIfAvailable());
        this.dispatcher = dispatcher;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (ChatPlatform platform : platforms) {
            running.add(platform);
            platform.start(dispatcher);
            LOG.info("Platform {} started", platform.name());
        }
        if (console.isPresent() && platforms.size() == 1) {
            console.get().awaitEndOfInput();
            finishedWithConsole = true;
        }
    }

    boolean finishedWithConsole() {
        return finishedWithConsole;
    }

    @Override
    public void destroy() {
        platforms.forEach(ChatPlatform::stop);
    }
}
