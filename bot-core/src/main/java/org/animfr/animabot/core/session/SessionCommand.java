package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;

/** {@code session [nom]}: everything about one session. */
public final class SessionCommand implements CommandFeature {
    private final SessionAnswers answers;
    private final SessionFeatureSupport support;

    public SessionCommand(SessionAnswers answers) {
        this.answers = answers;
        this.support = new SessionFeatureSupport(answers);
    }

    @Override
    public CommandName command() {
        return CommandName.SESSION;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        Optional<String> typed = command.argumentText().isBlank() ? Optional.empty()
                : Optional.of(command.argumentText());
        return support.withSessionReply(typed, asked, s -> answers.detailsCard(asked.language(), s, asked.now()));
    }
}
