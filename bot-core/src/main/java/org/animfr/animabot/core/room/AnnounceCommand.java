package org.animfr.animabot.core.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;

/**
 * {@code admin annonce <texte>}: posts the organizer's text to every conversation linked to the session of the
 * current conversation, on every platform, and tells the organizer where it went and where it failed.
 */
public final class AnnounceCommand implements CommandFeature {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final Messages messages;
    private final RoomLinks links;
    private final ChatPlatforms platforms;

    public AnnounceCommand(Messages messages, RoomLinks links, ChatPlatforms platforms) {
        this.messages = messages;
        this.links = links;
        this.platforms = platforms;
    }

    @Override
    public CommandName command() {
        return CommandName.ADMIN_ANNOUNCE;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        var l = asked.language();
        if (asked.linkedSession().isEmpty()) {
            return List.of(Reply.personal(RichText.plain(messages.get(l, "admin.announce.not-linked"))));
        }
        String text = command.argumentText().strip();
        if (text.isEmpty()) {
            return List.of(Reply.personal(RichText.plain(messages.get(l, "admin.announce.empty"))));
        }
        Session session = asked.linkedSession().get();
        RichText announcement = RichText.builder()
                .paragraph(new Bold(messages.get(l, "admin.announce.heading", session.name())))
                .paragraph(new Plain(text))
                .build();
        List<ConversationRef> targets = links.conversationsOf(session.id());
        List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        for (ConversationRef target : targets) {
            deliveries.add(platforms.post(target, Reply.of(announcement)).toCompletableFuture());
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!delivered(deliveries.get(i))) {
                failed.add(targets.get(i).toString());
            }
        }
        int sent = targets.size() - failed.size();
        String summary = failed.isEmpty()
                ? messages.get(l, "admin.announce.done", sent, session.name())
                : messages.get(l, "admin.announce.partial", sent, targets.size(), String.join(", ", failed));
        return List.of(Reply.personal(RichText.plain(summary)));
    }

    private static boolean delivered(CompletableFuture<Void> delivery) {
        try {
            delivery.get(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | CompletionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
