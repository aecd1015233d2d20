package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.command.Asked;

/** What the session commands share: finding the session meant, and answering when there is none. */
final class SessionFeatureSupport {
    private final SessionResolver resolver = new SessionResolver();
    private final SessionAnswers answers;

    SessionFeatureSupport(SessionAnswers answers) {
        this.answers = answers;
    }

    /** Resolves the session named by {@code typed} (or the default one) and answers with {@code answer}. */
    List<Reply> withSession(Optional<String> typed, Asked asked, Function<Session, RichText> answer) {
        return withSessionReply(typed, asked, s -> Reply.of(answer.apply(s)));
    }

    /** The same, for answers that are whole replies (cards). */
    List<Reply> withSessionReply(Optional<String> typed, Asked asked, Function<Session, Reply> answer) {
        SessionResolver.Resolution resolution = resolver.resolve(typed, asked);
        if (resolution instanceof SessionResolver.Found found) {
            return List.of(answer.apply(found.session()));
        }
        if (resolution instanceof SessionResolver.UnknownName unknown) {
            return List.of(Reply.personal(answers.unknownSession(asked.language(), unknown.typed(), asked.catalog())));
        }
        return List.of(Reply.personal(answers.noSession(asked.language())));
    }
}
