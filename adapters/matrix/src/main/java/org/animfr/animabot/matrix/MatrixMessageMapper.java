package org.animfr.animabot.matrix;

import java.util.List;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;

/**
 * Turns the core's replies into the two bodies of a Matrix message: {@code org.matrix.custom.html} with every text
 * HTML-escaped (bold as {@code <strong>}, lists as {@code <ul>}, links as {@code <a href>}, the title as a bold
 * first line, follow-ups as "→ command" lines), and the plain {@code body} with the same lines.
 */
final class MatrixMessageMapper {
    static final String FOLLOW_UP_ARROW = "→ ";
    /** Zero-width, joiners, bidirectional overrides: invisible characters that can disguise text. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)(https?|mailto|matrix):.*");

    private MatrixMessageMapper() {}

    /** The plain {@code body}: the title line, the text, then one line per follow-up. */
    static String plain(Reply reply) {
        StringBuilder out = new StringBuilder(clean(reply.toPlainText()));
        for (Reply.FollowUp followUp : reply.followUps()) {
            out.append('\n').append(FOLLOW_UP_ARROW).append(clean(followUp.command()));
        }
        return out.toString();
    }

    /** The {@code formatted_body}. */
    static String html(Reply reply) {
        StringBuilder out = new StringBuilder();
        if (reply.title() != null) {
            out.append("<p><strong>").append(escape(reply.title())).append("</strong></p>");
        }
        out.append(html(reply.body()));
        for (Reply.FollowUp followUp : reply.followUps()) {
            out.append("<p>").append(escape(FOLLOW_UP_ARROW + followUp.command())).append("</p>");
        }
        return out.toString();
    }

    static String html(RichText text) {
        StringBuilder out = new StringBuilder();
        for (RichText.Block block : text.blocks()) {
            if (block instanceof RichText.Paragraph paragraph) {
                out.append("<p>").append(spans(paragraph.spans())).append("</p>");
            } else if (block instanceof RichText.BulletList list) {
                out.append("<ul>");
                for (List<RichText.Span> item : list.items()) {
                    out.append("<li>").append(spans(item)).append("</li>");
                }
                out.append("</ul>");
            }
        }
        return out.toString();
    }

    private static String spans(List<RichText.Span> spans) {
        StringBuilder out = new StringBuilder();
        for (RichText.Span span : spans) {
            if (span instanceof RichText.Plain plain) {
                out.append(escape(plain.text()));
            } else if (span instanceof RichText.Bold bold) {
                out.append("<strong>").append(escape(bold.text())).append("</strong>");
            } else if (span instanceof RichText.Link link) {
                out.append(link(link));
            }
        }
        return out.toString();
    }

    private static String link(RichText.Link link) {
        String url = clean(link.url()).strip();
        if (!SAFE_URL.matcher(url).matches()) {
            // javascript: and the like stay visible as text, never clickable
            return escape(link.label().equals(link.url()) ? url : link.label() + " (" + url + ")");
        }
        return "<a href=\"" + escape(url) + "\">" + escape(link.label()) + "</a>";
    }

    /** Text shown as typed: HTML's special characters escaped, invisible characters removed, newlines kept. */
    static String escape(String text) {
        String cleaned = clean(text);
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

    private static String clean(String text) {
        return INVISIBLE.matcher(text).replaceAll("");
    }
}
