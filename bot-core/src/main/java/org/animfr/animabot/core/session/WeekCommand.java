package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;

/** {@code semaine [N] [session]}: the theme and prompt of week N, or of the current week. */
public final class WeekCommand implements CommandFeature {
    private final SessionAnswers answers;
    private final SessionFeatureSupport support;

    public WeekCommand(SessionAnswers answers) {
        this.answers = answers;
        this.support = new SessionFeatureSupport(answers);
    }

    @Override
    public CommandName command() {
        return CommandName.WEEK;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        Optional<Integer> number = command.arg(0).flatMap(WeekCommand::weekNumber);
        String rest = number.isPresent()
                ? String.join(" ", command.args().subList(1, command.args().size()))
                : command.argumentText();
        if (number.isEmpty() && command.arg(0).filter(a -> a.matches("[-+]?\\d+")).isPresent()) {
            return List.of(Reply.personal(RichText.plain(answers.messages()
                    .get(asked.language(), "week.bad-number", command.arg(0).get()))));
        }
        Optional<String> typed = rest.isBlank() ? Optional.empty() : Optional.of(rest);
        return support.withSession(typed, asked, s -> number
                .map(n -> answerWeek(asked, s, n))
                .orElseGet(() -> answers.currentWeek(asked.language(), s, asked.now().toLocalDate(), 0)));
    }

    private RichText answerWeek(Asked asked, Session session, int number) {
        if (number < 1 || number > session.weekCount()) {
            return answers.weekOutOfRange(asked.language(), session, number);
        }
        return session.week(number)
                .map(w -> answers.week(asked.language(), session, w))
                .orElseGet(() -> answers.weekNotWritten(asked.language(), session, number));
    }

    /** "3", "S3", "n°3"; numbers with a sign or over two digits are not week numbers. */
    private static Optional<Integer> weekNumber(String arg) {
        String digits = arg.replaceFirst("^(?i)(s|n°|no|#)", "");
        if (!digits.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }
}
