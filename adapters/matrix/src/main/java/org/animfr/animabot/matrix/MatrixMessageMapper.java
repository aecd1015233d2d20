package org.animfr.animabot.matrix;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Attachment;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichTextRenderer;
import org.animfr.animabot.core.chat.spi.TextSanitizer;
import org.animfr.animabot.matrix.bridge.FileMessage;
import org.animfr.animabot.matrix.bridge.Notice;

/**
 * Turns the core's replies into Matrix messages: an {@code m.notice} with {@code org.matrix.custom.html} in which
 * every text is HTML-escaped (bold as {@code <strong>}, lists as {@code <ul>}, links as {@code <a href>}, the title
 * as a bold first line, follow-ups as "→ command" lines a person can type: with the command prefix in a room, as
 * is in a direct chat) and a plain {@code body} with the same lines; and a reply's file as an {@code m.file}.
 */
final class MatrixMessageMapper {
    static final String FOLLOW_UP_ARROW = "→ ";

    private MatrixMessageMapper() {}

    /**
     * The notice for a reply, in reply to an event and in a thread when they are given (null otherwise).
     *
     * @param mentioned the users it notifies
     * @param commandPrefix what a typed command starts with in this conversation ({@code "!anim"} in a room), or
     *     null in a direct chat, where nothing is needed
     */
    static Notice notice(Reply reply, String inReplyTo, String threadRoot, Set<String> mentioned,
            String commandPrefix) {
        return new Notice(plain(reply, commandPrefix), html(reply, commandPrefix), inReplyTo, threadRoot, mentioned);
    }

    /** The {@code m.file} of a reply's attachment, once uploaded to {@code url}, next to its notice. */
    static FileMessage file(Attachment attachment, String url, String inReplyTo, String threadRoot) {
        return new FileMessage(TextSanitizer.clean(attachment.fileName()).strip(), attachment.mediaType(),
                attachment.bytes().length, url, inReplyTo, threadRoot);
    }

    /** The plain {@code body} in a direct chat. */
    static String plain(Reply reply) {
        return plain(reply, null);
    }

    /** The plain {@code body}: the title line, the text, then one line per follow-up. */
    static String plain(Reply reply, String commandPrefix) {
        StringBuilder out = new StringBuilder(TextSanitizer.clean(reply.toPlainText()));
        for (Reply.FollowUp followUp : reply.followUps()) {
            out.append('\n').append(FOLLOW_UP_ARROW).append(TextSanitizer.clean(typed(followUp, commandPrefix)));
        }
        return out.toString();
    }

    /** The {@code formatted_body} in a direct chat. */
    static String html(Reply reply) {
        return html(reply, null);
    }

    /** The {@code formatted_body}. */
    static String html(Reply reply, String commandPrefix) {
        StringBuilder out = new StringBuilder();
        if (reply.title() != null) {
            out.append("<p><strong>").append(HtmlRenderer.escape(reply.title())).append("</strong></p>");
        }
        out.append(reply.body().render(HtmlRenderer.INSTANCE));
        for (Reply.FollowUp followUp : reply.followUps()) {
            out.append("<p>").append(HtmlRenderer.escape(FOLLOW_UP_ARROW + typed(followUp, commandPrefix)))
                    .append("</p>");
        }
        return out.toString();
    }

    private static String typed(Reply.FollowUp followUp, String commandPrefix) {
        return commandPrefix == null ? followUp.typed() : commandPrefix + " " + followUp.typed();
    }

    /** Rich text as the HTML Matrix clients show: every text escaped, links only to safe schemes. Stateless. */
    static final class HtmlRenderer implements RichTextRenderer {
        static final HtmlRenderer INSTANCE = new HtmlRenderer();
        private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?|mailto|matrix):.*");

        private HtmlRenderer() {}

        @Override
        public String plain(String text) {
            return escape(text);
        }

        @Override
        public String bold(String text) {
            return "<strong>" + escape(text) + "</strong>";
        }

        @Override
        public String link(String label, String url) {
            String cleanUrl = TextSanitizer.clean(url).strip();
            if (!SAFE_URL.matcher(cleanUrl).matches()) {
                // javascript: and the like stay visible as text, never clickable
                return escape(label.equals(url) ? cleanUrl : label + " (" + cleanUrl + ")");
            }
            return "<a href=\"" + escape(cleanUrl) + "\">" + escape(label) + "</a>";
        }

        @Override
        public String paragraph(List<String> spans) {
            return "<p>" + String.join("", spans) + "</p>";
        }

        @Override
        public String bulletList(List<List<String>> items) {
            StringBuilder out = new StringBuilder("<ul>");
            items.forEach(item -> out.append("<li>").append(String.join("", item)).append("</li>"));
            return out.append("</ul>").toString();
        }

        @Override
        public String document(List<String> blocks) {
            return String.join("", blocks);
        }

        /** Text shown as typed: HTML's special characters escaped, invisible characters removed, newlines kept. */
        static String escape(String text) {
            String cleaned = TextSanitizer.clean(text);
            StringBuilder out = new StringBuilder(cleaned.length() + 16);
            for (int i = 0; i < cleaned.length(); i++) {
                char c = cleaned.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    case '\n' -> out.append("<br>");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
