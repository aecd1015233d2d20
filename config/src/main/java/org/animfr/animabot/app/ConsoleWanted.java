package org.animfr.animabot.app;

import java.util.List;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The console runs when {@code animabot.console.enabled} says so, or, when that key is not set, when no other
 * platform is configured: a bare start gives a bot to talk to, a server deployment does not wait on a terminal.
 */
class ConsoleWanted implements Condition {
    /** Keys whose presence means another platform is configured (later adapters add theirs). */
    static final List<String> PLATFORM_KEYS = List.of("animabot.discord.token", "animabot.matrix.homeserver");

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        Boolean forced = environment.getProperty("animabot.console.enabled", Boolean.class);
        if (forced != null) {
            return forced;
        }
        return PLATFORM_KEYS.stream().map(environment::getProperty).allMatch(v -> v == null || v.isBlank());
    }
}
