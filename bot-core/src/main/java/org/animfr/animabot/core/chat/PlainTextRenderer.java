package org.animfr.animabot.core.chat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rich text as plain text: one line per paragraph and per list item (items start with "• "), links as
 * "label (url)". What the console shows, and the plain body of platforms that send one beside their format.
 */
public final class PlainTextRenderer implements RichTextRenderer {
    public static final PlainTextRenderer INSTANCE = new PlainTextRenderer();

    private PlainTextRenderer() {}

    @Override
    public String plain(String text) {
        return text;
    }

    @Override
    public String bold(String text) {
        return text;
    }

    @Override
    public String link(String label, String url) {
        return label.equals(url) ? url : label + " (" + url + ")";
    }

    @Override
    public String paragraph(List<String> spans) {
        return String.join("", spans);
    }

    @Override
    public String bulletList(List<List<String>> items) {
        return items.stream().map(item -> "• " + String.join("", item)).collect(Collectors.joining("\n"));
    }

    @Override
    public String document(List<String> blocks) {
        return String.join("\n", blocks);
    }
}
