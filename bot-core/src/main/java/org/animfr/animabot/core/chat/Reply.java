package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * What the bot says back. {@code visibility} tells adapters whether the answer concerns only the asker
 * (Discord shows it ephemeral; others post it normally).
 */
public record Reply(RichText body, Visibility visibility) {
    public Reply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(visibility, "visibility");
    }

    public static Reply of(RichText body) {
        return new Reply(body, Visibility.PUBLIC);
    }

    public static Reply personal(RichText body) {
        return new Reply(body, Visibility.PERSONAL);
    }

    public static Reply plain(String text) {
        return of(RichText.plain(text));
    }

    /** Who a reply is meant for. */
    public enum Visibility {
        /** Useful to everyone in the conversation. */
        PUBLIC,
        /** Only for the person who asked: errors, settings, help. */
        PERSONAL
    }
}
