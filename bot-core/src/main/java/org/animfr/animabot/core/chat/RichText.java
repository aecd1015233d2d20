package org.animfr.animabot.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Simple rich text that every platform can render in its own format: paragraphs and bullet lists made of
 * plain, bold and link spans. Texts are never markup: renderers escape them for their format.
 *
 * <p>Each kind of block and span renders itself through a {@link RichTextRenderer}, so a new kind added here
 * must be given to the renderer contract, and no platform compiles until it renders it.
 */
public record RichText(List<Block> blocks) {
    public RichText {
        blocks = List.copyOf(blocks);
    }

    public static RichText plain(String text) {
        return new RichText(List.of(new Paragraph(List.of(new Plain(text)))));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text in a platform's format. */
    public String render(RichTextRenderer renderer) {
        return renderer.document(blocks.stream().map(block -> block.render(renderer)).toList());
    }

    /** The text without formatting, one line per paragraph and per list item (items start with "• "). */
    public String toPlainText() {
        return render(PlainTextRenderer.INSTANCE);
    }

    /** A block of rich text. */
    public sealed interface Block permits Paragraph, BulletList {
        String render(RichTextRenderer renderer);
    }

    /** One paragraph: a line of spans. */
    public record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }

        @Override
        public String render(RichTextRenderer renderer) {
            return renderer.paragraph(renderAll(spans, renderer));
        }
    }

    /** A bullet list; each item is a line of spans. */
    public record BulletList(List<List<Span>> items) implements Block {
        public BulletList {
            items = items.stream().map(List::copyOf).toList();
        }

        @Override
        public String render(RichTextRenderer renderer) {
            return renderer.bulletList(items.stream().map(item -> renderAll(item, renderer)).toList());
        }
    }

    private static List<String> renderAll(List<Span> spans, RichTextRenderer renderer) {
        return spans.stream().map(span -> span.render(renderer)).toList();
    }

    /** A piece of text inside a block. */
    public sealed interface Span permits Plain, Bold, Link {
        String render(RichTextRenderer renderer);
    }

    /** Text shown as it is. */
    public record Plain(String text) implements Span {
        public Plain {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String render(RichTextRenderer renderer) {
            return renderer.plain(text);
        }
    }

    /** Text shown in bold. */
    public record Bold(String text) implements Span {
        public Bold {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String render(RichTextRenderer renderer) {
            return renderer.bold(text);
        }
    }

    /** A link with a label (the label may equal the url). */
    public record Link(String label, String url) implements Span {
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String render(RichTextRenderer renderer) {
            return renderer.link(label, url);
        }
    }

    /** Builds rich text paragraph by paragraph. Not thread-safe. */
    public static final class Builder {
        private final List<Block> blocks = new ArrayList<>();

        public Builder paragraph(Span... spans) {
            blocks.add(new Paragraph(List.of(spans)));
            return this;
        }

        public Builder paragraph(String text) {
            return paragraph(new Plain(text));
        }

        public Builder bullets(List<List<Span>> items) {
            if (!items.isEmpty()) {
                blocks.add(new BulletList(items));
            }
            return this;
        }

        /** Adds every block of another text, after those already there. */
        public Builder then(RichText other) {
            blocks.addAll(other.blocks());
            return this;
        }

        public RichText build() {
            return new RichText(blocks);
        }
    }
}
