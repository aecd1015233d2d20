package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The sync token saved only once its batch and every batch before it are answered. */
class SyncWatermarkTest {
    private final InMemorySyncTokenStore tokens = new InMemorySyncTokenStore("s1");
    private final SyncWatermark watermark = new SyncWatermark(tokens);

    @Test
    void aTokenIsSavedOnlyOnceTheBatchesBeforeItAreAnswered() {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        watermark.read("s2", slow);
        watermark.read("s3", CompletableFuture.completedFuture(null));

        assertThat(tokens.load()).contains("s1");

        slow.complete(null);

        assertThat(tokens.load()).contains("s3");
        assertThat(watermark.owed()).isZero();
    }

    @Test
    void aBatchWhoseAnswerFailedCountsAsAnswered() {
        watermark.read("s2", CompletableFuture.failedFuture(new IllegalStateException("gone")));

        assertThat(tokens.load()).contains("s2");
    }

    @Test
    void aBlankTokenIsNeverSaved() {
        watermark.read("", CompletableFuture.completedFuture(null));

        assertThat(tokens.load()).contains("s1");
    }

    @Test
    void onceClosedNothingMoreIsSavedAndTheWaitEndsWithTheTime() throws InterruptedException {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        watermark.read("s2", slow);

        assertThat(watermark.awaitAnswered(Duration.ofMillis(50))).isFalse();
        watermark.close();
        slow.complete(null);

        assertThat(tokens.load()).contains("s1");
    }
}
