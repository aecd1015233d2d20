package org.animfr.animabot.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says back.
 *
 * @param body the text, non-null
 * @param visibility whether it concerns only the asker (Discord shows it ephemeral; others post it normally)
 * @param title a title for platforms that show cards (a Discord embed), or null for a plain message;
 *     platforms without cards show it as the first line
 * @param followUps commands a person is likely to want next, shown as buttons where the platform has them;
 *     never null, possibly empty
 * @param attachment a file for platforms that take files, or null; the body says the same in words
 * @param form a longer text to ask for, for platforms that show forms (in answer to a command they parsed), or
 *     null; the body says how to type it instead
 */
public record Reply(RichText body, Visibility visibility, String title, List<FollowUp> followUps,
        Attachment attachment, Form form) {
    public Reply {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(visibility, "visibility");
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    public Reply(RichText body, Visibility visibility, String title, List<FollowUp> followUps) {
        this(body, visibility, title, followUps, null, null);
    }

    public Reply(RichText body, Visibility visibility) {
        this(body, visibility, null, List.of());
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

    /** A public card: a title over the body, with follow-ups. */
    public static Reply card(String title, RichText body, List<FollowUp> followUps) {
        return new Reply(body, Visibility.PUBLIC, title, followUps);
    }

    /** The same reply with a file attached. */
    public Reply withAttachment(Attachment file) {
        return new Reply(body, visibility, title, followUps, file, form);
    }

    /** The same reply, asking for a longer text where the platform shows forms. */
    public Reply withForm(Form asked) {
        return new Reply(body, visibility, title, followUps, attachment, asked);
    }

    /** The whole reply as plain text: the title (when there is one) on the first line, then the body. */
    public String toPlainText() {
        String text = body.toPlainText();
        return title == null ? text : title + "\n" + text;
    }

    /** Who a reply is meant for. */
    public enum Visibility {
        /** Useful to everyone in the conversation. */
        PUBLIC,
        /** Only for the person who asked: errors, settings, help. */
        PERSONAL
    }

    /**
     * A command worth offering next, such as "Voir les regroupements" under a session.
     *
     * @param label what the button says, in the person's language, non-null
     * @param call the command it runs, by language-neutral names (what a button carries), non-null
     * @param typed the same command as a person would type it in their language ({@code regroupements
     *     animacoop-7}), for platforms without buttons; non-null
     */
    public record FollowUp(String label, CommandCall call, String typed) {
        public FollowUp {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(typed, "typed");
        }
    }
}
