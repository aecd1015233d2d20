package org.animfr.animabot.core.schedule;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
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
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code rappels oui|non [session]}: the learner gets (or stops getting) the gathering and session-start reminders
 * of their session by direct message too, on their own platform. Their session is the one they name, else the
 * room's, else the current one; the answer says which.
 */
public final class RemindersCommand extends CommandFeature {
    private static final String CHOICE = "choice";
    private static final String SESSION = "session";
    public static final CommandSpec SPEC = CommandSpec.command("reminders", "rappels", "reminders")
            .parameter(Parameter.choice(CHOICE, "choix", "choice", List.of(
                    new Parameter.Choice("oui / on", "on"), new Parameter.Choice("non / off", "off"))))
            .parameter(Parameter.text(SESSION, "session", "session").completedWith(Completion.SESSIONS))
            .build();

    private final Messages messages;
    private final SessionAnswers answers;
    private final SessionContexts sessions;
    private final ReminderChoices reminders;
    private final SessionResolver resolver = new SessionResolver();

    public RemindersCommand(Messages messages, SessionAnswers answers, SessionContexts sessions,
            ReminderChoices reminders) {
        super(SPEC);
        this.messages = messages;
        this.answers = answers;
        this.sessions = sessions;
        this.reminders = reminders;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<Boolean> on = invocation.argument(CHOICE).flatMap(RemindersCommand::onOff);
        if (on.isEmpty()) {
            return Replies.personal(messages.get(l, "reminders.usage"));
        }
        PersonRef person = asked.message().author().ref();
        SessionContext context = sessions.of(asked);
        Optional<String> named = invocation.argument(SESSION);
        if (!on.get() && named.isEmpty()) {
            List<String> followed = reminders.sessionsOf(person);
            followed.forEach(id -> reminders.unsubscribe(person, id));
            return Replies.personal(messages.get(l, followed.isEmpty() ? "reminders.off-none" : "reminders.off-all"));
        }
        SessionResolver.Resolution resolution = resolver.resolve(named, context);
        if (resolution instanceof SessionResolver.UnknownName unknown) {
            return Replies.personal(answers.unknownSession(l, unknown.typed(), context.catalog()));
        }
        if (!(resolution instanceof SessionResolver.Found found)) {
            return Replies.personal(answers.noSession(l));
        }
        Session session = found.session();
        if (on.get()) {
            reminders.subscribe(person, session.id());
            return Replies.personal(messages.get(l, "reminders.on", session.name()));
        }
        boolean removed = reminders.unsubscribe(person, session.id());
        return Replies.personal(messages.get(l, removed ? "reminders.off" : "reminders.off-none-session",
                session.name()));
    }

    private static Optional<Boolean> onOff(String typed) {
        return switch (TextFold.compact(typed)) {
            case "oui", "on", "yes", "o", "y" -> Optional.of(true);
            case "non", "off", "no", "n" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
