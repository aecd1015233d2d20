package org.animfr.animabot.core.introduce;

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
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.Profiles;
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code echange oui|pas-encore|non}: the answer to "avez-vous pu échanger ?" about one's latest introduction (the
 * follow-up's buttons call it too). Answered privately.
 */
public final class MetCommand extends CommandFeature {
    static final String ANSWER = "answer";
    public static final CommandSpec SPEC = CommandSpec.command("met", "echange", "met")
            .frenchAliases("echanges", "rencontre")
            .parameter(Parameter.text(ANSWER, "reponse", "answer"))
            .build();

    private final Messages messages;
    private final Profiles profiles;
    private final IntroductionRounds rounds;
    private final PrivateAnswers privately;

    public MetCommand(Messages messages, Profiles profiles, IntroductionRounds rounds, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.profiles = profiles;
        this.rounds = rounds;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<FollowUpAnswer> answer = invocation.argument(ANSWER).flatMap(MetCommand::answer);
        if (answer.isEmpty()) {
            return privately.answer(asked, messages.get(l, "met.usage"));
        }
        Optional<Learner> learner = profiles.of(asked.message().author().ref());
        Optional<List<Learner>> partners = learner.flatMap(me -> rounds.answer(me, answer.get()));
        if (partners.isEmpty()) {
            return privately.answer(asked, messages.get(l, "met.never-introduced"));
        }
        return privately.answer(asked, messages.get(l, "met." + answer.get().name().toLowerCase().replace('_', '-')));
    }

    static Optional<FollowUpAnswer> answer(String typed) {
        String folded = TextFold.compact(typed);
        return switch (folded) {
            case "oui", "yes", "o", "y", "ok", "ouimerci", "yesthanks", "cestfait", "done" ->
                    Optional.of(FollowUpAnswer.MET);
            case "pasencore", "pas", "bientot", "notyet", "not", "later", "plustard", "encore" ->
                    Optional.of(FollowUpAnswer.NOT_YET);
            case "non", "no", "n", "nonmerci", "nothanks", "jamais", "never" -> Optional.of(FollowUpAnswer.DECLINED);
            default -> Optional.empty();
        };
    }
}
