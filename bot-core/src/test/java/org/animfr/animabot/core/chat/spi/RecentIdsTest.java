package org.animfr.animabot.core.chat.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void anIdIsNewOnlyOnce() {
        RecentIds recent = new RecentIds(10);

        assertThat(recent.firstTime("event-1")).isTrue();
        assertThat(recent.firstTime("event-1")).isFalse();
    }

    @Test
    void theOldestIdsAreForgottenBeyondTheCapacity() {
        RecentIds recent = new RecentIds(2);
        recent.firstTime("a");
        recent.firstTime("b");
        recent.firstTime("c");

        assertThat(recent.firstTime("a")).isTrue();
        assertThat(recent.firstTime("c")).isFalse();
    }
}
