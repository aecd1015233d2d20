package org.animfr.animabot.app;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The platform lease is kept when {@code animabot.lease.enabled} says so, or, when that key is {@code auto} (the
 * default), on PostgreSQL, where several instances may share the database. H2 is a file one process owns: a single
 * instance needs no lease, and restarts without waiting for a killed one's lease to expire.
 */
class LeaseWanted implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        String enabled = environment.getProperty("animabot.lease.enabled", "auto").strip();
        if (!enabled.equalsIgnoreCase("auto")) {
            return Boolean.parseBoolean(enabled);
        }
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
    }
}
