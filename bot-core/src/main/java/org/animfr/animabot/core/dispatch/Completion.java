package org.animfr.animabot.core.dispatch;

/**
 * Where suggestions for a parameter's value come from, while a person is still typing it (Discord's
 * autocomplete). A {@link Completions} source answers for each.
 */
public enum Completion {
    /** No suggestions. */
    NONE,
    /** The sessions of the catalog. */
    SESSIONS,
    /** The weeks of the session named by the command's {@code session} argument, or of the current session. */
    WEEKS
}
