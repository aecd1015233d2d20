package org.animfr.animabot.core.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;

/**
 * Posts an organizer's announcement to every conversation linked to a session, on every platform at once: a use
 * case for the chat command and any other trigger. Nothing here waits: the report completes when every platform
 * has taken or refused its post (or after two minutes). Thread-safe.
 */
public final class Announcements {
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);

    private final Messages messages;
    private final RoomLinks links;
    private final ChatPlatforms platforms;

    public Announcements(Messages messages, RoomLinks links, ChatPlatforms platforms) {
        this.messages = messages;
        this.links = links;
        this.platforms = platforms;
    }

    /**
     * Where an announcement went.
     *
     * @param delivered the conversations whose platform took it
     * @param failed those that refused it or did not answer in time
     */
    public record Report(List<ConversationRef> delivered, List<ConversationRef> failed) {
        public Report {
            delivered = List.copyOf(delivered);
            failed = List.copyOf(failed);
        }

        public int targets() {
            return delivered.size() + failed.size();
        }
    }

    /** Posts the text, under a heading naming the session in the given language, to the session's conversations. */
    public CompletionStage<Report> announce(Session session, String text, Language language) {
        RichText announcement = RichText.builder()
                .paragraph(new Bold(messages.get(language, "admin.announce.heading", session.name())))
                .paragraph(new Plain(text))
                .build();
        List<ConversationRef> targets = links.conversationsOf(session.id());
        List<CompletableFuture<Boolean>> deliveries = new ArrayList<>();
        for (ConversationRef target : targets) {
            deliveries.add(platforms.post(target, Reply.of(announcement)).toCompletableFuture()
                    .orTimeout(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((ok, error) -> error == null));
        }
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).thenApply(all -> {
            List<ConversationRef> delivered = new ArrayList<>();
            List<ConversationRef> failed = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                (deliveries.get(i).join() ? delivered : failed).add(targets.get(i));
            }
            return new Report(delivered, failed);
        });
    }
}
