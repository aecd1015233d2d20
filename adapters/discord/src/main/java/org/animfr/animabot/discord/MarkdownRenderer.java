package org.animfr.animabot.discord;

import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import org.animfr.animabot.core.chat.PlainTextRenderer;
import org.animfr.animabot.core.chat.RichTextRenderer;
import org.animfr.animabot.core.chat.spi.TextSanitizer;

/**
 * Rich text as Discord's Markdown: every text escaped (it is shown as typed, never as formatting), bold as
 * {@code **…**}, links as {@code [label](url)}, list items as "• " lines. Stateless.
 */
final class MarkdownRenderer implements RichTextRenderer {
    static final MarkdownRenderer INSTANCE = new MarkdownRenderer();
    private static final String ZERO_WIDTH_SPACE = "\u200B";
    /** Where a mention starts: the {@code @} of {@code @everyone}, {@code @here} and of a {@code <@…>} tag. */
    private static final Pattern MENTION = Pattern.compile("@(?=everyone|here)|(?<=<)@");

    private MarkdownRenderer() {}

    @Override
    public String plain(String text) {
        return escape(text);
    }

    @Override
    public String bold(String text) {
        return "**" + escape(text) + "**";
    }

    @Override
    public String link(String label, String url) {
        String cleanUrl = TextSanitizer.clean(url);
        return label.equals(url) ? cleanUrl : "[" + escape(label) + "](" + cleanUrl + ")";
    }

    /** Discord lays blocks out as plain text does: a line per paragraph and per "• " item. */
    @Override
    public String paragraph(List<String> spans) {
        return PlainTextRenderer.INSTANCE.paragraph(spans);
    }

    @Override
    public String bulletList(List<List<String>> items) {
        return PlainTextRenderer.INSTANCE.bulletList(items);
    }

    @Override
    public String document(List<String> blocks) {
        return PlainTextRenderer.INSTANCE.document(blocks);
    }

    /** Text shown as typed: invisible characters removed, Markdown characters escaped, mentions made plain text. */
    static String escape(String text) {
        return neutralizeMentions(MarkdownSanitizer.escape(TextSanitizer.clean(text)));
    }

    /**
     * Mentions written in the text ({@code @everyone}, {@code @here}, {@code <@id>}, {@code <@!id>}, {@code <@&id>})
     * broken by a zero-width space after the {@code @}, so that Discord shows them as typed instead of as highlighted
     * names. The messages' empty {@code allowed_mentions} already keep them from pinging; this keeps echoed text from
     * even looking like a call to everyone. The bot's own text has no mentions to keep: rich text has no mention span.
     */
    static String neutralizeMentions(String text) {
        return MENTION.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE);
    }
}
