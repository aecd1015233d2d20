package org.animfr.animabot.app;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.command.Bot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts every platform with the bot once the application is ready. When the console is the only platform,
 * it waits for the end of its input, so that piped questions are all answered before the application exits.
 */
@Component
class PlatformRunner implements ApplicationRunner, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformRunner.class);

    private final List<ChatPlatform> platforms;
    private final Optional<ConsoleChatPlatform> console;
    private final Bot bot;
    private volatile boolean finishedWithConsole;

    PlatformRunner(List<ChatPlatform> platforms, ObjectProvider<ConsoleChatPlatform> console, Bot bot) {
        this.platforms = platforms;
        this.console = Optional.ofNullable(console.getIfAvailable());
        this.bot = bot;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        for (ChatPlatform platform : platforms) {
            platform.start(bot);
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
