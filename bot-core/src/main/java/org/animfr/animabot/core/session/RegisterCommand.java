package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;

/**
 * {@code inscription [session]}: how to register. Without a name it speaks of the next session to start, since
 * people ask to register for what is coming, not for what is running.
 */
public final class RegisterCommand implements CommandFeature {
    private final SessionAnswers answers;
    private final SessionFeatureSupport support;

    public RegisterCommand(SessionAnswers answers) {
        this.answers = answers;
        this.support = new SessionFeatureSupport(answers);
    }

    @Override
    public CommandName command() {
        return CommandName.REGISTER;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        Optional<String> typed = command.argumentText().isBlank()
                ? asked.catalog().nextToStart(asked.now().toLocalDate()).map(Session::id)
                : Optional.of(command.argumentText());
        return support.withSession(typed, asked,
                s -> answers.registration(asked.language(), s, asked.now().toLocalDate()));
    }
}
