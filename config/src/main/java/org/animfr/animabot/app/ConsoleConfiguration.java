package org.animfr.animabot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The console adapter, on standard input and output, when no other platform is configured (or when forced). */
@Configuration(proxyBeanMethods = false)
@Conditional(ConsoleWanted.class)
class ConsoleConfiguration {

    /** Where the console reads and writes; tests replace it with files. */
    record ConsoleStreams(BufferedReader in, PrintStream out, boolean terminal) {}

    @Bean
    ConsoleStreams consoleStreams() {
        return new ConsoleStreams(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8),
                System.console() != null);
    }

    @Bean
    ConsoleChatPlatform consoleChatPlatform(ConsoleStreams streams, AnimabotProperties properties,
            Messages messages, Clock clock) {
        AnimabotProperties.Console console = properties.console();
        Language language = Language.parse(console.language()).orElse(Language.FR);
        var options = new ConsoleChatPlatform.ConsoleOptions(
                console.jsonl(), streams.terminal() && !console.jsonl(), console.speaker(), language);
        return new ConsoleChatPlatform(streams.in(), streams.out(), options, messages, clock);
    }
}
