package org.animfr.animabot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.BulletList;
import org.animfr.animabot.core.chat.RichText.Link;
import org.animfr.animabot.core.chat.RichText.Paragraph;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.junit.jupiter.api.Test;

/** Rich text, as plain text and through the renderer every platform implements. */
class RichTextTest {

    @Test
    void paragraphsAreOneLineEach() {
        RichText text = RichText.builder().paragraph("Bonjour !").paragraph("Tapez « aide ».").build();

        assertThat(text.toPlainText()).isEqualTo("Bonjour !\nTapez « aide ».");
    }

    @Test
    void aParagraphJoinsItsSpansAndBoldLosesItsFormatting() {
        RichText text = RichText.builder().paragraph(new Plain("Thème : "), new Bold("Pourquoi coopérer ?")).build();

        assertThat(text.toPlainText()).isEqualTo("Thème : Pourquoi coopérer ?");
    }

    @Test
    void bulletItemsAreOneLineEachStartingWithABullet() {
        RichText text = RichText.builder()
                .paragraph("Sessions :")
                .bullets(List.of(List.of(new Bold("Animacoop 7"), new Plain(" (animacoop-7)")),
                        List.of(new Plain("Animacoop 8"))))
                .build();

        assertThat(text.toPlainText()).isEqualTo("Sessions :\n• Animacoop 7 (animacoop-7)\n• Animacoop 8");
    }

    @Test
    void anEmptyBulletListAddsNothing() {
        RichText text = RichText.builder().paragraph("Rien").bullets(List.of()).build();

        assertThat(text.blocks()).hasSize(1);
        assertThat(text.toPlainText()).isEqualTo("Rien");
    }

    @Test
    void aLinkWhoseLabelIsItsUrlShowsTheUrlOnce() {
        String url = "https://animacoop.example.org/inscription-8";

        assertThat(RichText.builder().paragraph(new Link(url, url)).build().toPlainText()).isEqualTo(url);
    }

    @Test
    void aLinkWithALabelShowsTheLabelThenTheUrl() {
        RichText text = RichText.builder()
                .paragraph(new Plain("Voir "), new Link("l’inscription", "https://animacoop.example.org/i"))
                .build();

        assertThat(text.toPlainText()).isEqualTo("Voir l’inscription (https://animacoop.example.org/i)");
    }

    @Test
    void textsAreNeverReadAsMarkup() {
        assertThat(RichText.plain("**pas gras** <b>ni ça</b>").toPlainText()).isEqualTo("**pas gras** <b>ni ça</b>");
    }

    @Test
    void thenAppendsTheBlocksOfAnotherText() {
        RichText text = RichText.builder().paragraph("Un").then(RichText.plain("Deux")).build();

        assertThat(text.toPlainText()).isEqualTo("Un\nDeux");
    }

    @Test
    void theSampleBelowHoldsEveryKindOfBlockAndSpan() {
        Set<Class<?>> kinds = new HashSet<>();
        kinds.addAll(Arrays.asList(RichText.Span.class.getPermittedSubclasses()));
        kinds.addAll(Arrays.asList(RichText.Block.class.getPermittedSubclasses()));

        Set<Class<?>> inSample = new HashSet<>();
        for (RichText.Block block : everyKind().blocks()) {
            inSample.add(block.getClass());
            List<List<Span>> lines = block instanceof Paragraph p ? List.of(p.spans()) : ((BulletList) block).items();
            lines.forEach(line -> line.forEach(span -> inSample.add(span.getClass())));
        }

        assertThat(inSample).as("a kind of block or span added to RichText must be added to the sample")
                .isEqualTo(kinds);
    }

    @Test
    void everyKindOfBlockAndSpanRendersThroughItsOwnRendererMethod() {
        RecordingRenderer renderer = new RecordingRenderer();

        String rendered = everyKind().render(renderer);

        Set<String> rendererMethods = Arrays.stream(RichTextRenderer.class.getDeclaredMethods())
                .map(Method::getName).collect(Collectors.toSet());
        assertThat(rendererMethods).containsExactlyInAnyOrder(
                "plain", "bold", "link", "paragraph", "bulletList", "document");
        assertThat(new HashSet<>(renderer.calls)).isEqualTo(rendererMethods);
        assertThat(rendered).isEqualTo(
                "document[paragraph[plain(Du texte),bold(en gras),link(le site|https://x.example)]"
                        + ";bulletList[[plain(un)];[bold(deux)]]]");
    }

    /** One of each kind of block and span. */
    private static RichText everyKind() {
        return RichText.builder()
                .paragraph(new Plain("Du texte"), new Bold("en gras"), new Link("le site", "https://x.example"))
                .bullets(List.of(List.of(new Plain("un")), List.of(new Bold("deux"))))
                .build();
    }

    /** Writes down which method rendered what, in a visible form. */
    private static final class RecordingRenderer implements RichTextRenderer {
        final List<String> calls = new ArrayList<>();

        @Override
        public String plain(String text) {
            calls.add("plain");
            return "plain(" + text + ")";
        }

        @Override
        public String bold(String text) {
            calls.add("bold");
            return "bold(" + text + ")";
        }

        @Override
        public String link(String label, String url) {
            calls.add("link");
            return "link(" + label + "|" + url + ")";
        }

        @Override
        public String paragraph(List<String> spans) {
            calls.add("paragraph");
            return "paragraph[" + String.join(",", spans) + "]";
        }

        @Override
        public String bulletList(List<List<String>> items) {
            calls.add("bulletList");
            return "bulletList[" + items.stream().map(i -> "[" + String.join(",", i) + "]")
                    .collect(Collectors.joining(";")) + "]";
        }

        @Override
        public String document(List<String> blocks) {
            calls.add("document");
            return "document[" + String.join(";", blocks) + "]";
        }
    }
}
