package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A few requests under way at once, the others waiting their turn in order. */
class InFlightTest {
    private final InFlight inFlight = new InFlight(2);
    private final List<CompletableFuture<String>> started = new ArrayList<>();

    private CompletableFuture<String> request() {
        return inFlight.submit(() -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            started.add(answer);
            return answer;
        });
    }

    @Test
    void beyondTheLimitARequestWaitsUntilAnotherEndsThenStartsInOrder() {
        CompletableFuture<String> first = request();
        request();
        CompletableFuture<String> third = request();
        request();
        assertThat(started).hasSize(2);
        assertThat(inFlight.waiting()).isEqualTo(2);

        started.get(0).complete("$one");

        assertThat(first).isCompletedWithValue("$one");
        assertThat(started).hasSize(3);
        started.get(2).complete("$three");
        assertThat(third).isCompletedWithValue("$three");
        assertThat(started).hasSize(4);
    }

    @Test
    void aFailedOrThrowingRequestFreesItsPlaceAndFailsOnlyItself() {
        CompletableFuture<String> thrown = inFlight.submit(() -> {
            throw new IllegalStateException("bridge closed");
        });
        CompletableFuture<String> failing = request();
        CompletableFuture<String> next = request();

        started.get(0).completeExceptionally(new IllegalStateException("M_FORBIDDEN"));

        assertThat(thrown).isCompletedExceptionally();
        assertThat(failing).isCompletedExceptionally();
        assertThat(started).hasSize(2);
        started.get(1).complete("$next");
        assertThat(next).isCompletedWithValue("$next");
    }
}
