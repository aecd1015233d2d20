package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pace of the bot's own requests, on a clock the test moves. */
class PacerTest {
    private final AtomicLong now = new AtomicLong();
    private final Pacer pacer = new Pacer(50, now::get);

    @Test
    void fiftyRequestsGoAtOnceAndTheFiftyFirstWaitsASecondAndAMarginAfterTheFirstAnswer() {
        List<Pacer.Slot> first = takeAll();
        assertThat(first).hasSize(50);
        first.forEach(Pacer.Slot::release);

        advance(Duration.ofMillis(1049));
        assertThat(pacer.tryAcquire()).isEmpty();

        advance(Duration.ofMillis(1));
        assertThat(takeAll()).hasSize(50);
    }

    @Test
    void theWindowCountsFromTheAnswerSinceDiscordMayCountARequestAsLateAsThat() {
        List<Pacer.Slot> first = takeAll();
        advance(Duration.ofMillis(900));
        first.forEach(Pacer.Slot::release);

        advance(Duration.ofMillis(1049));
        assertThat(pacer.tryAcquire()).isEmpty();

        advance(Duration.ofMillis(1));
        assertThat(takeAll()).hasSize(50);
    }

    @Test
    void aRequestStillUnansweredKeepsItsSlotSoNoMoreThanFiftyAreEverInFlight() {
        List<Pacer.Slot> first = takeAll();
        first.subList(0, 40).forEach(Pacer.Slot::release);

        advance(Duration.ofSeconds(10));
        assertThat(takeAll()).hasSize(40);

        first.get(45).release();
        advance(Duration.ofMillis(1050));
        assertThat(takeAll()).hasSize(1);
    }

    private List<Pacer.Slot> takeAll() {
        List<Pacer.Slot> taken = new ArrayList<>();
        for (var slot = pacer.tryAcquire(); slot.isPresent(); slot = pacer.tryAcquire()) {
            taken.add(slot.get());
        }
        return taken;
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
