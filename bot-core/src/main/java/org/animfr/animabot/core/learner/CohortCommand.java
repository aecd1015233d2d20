package org.animfr.animabot.core.learner;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionContext;
import org.animfr.animabot.core.session.SessionContexts;

/**
 * {@code promo <session>}: the session the person follows or followed (alumni too), for introductions within a
 * session. Without a name it shows it. Answered privately.
 */
public final class CohortCommand extends CommandFeature {
    private static final String SESSION = "session";
    public static final CommandSpec SPEC = CommandSpec.command("cohort", "promo", "cohort")
            .frenchAliases("ma-session", "ma-promo")
            .englishAliases("my-session")
            .parameter(Parameter.text(SESSION, "session", "session").completedWith(Completion.SESSIONS))
            .build();

    private final Messages messages;
    private final SessionAnswers answers;
    private final Profiles profiles;
    private final SessionContexts sessions;
    private final PrivateAnswers privately;

    public CohortCommand(Messages messages, SessionAnswers answers, Profiles profiles, SessionContexts sessions,
            PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.answers = answers;
        this.profiles = profiles;
        this.sessions = sessions;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        SessionContext context = sessions.of(asked);
        Catalog catalog = context.catalog();
        Optional<String> typed = invocation.argument(SESSION);
        if (typed.isEmpty()) {
            String current = profiles.profileOf(asked.message().author().ref()).sessionId();
            return privately.answer(asked, current == null
                    ? messages.get(l, "cohort.none")
                    : messages.get(l, "cohort.current", catalog.byId(current).map(Session::name).orElse(current)));
        }
        Optional<Session> session = catalog.find(typed.get());
        if (session.isEmpty()) {
            return privately.answer(asked, Reply.personal(answers.unknownSession(l, typed.get(), catalog)));
        }
        profiles.change(asked.message().author(), (current, at) -> current.withSession(session.get().id(), at));
        return privately.answer(asked, messages.get(l, "cohort.saved", session.get().name()));
    }
}
