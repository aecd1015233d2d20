package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers that only their asker may read (a profile, personal data): in a direct conversation, or as a command the
 * platform took itself (a Discord slash command, shown to the asker alone), they come back as personal replies;
 * typed in a room, they go by direct message and the room only reads that they did. If the direct message cannot
 * go, the room is told so, and nothing private is shown there. Thread-safe.
 */
public final class PrivateAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateAnswers.class);

    private final ChatPlatforms platforms;
    private final Messages messages;

    public PrivateAnswers(ChatPlatforms platforms, Messages messages) {
        this.platforms = platforms;
        this.messages = messages;
    }

    /** The reply for the asker alone, wherever they asked. */
    public CompletionStage<List<Reply>> answer(Asked asked, Reply reply) {
        IncomingMessage message = asked.message();
        Reply personal = new Reply(reply.body(), Reply.Visibility.PERSONAL, reply.title(), reply.followUps(),
                reply.attachment(), reply.form());
        if (message.direct() || message.command() != null) {
            return Replies.of(personal);
        }
        return platforms.sendDirect(message.author().ref(), Outgoing.once(personal)).handle((sent, failure) -> {
            if (failure != null) {
                LOG.warn("Could not answer {} by direct message: {}", message.author().ref(), failure.toString());
                return List.of(Reply.personal(RichText.plain(messages.get(asked.language(), "private.failed"))));
            }
            return List.of(Reply.personal(RichText.plain(messages.get(asked.language(), "private.sent"))));
        });
    }

    /** Plain text for the asker alone. */
    public CompletionStage<List<Reply>> answer(Asked asked, String text) {
        return answer(asked, Reply.personal(RichText.plain(text)));
    }
}
