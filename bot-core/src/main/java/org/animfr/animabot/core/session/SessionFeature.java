package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;

/**
 * What the commands about sessions share: their optional session parameter, finding the session meant (the one
 * named, else the room's, else the current one), and the answer when there is none.
 */
abstract class SessionFeature extends CommandFeature {
    /** The key under which session commands take the session's name. */
    static final String SESSION = SessionAnswers.SESSION;
    /** The optional session name most session commands end with, suggested from the catalog. */
    static final Parameter SESSION_PARAMETER = Parameter.text(SESSION, "session", "session")
            .completedWith(Completion.SESSIONS);

    private final SessionResolver resolver = new SessionResolver();
    protected final SessionAnswers answers;
    protected final SessionContexts contexts;

    SessionFeature(CommandSpec spec, SessionAnswers answers, SessionContexts contexts) {
        super(spec);
        this.answers = answers;
        this.contexts = contexts;
    }

    /** Resolves the session named by {@code typed} (or the default one) and answers with {@code answer}. */
    CompletionStage<List<Reply>> withSession(Optional<String> typed, Asked asked,
            BiFunction<Session, SessionContext, Reply> answer) {
        SessionContext context = contexts.of(asked);
        SessionResolver.Resolution resolution = resolver.resolve(typed, context);
        if (resolution instanceof SessionResolver.Found found) {
            return Replies.of(answer.apply(found.session(), context));
        }
        if (resolution instanceof SessionResolver.UnknownName unknown) {
            return Replies.personal(answers.unknownSession(asked.language(), unknown.typed(), context.catalog()));
        }
        return Replies.personal(answers.noSession(asked.language()));
    }
}
