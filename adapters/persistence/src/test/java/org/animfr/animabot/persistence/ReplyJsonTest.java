package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Link;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.junit.jupiter.api.Test;

/** The stored form of a message: its own JSON with a type name for each block and span, read back equal. */
class ReplyJsonTest {

    @Test
    void aReplyIsWrittenInTheDocumentedFormat() {
        Reply reply = new Reply(RichText.builder()
                .paragraph(new Bold("Semaine 3"), new Plain(" : "), new Link("wiki", "https://example.org"))
                .bullets(List.of(List.of(new Plain("un")), List.of(new Plain("deux"))))
                .build(), Reply.Visibility.PUBLIC, "Titre",
                List.of(new Reply.FollowUp("Voir", new CommandCall("gatherings", Map.of("session", "s7")),
                        "regroupements s7")));

        String json = ReplyJson.write(reply);

        assertThat(json).isEqualTo("""
                {"visibility":"PUBLIC","title":"Titre","body":[\
                {"type":"paragraph","spans":[{"type":"bold","text":"Semaine 3"},{"type":"plain","text":" : "},\
                {"type":"link","label":"wiki","url":"https://example.org"}]},\
                {"type":"bullets","items":[[{"type":"plain","text":"un"}],[{"type":"plain","text":"deux"}]]}],\
                "followUps":[{"label":"Voir","command":"gatherings","arguments":{"session":"s7"},\
                "typed":"regroupements s7"}]}""");
        assertThat(ReplyJson.read(json)).isEqualTo(reply);
    }

    @Test
    void everyKindOfReplyReadsBackEqualWithItsArgumentsInOrder() {
        Reply reply = OutboxPausesRemindersContract.everyKindOfReply();

        Reply read = ReplyJson.read(ReplyJson.write(reply));

        assertThat(read).isEqualTo(reply);
        assertThat(read.followUps().get(0).call().arguments()).containsExactly(
                Map.entry("session", "animacoop-7"), Map.entry("week", "3"),
                Map.entry("text", "l'été \"chaud\" & 100 % = ok?"));
    }

    @Test
    void aReplyWithoutTitleHasNoTitleField() {
        String json = ReplyJson.write(Reply.plain("Bonjour"));

        assertThat(json).doesNotContain("title");
        assertThat(ReplyJson.read(json)).isEqualTo(Reply.plain("Bonjour"));
    }

    @Test
    void anUnknownKindOfSpanOrBlockIsRefusedRatherThanDropped() {
        assertThatThrownBy(() -> ReplyJson.read("""
                {"visibility":"PUBLIC","body":[{"type":"paragraph","spans":[{"type":"italic","text":"x"}]}],\
                "followUps":[]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("italic");
        assertThatThrownBy(() -> ReplyJson.read("""
                {"visibility":"PUBLIC","body":[{"type":"quote","spans":[]}],"followUps":[]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quote");
    }

    @Test
    void aMissingOrMistypedFieldIsRefused() {
        assertThatThrownBy(() -> ReplyJson.read("""
                {"visibility":"PUBLIC","body":[{"type":"paragraph","spans":[{"type":"plain"}]}],"followUps":[]}"""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyJson.read("""
                {"visibility":"PUBLIC","body":[{"type":"paragraph","spans":[{"type":"plain","text":3}]}],\
                "followUps":[]}"""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
