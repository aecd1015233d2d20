package org.animfr.animabot.matrix;

import java.time.Duration;

/** Receives what the sync loop brings. Called on the loop's thread, one call at a time. */
interface SyncListener {

    /**
     * One sync response. The loop asks for the next one when this returns, so implementations hand long work to
     * other threads; an exception thrown here makes the loop fetch the same batch again.
     */
    void onBatch(SyncBatch batch);

    /** A sync request failed; the loop tries again after {@code retryIn}. */
    void onError(Throwable error, Duration retryIn);
}
