package org.animfr.animabot.core.privacy;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code oublie-moi}: says what erasing would remove and asks for confirmation (a button where the platform has
 * them); {@code oublie-moi confirmer} erases everything the bot stores about the person, on every linked account.
 */
public final class ForgetMeCommand extends CommandFeature {
    private static final String CONFIRM = "confirm";
    public static final CommandSpec SPEC = CommandSpec.command("forget-me", "oublie-moi", "forget-me")
            .frenchAliases("oubliez-moi", "oublier-moi", "effacer-mes-donnees")
            .englishAliases("erase-me", "delete-me")
            .parameter(Parameter.word(CONFIRM, "confirmation", "confirmation"))
            .build();

    private final Messages messages;
    private final PersonalData data;
    private final PrivateAnswers privately;

    public ForgetMeCommand(Messages messages, PersonalData data, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.data = data;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        String confirm = invocation.argument(CONFIRM).map(TextFold::compact).orElse("");
        if (List.of("confirmer", "confirme", "confirm").contains(confirm)) {
            data.erase(asked.message().author().ref());
            return privately.answer(asked, messages.get(l, "forget.done"));
        }
        String word = l == Language.EN ? "confirm" : "confirmer";
        Reply question = new Reply(RichText.plain(messages.get(l, "forget.confirm", SPEC.name(l) + " " + word)),
                Reply.Visibility.PERSONAL, null,
                List.of(SPEC.followUp(messages.get(l, "forget.button"), l, CommandSpec.args(CONFIRM, word))));
        return privately.answer(asked, question);
    }
}
