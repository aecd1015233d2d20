package org.animfr.animabot.core.chat;

import java.util.List;

/**
 * How one platform writes {@link RichText}: each platform implements it once (plain text, Discord's Markdown,
 * Matrix's HTML) and {@link RichText#render} walks the text through it. Every kind of block and span has its
 * method here, so a kind added to {@link RichText} cannot be forgotten by a platform: it would not compile.
 * Texts and labels arrive as written; the renderer escapes them for its format. Implementations are stateless.
 */
public interface RichTextRenderer {

    /** Text shown as it is. */
    String plain(String text);

    /** Text shown in bold. */
    String bold(String text);

    /** A link; the label may equal the url. */
    String link(String label, String url);

    /** A paragraph of already rendered spans. */
    String paragraph(List<String> spans);

    /** A bullet list, each item a list of already rendered spans. */
    String bulletList(List<List<String>> items);

    /** The whole text from its already rendered blocks. */
    String document(List<String> blocks);
}
