package org.animfr.animabot.core.schedule;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionContext;
import org.animfr.animabot.core.session.SessionContexts;

/**
 * {@code planning}: the next posts the bot will make on its own in this room, with their local dates and times;
 * whether the room is paused; and whether the asker gets the session's reminders directly.
 */
public final class ScheduleCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("schedule", "planning", "schedule").build();
    private static final int SHOWN = 6;

    private final Messages messages;
    private final SessionContexts sessions;
    private final AutomaticPosts posts;
    private final RoomPauses pauses;
    private final ReminderChoices reminders;

    public ScheduleCommand(Messages messages, SessionContexts sessions, AutomaticPosts posts, RoomPauses pauses,
            ReminderChoices reminders) {
        super(SPEC);
        this.messages = messages;
        this.sessions = sessions;
        this.posts = posts;
        this.pauses = pauses;
        this.reminders = reminders;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        SessionContext context = sessions.of(asked);
        if (context.linkedSession().isEmpty()) {
            return Replies.personal(messages.get(l, "planning.not-linked"));
        }
        Session session = context.linkedSession().get();
        RichText.Builder text = RichText.builder();
        Optional<RoomPauses.Pause> pause = pauses.pauseOf(asked.message().conversation())
                .filter(p -> p.coversDate(context.today()));
        pause.ifPresent(p -> text.paragraph(p.until() == null ? messages.get(l, "planning.paused")
                : messages.get(l, "planning.paused-until", messages.date(l, p.until()))));
        List<PlannedPost> upcoming = posts.upcoming(session, SHOWN);
        if (upcoming.isEmpty()) {
            text.paragraph(messages.get(l, "planning.none", session.name()));
        } else {
            text.paragraph(messages.get(l, "planning.title", session.name()));
            List<List<Span>> items = new ArrayList<>();
            for (PlannedPost post : upcoming) {
                ZonedDateTime at = post.dueAt().atZone(context.catalog().network().timezone());
                items.add(List.of(new Bold(messages.dateTime(l, at.toLocalDateTime())),
                        new Plain(" — " + what(l, session, post))));
            }
            text.bullets(items);
        }
        if (reminders.sessionsOf(asked.message().author().ref()).contains(session.id())) {
            text.paragraph(messages.get(l, "planning.your-reminders", session.name()));
        }
        return Replies.personal(text.build());
    }

    private String what(Language l, Session session, PlannedPost post) {
        return switch (post.kind()) {
            case PROMPT -> messages.get(l, "planning.item.prompt", post.week(),
                    session.week(post.week()).map(w -> w.theme()).orElse(""));
            case GATHERING_REMINDER -> messages.get(l, "planning.item.gathering",
                    messages.dateTime(l, PostPlanner.gatheringTime(post.event())));
            case START_REMINDER -> messages.get(l, "planning.item.start", messages.date(l, session.start()));
        };
    }
}
