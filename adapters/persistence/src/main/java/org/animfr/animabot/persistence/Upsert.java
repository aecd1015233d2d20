package org.animfr.animabot.persistence;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Update-then-insert and insert-if-absent that work the same on H2 and PostgreSQL, which share no upsert syntax.
 * When two callers insert the same key at once, the loser's insert fails on the primary key
 * and it retries as an update, or finds the row there. Each statement runs in its own auto-committed transaction:
 * inside a transaction PostgreSQL would refuse every statement after the failed insert.
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

    /**
     * Runs {@code insert} unless {@code present} finds the row; true when it inserted. Looking first spares the
     * database a failed insert (and PostgreSQL an error in its log) in the usual case where the row is there.
     */
    static boolean insertIfAbsent(BooleanSupplier present, Runnable insert) {
        if (present.getAsBoolean()) {
            return false;
        }
        try {
            insert.run();
            return true;
        } catch (DuplicateKeyException racedWithAnotherInsert) {
            // another caller inserted the same row between the look and the insert: it is there, as wanted
            return false;
        }
    }
}
