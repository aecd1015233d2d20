package org.animfr.animabot.core.session;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;

/** {@code session [nom]}: everything about one session, as a card. */
public final class SessionCommand extends SessionFeature {
    public static final CommandSpec SPEC = CommandSpec.command("session", "session", "session")
            .frenchAliases("formation")
            .parameter(Parameter.text(SESSION, "nom", "name").completedWith(Completion.SESSIONS))
            .build();

    public SessionCommand(SessionAnswers answers, SessionContexts contexts) {
        super(SPEC, answers, contexts);
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        return withSession(invocation.argument(SESSION), asked,
                (session, context) -> answers.detailsCard(asked.language(), session, context.now()));
    }
}
