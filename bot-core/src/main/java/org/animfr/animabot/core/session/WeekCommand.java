package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;

/** {@code semaine [N] [session]}: the theme and prompt of week N, or of the current week. */
public final class WeekCommand extends SessionFeature {
    static final String WEEK = "week";
    public static final CommandSpec SPEC = CommandSpec.command("week", "semaine", "week")
            .parameter(Parameter.number(WEEK, "numero", "number", 1, 52).completedWith(Completion.WEEKS))
            .parameter(SESSION_PARAMETER)
            .build();

    public WeekCommand(SessionAnswers answers, SessionContexts contexts) {
        super(SPEC, answers, contexts);
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Optional<String> typedNumber = invocation.argument(WEEK);
        Optional<Integer> number = typedNumber.flatMap(WeekCommand::weekNumber);
        if (typedNumber.isPresent() && number.isEmpty()) {
            return Replies.personal(answers.messages().get(asked.language(), "week.bad-number", typedNumber.get()));
        }
        Language l = asked.language();
        return withSession(invocation.argument(SESSION), asked, (session, context) ->
                Reply.of(number.map(n -> answerWeek(l, session, n))
                        .orElseGet(() -> answers.currentWeek(l, session, context.today(), 0))));
    }

    private RichText answerWeek(Language l, Session session, int number) {
        if (number < 1 || number > session.weekCount()) {
            return answers.weekOutOfRange(l, session, number);
        }
        return session.week(number)
                .map(w -> answers.week(l, session, w))
                .orElseGet(() -> answers.weekNotWritten(l, session, number));
    }

    /** "3", "S3", "n°3"; numbers with a sign or over two digits are not week numbers. */
    static Optional<Integer> weekNumber(String typed) {
        String digits = typed.replaceFirst("^(?i)(s|n°|no|#)", "");
        if (!digits.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }
}
