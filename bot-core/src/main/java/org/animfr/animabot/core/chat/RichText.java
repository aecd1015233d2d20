package org.animfr.animabot.core.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Simple rich text that every platform can render in its own format: paragraphs and bullet lists made of
 * plain, bold and link spans. Texts are never markup: adapters escape them for their format.
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

    /** The text without formatting, one line per paragraph and per list item (items start with "• "). */
    public String toPlainText() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (block instanceof Paragraph p) {
                out.append(plain(p.spans()));
            } else if (block instanceof BulletList l) {
                for (int i = 0; i < l.items().size(); i++) {
                    if (i > 0) {
                        out.append('\n');
                    }
                    out.append("• ").append(plain(l.items().get(i)));
                }
            }
        }
        return out.toString();
    }

    private static String plain(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            if (span instanceof Plain p) {
                out.append(p.text());
            } else if (span instanceof Bold b) {
                out.append(b.text());
            } else if (span instanceof Link l) {
                out.append(l.label().equals(l.url()) ? l.url() : l.label() + " (" + l.url() + ")");
            }
        }
        return out.toString();
    }

    /** A block of rich text. */
    public sealed interface Block permits Paragraph, BulletList {}

    /** One paragraph: a line of spans. */
    public record Paragraph(List<Span> spans) implements Block {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    /** A bullet list; each item is a line of spans. */
    public record BulletList(List<List<Span>> items) implements Block {
        public BulletList {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A piece of text inside a block. */
    public sealed interface Span permits Plain, Bold, Link {}

    /** Text shown as it is. */
    public record Plain(String text) implements Span {
        public Plain {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Text shown in bold. */
    public record Bold(String text) implements Span {
        public Bold {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A link with a label (the label may equal the url). */
    public record Link(String label, String url) implements Span {
        public Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(url, "url");
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
