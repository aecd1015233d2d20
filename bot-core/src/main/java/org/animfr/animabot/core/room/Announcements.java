package org.animfr.animabot.core.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.delivery.Timers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;

/**
 * Posts an organizer's announcement to every conversation linked to a session, on every platform at once: a use
 * case for the chat command and any other trigger. The announcement and each of its deliveries are recorded before
 * anything goes out, and a durable timer finishes the fan-out if the bot stops half-way, so an announcement
 * survives a crash and never goes out twice. Nothing here waits: the report completes when every platform has
 * taken, refused or timed out its post. Thread-safe.
 */
public final class Announcements {
    /** After this, a fan-out still unfinished is taken as interrupted, and the timer finishes it. */
    private static final Duration RESUME_AFTER = Duration.ofMinutes(5);

    private final Messages messages;
    private final RoomLinks links;
    private final Deliveries deliveries;
    private final Timers timers;
    private final Clock clock;

    public Announcements(Messages messages, RoomLinks links, Deliveries deliveries, Timers timers, Clock clock) {
        this.messages = messages;
        this.links = links;
        this.deliveries = deliveries;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Posts the text, under a heading naming the session in the given language, to the session's conversations.
     * The post's key comes from the organizer's request: two instances of the bot handling the same request record
     * one post, and each room gets it once.
     */
    public CompletionStage<Deliveries.Report> announce(Session session, String text, Language language,
            MessageRef request) {
        RichText announcement = RichText.builder()
                .paragraph(new Bold(messages.get(language, "admin.announce.heading", session.name())))
                .paragraph(new Plain(text))
                .build();
        Post post = new Post("announce/" + session.id() + "/" + digest(request), Reply.of(announcement), null, null);
        List<Target> targets = links.conversationsOf(session.id()).stream().<Target>map(Target.Room::new).toList();
        timers.postAt(post.key(), clock.instant().plus(RESUME_AFTER));
        return deliveries.send(post, targets);
    }

    /** A short digest of the request's platform, conversation and message ids: keys stay short and plain. */
    private static String digest(MessageRef request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((request.conversation() + "/" + request.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
