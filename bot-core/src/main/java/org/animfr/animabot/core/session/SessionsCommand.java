package org.animfr.animabot.core.session;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Replies;

/** {@code sessions}: the sessions running now and those to come. */
public final class SessionsCommand extends SessionFeature {
    public static final CommandSpec SPEC = CommandSpec.command("sessions", "sessions", "sessions")
            .frenchAliases("formations").build();

    public SessionsCommand(SessionAnswers answers, SessionContexts contexts) {
        super(SPEC, answers, contexts);
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        SessionContext context = contexts.of(asked);
        List<Session> sessions = context.catalog().currentAndUpcoming(context.today());
        if (sessions.isEmpty()) {
            return Replies.shared(answers.noSession(asked.language()));
        }
        return Replies.shared(answers.list(asked.language(), sessions, context.now(), "sessions.title"));
    }
}
