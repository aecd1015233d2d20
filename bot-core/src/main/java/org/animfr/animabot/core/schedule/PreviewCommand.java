package org.animfr.animabot.core.schedule;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionContext;
import org.animfr.animabot.core.session.SessionContexts;
import org.animfr.animabot.core.session.SessionResolver;

/**
 * {@code admin apercu semaine <N> [session]}: the week's prompt exactly as it will be posted (in the network's
 * language), with when and in how many rooms; for the organizer only.
 */
public final class PreviewCommand extends CommandFeature {
    private static final String WEEK = "week";
    private static final String SESSION = "session";
    public static final CommandSpec SPEC = CommandSpec.command("admin-preview", "apercu", "preview")
            .forOrganizers()
            .parameter(Parameter.number(WEEK, "semaine", "week", 1, 52).mandatory().completedWith(Completion.WEEKS))
            .parameter(Parameter.text(SESSION, "session", "session").completedWith(Completion.SESSIONS))
            .build();

    private final Messages messages;
    private final SessionAnswers answers;
    private final SessionContexts sessions;
    private final AutomaticPosts posts;
    private final SessionResolver resolver = new SessionResolver();

    public PreviewCommand(Messages messages, SessionAnswers answers, SessionContexts sessions, AutomaticPosts posts) {
        super(SPEC);
        this.messages = messages;
        this.answers = answers;
        this.sessions = sessions;
        this.posts = posts;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<Integer> week = invocation.argument(WEEK).filter(w -> w.matches("\\d{1,2}")).map(Integer::parseInt);
        if (week.isEmpty()) {
            return Replies.personal(messages.get(l, "admin.preview.usage"));
        }
        SessionContext context = sessions.of(asked);
        SessionResolver.Resolution resolution = resolver.resolve(invocation.argument(SESSION), context);
        if (resolution instanceof SessionResolver.UnknownName unknown) {
            return Replies.personal(answers.unknownSession(l, unknown.typed(), context.catalog()));
        }
        if (!(resolution instanceof SessionResolver.Found found)) {
            return Replies.personal(answers.noSession(l));
        }
        Session session = found.session();
        int number = week.get();
        if (number > session.weekCount()) {
            return Replies.personal(answers.weekOutOfRange(l, session, number));
        }
        if (session.posts().quietWeeks().contains(number)) {
            return Replies.personal(messages.get(l, "admin.preview.quiet", number, session.name()));
        }
        Optional<AutomaticPosts.Preview> preview = posts.preview(session, number);
        if (preview.isEmpty()) {
            return Replies.personal(messages.get(l, "admin.preview.no-prompt", number, session.name()));
        }
        ZonedDateTime at = preview.get().planned().dueAt().atZone(context.catalog().network().timezone());
        Reply header = Reply.personal(RichText.plain(messages.get(l, "admin.preview.header", number, session.name(),
                messages.dateTime(l, at.toLocalDateTime()), preview.get().rooms())));
        Reply post = preview.get().post().message();
        return Replies.of(header, new Reply(post.body(), Reply.Visibility.PERSONAL, post.title(), post.followUps()));
    }
}
