package org.animfr.animabot.app;

import javax.sql.DataSource;
import org.animfr.animabot.discord.ShardRange;
import org.animfr.animabot.persistence.PlatformLease;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two instances, one brain: with the lease (PostgreSQL by default), {@link PlatformRunner} connects to the platforms
 * and starts the schedules only while this instance holds it; the other instance serves the web and stands by.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LeaseWanted.class)
class LeaseConfiguration {

    @Bean
    PlatformLease platformLease(DataSource dataSource, PlatformTransactionManager transactions,
            AnimabotProperties properties) {
        AnimabotProperties.Lease lease = properties.lease();
        return new PlatformLease(dataSource, transactions,
                new PlatformLease.Settings(lease.timeToLive(), lease.renewEvery(), lease.giveUpAfter()),
                leaseKey(properties.discord().shardRange()));
    }

    /** One lease per range of Discord shards, so that each range has one active instance and its standbys. */
    static String leaseKey(ShardRange shards) {
        return shards.isWhole() ? PlatformLease.WHOLE : PlatformLease.WHOLE + "-shards-" + shards.from() + "-"
                + shards.to() + "-of-" + shards.total();
    }

    /** {@code lease}: UP whether active or standing by (both are healthy), with which this instance is. */
    @Bean
    HealthIndicator leaseHealthIndicator(PlatformLease lease) {
        return () -> {
            PlatformLease.Standing standing = lease.standing();
            Health.Builder health = standing == PlatformLease.Standing.LOST ? Health.down() : Health.up();
            return health.withDetail("instance", lease.instanceId()).withDetail("lease", lease.key())
                    .withDetail("role", standing.name().toLowerCase(java.util.Locale.ROOT)).build();
        };
    }
}
