package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.animfr.animabot.core.chat.PlatformStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A platform's status as a monitor reads it in {@code /actuator/health}. */
class PlatformHealthTest {

    @Test
    void aConnectedPlatformIsUp() {
        assertThat(MonitoringConfiguration.health(PlatformStatus.CONNECTED).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aPlatformReconnectingIsOutOfServiceWithTheReason() {
        Health health = MonitoringConfiguration.health(PlatformStatus.reconnecting("Discord gateway: reconnect_queued"));

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("state", "reconnecting")
                .containsEntry("reason", "Discord gateway: reconnect_queued");
    }

    @Test
    void aFailingPlatformIsDownWithWhatToFix() {
        Health health = MonitoringConfiguration.health(
                PlatformStatus.failing("Discord refused the bot token: check DISCORD_TOKEN"));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "Discord refused the bot token: check DISCORD_TOKEN");
    }

    @Test
    void aStartingPlatformIsUnknownAndAStoppedOneOutOfService() {
        assertThat(MonitoringConfiguration.health(PlatformStatus.STARTING).getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(MonitoringConfiguration.health(PlatformStatus.STOPPED).getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
    }
}
