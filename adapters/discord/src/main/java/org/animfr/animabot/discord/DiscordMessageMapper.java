package org.animfr.animabot.discord;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.animfr.animabot.core.chat.Attachment;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.spi.TextSanitizer;

/**
 * Turns the core's replies into Discord messages: Markdown with every text escaped, cards as embeds, follow-ups
 * as buttons, an attachment as a file, long texts split within Discord's limits, and never a mention that pings
 * anyone. The same messages go to channels, direct messages and interactions.
 */
final class DiscordMessageMapper {
    /** Button ids carry the command they run ({@link org.animfr.animabot.core.chat.CommandCall#toId()}), after this prefix. */
    static final String FOLLOW_UP_PREFIX = "anim:";

    static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;
    private static final int MAX_BUTTONS_PER_ROW = 5;
    private static final int MAX_BUTTON_LABEL = 80;
    private static final int MAX_CUSTOM_ID = 100;

    private DiscordMessageMapper() {}

    /** One or more messages for the reply, in order; buttons and the attached file go with the last one. */
    static List<MessageCreateData> messages(Reply reply) {
        String markdown = markdown(reply.body());
        List<MessageCreateBuilder> builders = new ArrayList<>();
        if (reply.title() != null && markdown.length() <= MessageEmbed.DESCRIPTION_MAX_LENGTH) {
            MessageEmbed embed = new EmbedBuilder()
                    .setTitle(truncate(TextSanitizer.clean(reply.title()), MessageEmbed.TITLE_MAX_LENGTH))
                    .setDescription(markdown)
                    .build();
            builders.add(new MessageCreateBuilder().setEmbeds(embed));
        } else {
            String text = reply.title() == null ? markdown
                    : MarkdownRenderer.INSTANCE.bold(reply.title()) + "\n" + markdown;
            for (String part : split(text, MAX_CONTENT)) {
                builders.add(new MessageCreateBuilder().setContent(part));
            }
        }
        List<Button> buttons = buttons(reply.followUps());
        if (!buttons.isEmpty()) {
            List<ActionRow> rows = new ArrayList<>();
            for (int i = 0; i < buttons.size(); i += MAX_BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS_PER_ROW))));
            }
            builders.get(builders.size() - 1).setComponents(rows);
        }
        if (reply.attachment() != null) {
            builders.get(builders.size() - 1).addFiles(file(reply.attachment()));
        }
        List<MessageCreateData> messages = new ArrayList<>();
        for (MessageCreateBuilder builder : builders) {
            builder.setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
            messages.add(builder.build());
        }
        return messages;
    }

    /**
     * The attachment as an upload that reads its bytes afresh each time JDA sends it, so that a request retried after
     * a 429 carries the whole file again.
     */
    static FileUpload file(Attachment attachment) {
        byte[] bytes = attachment.bytes();
        return FileUpload.fromStreamSupplier(TextSanitizer.clean(attachment.fileName()),
                () -> new ByteArrayInputStream(bytes));
    }

    private static List<Button> buttons(List<Reply.FollowUp> followUps) {
        List<Button> buttons = new ArrayList<>();
        for (Reply.FollowUp followUp : followUps) {
            String id = FOLLOW_UP_PREFIX + followUp.call().toId();
            if (id.length() <= MAX_CUSTOM_ID) {
                buttons.add(Button.secondary(id, truncate(TextSanitizer.clean(followUp.label()), MAX_BUTTON_LABEL)));
            }
        }
        return buttons;
    }

    static String markdown(RichText text) {
        return text.render(MarkdownRenderer.INSTANCE);
    }

    /** Splits at line ends where possible so that each part fits. */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', max);
            }
            if (cut <= 0) {
                cut = max;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest.isEmpty() ? "…" : rest);
        }
        return parts;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
