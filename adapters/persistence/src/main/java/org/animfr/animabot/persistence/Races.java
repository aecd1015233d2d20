package org.animfr.animabot.persistence;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a transaction again when it lost a race with another instance: another one inserted the same key first (the
 * database made this transaction wait for it, then refused the row), or a wait for a lock timed out or deadlocked.
 * The failed transaction is rolled back, and the next try reads what the winner committed.
 */
final class Races {

    /**
     * Tries before a failure is let out. A lost race makes the next try succeed; a conflict that persists is not a
     * race (say, an id taken by a row inserted by hand, or a lock held for minutes), and retrying it for ever would
     * hang the caller.
     */
    static final int TRIES = 5;

    private Races() {
    }

    /** The attempt's result, tried up to {@link #TRIES} times while it loses races; each try must be a transaction. */
    static <T> T retried(Supplier<T> transaction) {
        for (int tried = 1; ; tried++) {
            try {
                return transaction.get();
            } catch (DuplicateKeyException | TransientDataAccessException lostARace) {
                if (tried == TRIES) {
                    throw lostARace;
                }
            }
        }
    }
}
