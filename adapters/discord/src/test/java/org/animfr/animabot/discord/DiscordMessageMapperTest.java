package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.animfr.animabot.core.chat.Attachment;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.junit.jupiter.api.Test;

class DiscordMessageMapperTest {

    @Test
    void aLongAnswerIsSplitIntoMessagesDiscordAccepts() {
        String line = "Une ligne de l’annonce, assez longue pour remplir le message. ";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append(line).append(i).append('\n');
        }

        List<MessageCreateData> messages = DiscordMessageMapper.messages(Reply.plain(text.toString()));

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> assertThat(m.getContent().length()).isLessThanOrEqualTo(2000));
        assertThat(String.join("\n", messages.stream().map(MessageCreateData::getContent).toList()))
                .contains("remplir le message. 0", "remplir le message. 79");
    }

    @Test
    void userTextIsEscapedAndStrippedOfInvisibleCharacters() {
        String markdown = DiscordMessageMapper.markdown(RichText.plain("**gras** _it_ `code` a\u200Bb\u202Ec"));

        assertThat(markdown).isEqualTo("\\*\\*gras\\*\\* \\_it\\_ \\`code\\` abc");
    }

    @Test
    void mentionsInEchoedTextAreShownAsTypedNotAsMentions() {
        String markdown = DiscordMessageMapper.markdown(
                RichText.plain("@everyone @here <@123> <@!456> <@&789> a@b.fr"));

        assertThat(markdown).isEqualTo("@\u200Beveryone @\u200Bhere <@\u200B123> <@\u200B!456> <@\u200B&789> a@b.fr");
    }

    @Test
    void noMessageMayMentionAnyone() {
        MessageCreateData message = DiscordMessageMapper.messages(Reply.plain("@everyone <@123>")).get(0);

        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    void aCardBecomesAnEmbedWithItsFollowUpsAsButtons() {
        Reply card = Reply.card("Animacoop 7", RichText.plain("Du lundi 1er octobre au vendredi 28 décembre."),
                List.of(new Reply.FollowUp("Voir les regroupements",
                        new CommandCall("gatherings", Map.of("session", "animacoop-7")), "regroupements animacoop-7")));

        MessageCreateData message = DiscordMessageMapper.messages(card).get(0);

        assertThat(message.getEmbeds()).singleElement().satisfies(e -> assertThat(e.getTitle()).isEqualTo("Animacoop 7"));
        assertThat(message.getComponents()).hasSize(1);
        assertThat(message.getComponents().get(0).toString()).contains("anim:gatherings session=animacoop-7");
    }

    @Test
    void anAttachmentGoesAsAFileWithTheLastPartAndTheTextStays() throws IOException {
        Reply reply = Reply.personal(RichText.plain("Tout ce que je garde sur vous :\n" + "ligne\n".repeat(400)))
                .withAttachment(new Attachment("animabot-mes-donnees.json", "application/json",
                        "{\"projet\":\"é\"}"));

        List<MessageCreateData> messages = DiscordMessageMapper.messages(reply);

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.get(0).getContent()).startsWith("Tout ce que je garde sur vous");
        assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m -> assertThat(m.getFiles()).isEmpty());
        FileUpload file = messages.get(messages.size() - 1).getFiles().get(0);
        assertThat(file.getName()).isEqualTo("animabot-mes-donnees.json");
        assertThat(read(file)).isEqualTo("{\"projet\":\"é\"}");
        // read again, as when JDA sends the request again after a 429
        assertThat(read(file)).isEqualTo("{\"projet\":\"é\"}");
    }

    private static String read(FileUpload file) throws IOException {
        try (InputStream data = file.getData()) {
            return new String(data.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
