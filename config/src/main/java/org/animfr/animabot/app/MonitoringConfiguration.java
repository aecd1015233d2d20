package org.animfr.animabot.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.scheduler.DurableTimers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a monitor reads on the management port: {@code /actuator/health} with one indicator per platform (from the
 * port's status) and the catalog (its last reload), besides the database and Spring's liveness and readiness; and
 * {@code /actuator/prometheus} with the core's metrics, the outbox's backlog and the scheduler's lateness.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    BotMetrics botMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? BotMetrics.NONE : new MicrometerBotMetrics(meters);
    }

    /** {@code platforms}: one entry per configured platform, named as the platform names itself. */
    @Bean
    HealthContributor platformsHealthContributor(List<ChatPlatform> platforms) {
        Map<String, HealthIndicator> each = new LinkedHashMap<>();
        // only those this instance runs: another shard's instance runs Matrix
        for (ChatPlatform platform : PlatformRunner.runHere(platforms)) {
            each.put(platform.name(), () -> health(platform.status()));
        }
        return CompositeHealthContributor.fromMap(each);
    }

    /**
     * Connected is UP; starting is UNKNOWN; reconnecting or stopped is OUT_OF_SERVICE; failing (refused token,
     * unreachable server) is DOWN; with the reason the adapter gives, which never holds a secret.
     */
    static Health health(PlatformStatus status) {
        Health.Builder health = switch (status.state()) {
            case CONNECTED -> Health.up();
            case STARTING -> Health.unknown();
            case RECONNECTING, STOPPED -> Health.outOfService();
            case FAILING -> Health.down();
        };
        health.withDetail("state", status.state().name().toLowerCase(Locale.ROOT));
        if (status.reason() != null) {
            health.withDetail("reason", status.reason());
        }
        return health.build();
    }

    /**
     * {@code catalog}: UP while the bot has data to answer from, with what the last reload read and the problems
     * it rejected files for (the bot then keeps answering from the files it accepted).
     */
    @Bean
    HealthIndicator catalogHealthIndicator(LiveCatalog catalog, Messages messages) {
        return () -> {
            Catalog current = catalog.get();
            Language language = current.network().language();
            Health.Builder health = current.sessions().isEmpty() ? Health.unknown() : Health.up();
            health.withDetail("sessions", current.sessions().size());
            catalog.lastReport().ifPresent(report -> {
                health.withDetail("lastReload", report.clean() ? "accepted" : "rejected in part");
                if (!report.clean()) {
                    health.withDetail("problems",
                            report.problems().stream().map(p -> p.describe(messages, language)).toList());
                }
            });
            return health.build();
        };
    }

    /**
     * {@code animabot.outbox.backlog}: deliveries still to be sent; {@code animabot.scheduler.lateness}: how late
     * posts and retries run after their time.
     */
    @Bean
    MeterBinder automaticPostsMeters(Outbox outbox, DurableTimers timers) {
        return meters -> {
            Gauge.builder("animabot.outbox.backlog", outbox, Outbox::pendingCount)
                    .description("Deliveries of what the bot sends on its own still to be sent").register(meters);
            Timer lateness = Timer.builder("animabot.scheduler.lateness")
                    .description("How late posts and retries run after their time").publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(10))
                    .register(meters);
            timers.measureLateness(lateness::record);
        };
    }
}
