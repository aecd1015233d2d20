package org.animfr.animabot.persistence;

import java.util.function.IntSupplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Update-then-insert that works the same on H2 and PostgreSQL, which share no upsert syntax.
 * When two callers insert the same key at once, the loser's insert fails on the primary key
 * and it retries as an update. Each statement runs in its own auto-committed transaction.
 */
final class Upsert {

    private Upsert() {
    }

    /**
     * Runs {@code update}; when it touched no row, runs {@code insert}; when the insert lost a race, starts again.
     */
    static void updateOrInsert(IntSupplier update, Runnable insert) {
        while (true) {
            if (update.getAsInt() > 0) {
                return;
            }
            try {
                insert.run();
                return;
            } catch (DuplicateKeyException racedWithAnotherInsert) {
                // the row exists now: the next update will find it
            }
        }
    }
}
