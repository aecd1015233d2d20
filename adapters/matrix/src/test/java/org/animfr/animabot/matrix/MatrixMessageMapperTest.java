package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.matrix.bridge.Notice;
import org.junit.jupiter.api.Test;

class MatrixMessageMapperTest {

    @Test
    void scriptTagsAmpersandsAndQuotesAreEscaped() {
        Reply reply = Reply.plain("<script>alert(\"x\")</script> Tom & Jerry's");

        String html = MatrixMessageMapper.html(reply);

        assertThat(html).isEqualTo(
                "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s</p>");
        assertThat(MatrixMessageMapper.plain(reply)).isEqualTo("<script>alert(\"x\")</script> Tom & Jerry's");
    }

    @Test
    void boldListsAndLinksBecomeHtml() {
        RichText text = RichText.builder()
                .paragraph(new RichText.Bold("Annonce"), new RichText.Plain(" : jeudi"))
                .bullets(List.of(List.of(new RichText.Plain("Brest")), List.of(new RichText.Plain("Caen <2>"))))
                .paragraph(new RichText.Link("inscription", "https://example.org/?a=1&b=\"2\""))
                .build();

        String html = MatrixMessageMapper.html(Reply.of(text));

        assertThat(html).isEqualTo("<p><strong>Annonce</strong> : jeudi</p>"
                + "<ul><li>Brest</li><li>Caen &lt;2&gt;</li></ul>"
                + "<p><a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">inscription</a></p>");
    }

    @Test
    void aLinkToJavascriptIsShownAsTextNotAsALink() {
        RichText text = RichText.builder().paragraph(new RichText.Link("clic", "javascript:alert(1)")).build();

        assertThat(MatrixMessageMapper.html(Reply.of(text))).isEqualTo("<p>clic (javascript:alert(1))</p>");
    }

    @Test
    void theTitleIsABoldFirstLineAndFollowUpsAreArrowLines() {
        Reply card = Reply.card("Animacoop <7>", RichText.plain("du 3 au 5 mars"),
                List.of(new Reply.FollowUp("Voir les regroupements",
                        new CommandCall("gatherings", Map.of("session", "animacoop-7")), "regroupements animacoop-7")));

        assertThat(MatrixMessageMapper.html(card)).isEqualTo("<p><strong>Animacoop &lt;7&gt;</strong></p>"
                + "<p>du 3 au 5 mars</p><p>→ regroupements animacoop-7</p>");
        assertThat(MatrixMessageMapper.plain(card))
                .isEqualTo("Animacoop <7>\ndu 3 au 5 mars\n→ regroupements animacoop-7");
    }

    @Test
    void inARoomFollowUpsStartWithTheCommandPrefix() {
        Reply card = Reply.card("Animacoop 7", RichText.plain("du 3 au 5 mars"),
                List.of(new Reply.FollowUp("Voir les regroupements",
                        new CommandCall("gatherings", Map.of("session", "animacoop-7")), "regroupements animacoop-7")));

        Notice notice = MatrixMessageMapper.notice(card, "$asked", null, Set.of("@ana:anim.fr"), "!anim");

        assertThat(notice.body()).endsWith("\n→ !anim regroupements animacoop-7");
        assertThat(notice.html()).endsWith("<p>→ !anim regroupements animacoop-7</p>");
        assertThat(notice.inReplyTo()).isEqualTo("$asked");
        assertThat(notice.mentioned()).containsExactly("@ana:anim.fr");
    }

    @Test
    void newlinesInsideATextBecomeLineBreaks() {
        assertThat(MatrixMessageMapper.html(Reply.plain("un\ndeux"))).isEqualTo("<p>un<br>deux</p>");
    }

    @Test
    void invisibleCharactersAreRemoved() {
        assertThat(MatrixMessageMapper.html(Reply.plain("a\u202Eb\u200Bc"))).isEqualTo("<p>abc</p>");
        assertThat(MatrixMessageMapper.plain(Reply.plain("a\u202Eb\u200Bc"))).isEqualTo("abc");
    }
}
