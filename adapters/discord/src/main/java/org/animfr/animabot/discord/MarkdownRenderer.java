package org.animfr.animabot.discord;

import java.util.List;
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

    /** Text shown as typed: invisible characters removed, Markdown characters escaped. */
    static String escape(String text) {
        return MarkdownSanitizer.escape(TextSanitizer.clean(text));
    }
}
