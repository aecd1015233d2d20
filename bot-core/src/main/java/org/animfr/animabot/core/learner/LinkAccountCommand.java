package org.animfr.animabot.core.learner;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * {@code lier-compte}: shows a one-time code valid ten minutes; {@code lier-compte <code>} typed on another platform
 * joins both accounts into one learner. Answered privately: a code is as good as a password for ten minutes.
 */
public final class LinkAccountCommand extends CommandFeature {
    private static final String CODE = "code";
    public static final CommandSpec SPEC = CommandSpec.command("link-account", "lier-compte", "link-account")
            .frenchAliases("lier", "lier-comptes")
            .englishAliases("link")
            .parameter(Parameter.word(CODE, "code", "code"))
            .build();

    private final Messages messages;
    private final AccountLinking linking;
    private final PrivateAnswers privately;

    public LinkAccountCommand(Messages messages, AccountLinking linking, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.linking = linking;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<String> code = invocation.argument(CODE);
        if (code.isEmpty()) {
            AccountLinking.Code made = linking.newCode(asked.message().author());
            return privately.answer(asked, messages.get(l, "link.code", made.code(),
                    AccountLinking.CODE_VALIDITY.toMinutes(), spec().name(l)));
        }
        AccountLinking.Outcome outcome = linking.link(asked.message().author(), code.get());
        String text;
        if (outcome instanceof AccountLinking.Linked linked) {
            text = messages.get(l, "link.done", linked.learner().accounts().size());
        } else if (outcome instanceof AccountLinking.AlreadyLinked) {
            text = messages.get(l, "link.already");
        } else {
            text = messages.get(l, "link.bad-code", spec().name(l));
        }
        return privately.answer(asked, text);
    }
}
