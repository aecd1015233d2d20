package org.animfr.animabot.core.session;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;

/** {@code regroupements [session]}: the in-person gatherings of a session, the next one in bold. */
public final class GatheringsCommand extends SessionFeature {
    public static final CommandSpec SPEC = CommandSpec.command("gatherings", "regroupements", "gatherings")
            .frenchAliases("regroupement").englishAliases("gathering")
            .parameter(SESSION_PARAMETER)
            .build();

    public GatheringsCommand(SessionAnswers answers, SessionContexts contexts) {
        super(SPEC, answers, contexts);
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        return withSession(invocation.argument(SESSION), asked,
                (session, context) -> Reply.of(answers.gatherings(asked.language(), session, context.now())));
    }
}
