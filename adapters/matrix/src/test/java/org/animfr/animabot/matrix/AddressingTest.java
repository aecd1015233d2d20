package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.animfr.animabot.matrix.bridge.RoomMessage;
import org.junit.jupiter.api.Test;

class AddressingTest {
    private static final String BOT = "@animabot:example.org";
    private final Addressing addressing = new Addressing("!anim", BOT, "Animabot");

    @Test
    void thePrefixIsTakenOffACommand() {
        assertThat(addressing.textFor(text("!anim session next"), false)).contains("session next");
    }

    @Test
    void thePrefixIgnoresCase() {
        assertThat(addressing.textFor(text("!ANIM ping"), false)).contains("ping");
    }

    @Test
    void thePrefixAloneGivesAnEmptyText() {
        assertThat(addressing.textFor(text("!anim"), false)).contains("");
    }

    @Test
    void aWordThatMerelyStartsLikeThePrefixIsNotACommand() {
        assertThat(addressing.textFor(text("!animation ce soir"), false)).isEmpty();
    }

    @Test
    void aConfiguredPrefixIsUsed() {
        Addressing bang = new Addressing("!bot", BOT, null);

        assertThat(bang.textFor(text("!bot aide"), false)).contains("aide");
        assertThat(bang.textFor(text("!anim aide"), false)).isEmpty();
    }

    @Test
    void anOrdinaryMessageInARoomIsNotForTheBot() {
        assertThat(addressing.textFor(text("bonjour tout le monde"), false)).isEmpty();
    }

    @Test
    void anyTextInADirectChatIsForTheBot() {
        assertThat(addressing.textFor(text("  quand est le prochain regroupement ?  "), true))
                .contains("quand est le prochain regroupement ?");
    }

    @Test
    void thePrefixIsAlsoTakenOffInADirectChat() {
        assertThat(addressing.textFor(text("!anim aide"), true)).contains("aide");
    }

    @Test
    void aPillMentionIsTakenOff() {
        RoomMessage pill = message("Animabot: quand ?",
                "<a href=\"https://matrix.to/#/@animabot:example.org\">Animabot</a>: quand ?", Set.of());

        assertThat(addressing.textFor(pill, false)).contains("quand ?");
    }

    @Test
    void anEncodedPillMentionCounts() {
        RoomMessage pill = message("Robot: aide",
                "<a href=\"https://matrix.to/#/%40animabot%3Aexample.org\">Robot</a>: aide", Set.of());

        assertThat(addressing.textFor(pill, false)).contains("aide");
    }

    @Test
    void theDisplayNameAnywhereIsAMention() {
        assertThat(addressing.textFor(text("dis animabot, quelle semaine ?"), false))
                .contains("dis quelle semaine ?");
    }

    @Test
    void theUserIdIsAMention() {
        assertThat(addressing.textFor(text("@animabot:example.org aide"), false)).contains("aide");
    }

    @Test
    void mMentionsCount() {
        RoomMessage mentioned = message("hé toi, aide", null, Set.of(BOT));

        assertThat(addressing.textFor(mentioned, false)).contains("hé toi, aide");
    }

    @Test
    void aNameInsideALongerWordIsNoMention() {
        assertThat(addressing.textFor(text("les animabots sont là"), false)).isEmpty();
    }

    @Test
    void aMentionFollowedByThePrefixGivesTheCommand() {
        assertThat(addressing.textFor(text("Animabot: !anim aide"), false)).contains("aide");
    }

    @Test
    void theQuotedFallbackOfAReplyIsIgnored() {
        RoomMessage reply = text("> <@ana:example.org> Animabot est là ?\n\nmerci");

        assertThat(addressing.textFor(reply, false)).isEmpty();
    }

    private static RoomMessage text(String body) {
        return message(body, null, Set.of());
    }

    private static RoomMessage message(String body, String html, Set<String> mentions) {
        return new RoomMessage("!room:example.org", "$1", "@ana:example.org", "m.text", body, html, null, false,
                mentions, 0);
    }
}
