package org.animfr.animabot.core.session;

import java.util.List;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;

/** {@code sessions}: the sessions running now and those to come. */
public final class SessionsCommand implements CommandFeature {
    private final SessionAnswers answers;

    public SessionsCommand(SessionAnswers answers) {
        this.answers = answers;
    }

    @Override
    public CommandName command() {
        return CommandName.SESSIONS;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        List<Session> sessions = asked.catalog().currentAndUpcoming(asked.now().toLocalDate());
        if (sessions.isEmpty()) {
            return List.of(Reply.of(answers.noSession(asked.language())));
        }
        return List.of(Reply.of(answers.list(asked.language(), sessions, asked.now(), "sessions.title")));
    }
}
