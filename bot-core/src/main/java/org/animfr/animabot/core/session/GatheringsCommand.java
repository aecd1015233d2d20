package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;

/** {@code regroupements [session]}: the in-person gatherings of a session, the next one in bold. */
public final class GatheringsCommand implements CommandFeature {
    private final SessionAnswers answers;
    private final SessionFeatureSupport support;

    public GatheringsCommand(SessionAnswers answers) {
        this.answers = answers;
        this.support = new SessionFeatureSupport(answers);
    }

    @Override
    public CommandName command() {
        return CommandName.GATHERINGS;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        Optional<String> typed = command.argumentText().isBlank() ? Optional.empty()
                : Optional.of(command.argumentText());
        return support.withSession(typed, asked, s -> answers.gatherings(asked.language(), s, asked.now()));
    }
}
