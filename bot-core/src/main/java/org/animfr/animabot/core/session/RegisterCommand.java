package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;

/**
 * {@code inscription [session]}: how to register. Without a name it speaks of the next session to start, since
 * people ask to register for what is coming, not for what is running.
 */
public final class RegisterCommand extends SessionFeature {
    public static final CommandSpec SPEC = CommandSpec.command("register", "inscription", "register")
            .frenchAliases("inscriptions").englishAliases("registration")
            .parameter(SESSION_PARAMETER)
            .build();

    public RegisterCommand(SessionAnswers answers, SessionContexts contexts) {
        super(SPEC, answers, contexts);
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Optional<String> typed = invocation.argument(SESSION).or(() -> {
            SessionContext context = contexts.of(asked);
            return context.catalog().nextToStart(context.today()).map(Session::id);
        });
        return withSession(typed, asked,
                (session, context) -> Reply.of(answers.registration(asked.language(), session, context.today())));
    }
}
