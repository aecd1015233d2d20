package org.animfr.animabot.core.chat.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The growing delays an adapter waits between attempts. */
class BackoffTest {

    @Test
    void delaysStartAtTheFirstAndDoubleUpToTheLongest() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(delays(backoff, 7)).containsExactly(seconds(2), seconds(4), seconds(8), seconds(16), seconds(30),
                seconds(30), seconds(30));
    }

    @Test
    void aResetGoesBackToTheFirstDelay() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        delays(backoff, 6);

        backoff.reset();

        assertThat(delays(backoff, 3)).containsExactly(seconds(2), seconds(4), seconds(8));
    }

    @Test
    void aFirstDelayEqualToTheLongestNeverGrows() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertThat(delays(backoff, 3)).containsOnly(seconds(5));
    }

    @Test
    void aFirstDelayLongerThanTheLongestIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroOrNegativeFirstDelayIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedPauseSaysSoAndKeepsTheInterruptFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThat(Backoff.pause(Duration.ofSeconds(10))).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aShortPauseCompletes() {
        assertThat(Backoff.pause(Duration.ofMillis(1))).isTrue();
    }

    private static List<Duration> delays(Backoff backoff, int count) {
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(backoff.next());
        }
        return delays;
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
