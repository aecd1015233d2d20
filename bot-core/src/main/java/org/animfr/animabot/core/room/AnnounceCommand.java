package org.animfr.animabot.core.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionContexts;

/**
 * {@code admin annonce <texte>}: announces to every conversation of the current conversation's session, then tells
 * the organizer where it went and where it failed, once the platforms have answered.
 */
public final class AnnounceCommand extends CommandFeature {
    private static final String ANNOUNCEMENT = "announcement";
    public static final CommandSpec SPEC = CommandSpec.command("admin-announce", "annonce", "announce")
            .forOrganizers()
            .parameter(Parameter.text(ANNOUNCEMENT, "texte", "text").mandatory())
            .build();

    private final Messages messages;
    private final SessionContexts sessions;
    private final Announcements announcements;

    public AnnounceCommand(Messages messages, SessionContexts sessions, Announcements announcements) {
        super(SPEC);
        this.messages = messages;
        this.sessions = sessions;
        this.announcements = announcements;
    }

    private static String where(Delivery delivery) {
        return delivery.target() instanceof Target.Room room ? room.conversation().toString() : delivery.target().id();
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<Session> session = sessions.of(asked).linkedSession();
        if (session.isEmpty()) {
            return Replies.personal(messages.get(l, "admin.announce.not-linked"));
        }
        Optional<String> text = invocation.argument(ANNOUNCEMENT);
        if (text.isEmpty()) {
            return Replies.personal(messages.get(l, "admin.announce.empty"));
        }
        return announcements.announce(session.get(), text.get(), l, asked.message().ref()).thenApply(report -> {
            List<Delivery> missing = new ArrayList<>(report.pending());
            missing.addAll(report.failed());
            String summary = missing.isEmpty()
                    ? messages.get(l, "admin.announce.done", report.sent().size(), session.get().name())
                    : messages.get(l, "admin.announce.partial", report.sent().size(), report.targets(),
                            missing.stream().map(AnnounceCommand::where).collect(Collectors.joining(", ")));
            return List.of(Reply.personal(RichText.plain(summary)));
        });
    }
}
