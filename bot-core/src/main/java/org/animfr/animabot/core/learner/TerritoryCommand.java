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
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code territoire <ville ou région>}: where the person's project lives, which brings neighbours closer;
 * {@code territoire aucun} clears it. Without a place it shows it. Answered privately.
 */
public final class TerritoryCommand extends CommandFeature {
    private static final String PLACE = "place";
    public static final CommandSpec SPEC = CommandSpec.command("territory", "territoire", "territory")
            .frenchAliases("ville", "region")
            .englishAliases("town", "city")
            .parameter(Parameter.freeText(PLACE, "lieu", "place"))
            .build();

    private final Messages messages;
    private final Profiles profiles;
    private final PrivateAnswers privately;

    public TerritoryCommand(Messages messages, Profiles profiles, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.profiles = profiles;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<String> typed = invocation.argument(PLACE).map(ProjectCommand::clean);
        if (typed.isEmpty()) {
            Profile current = profiles.profileOf(asked.message().author().ref());
            return privately.answer(asked, current.territory().isEmpty()
                    ? messages.get(l, "territory.none")
                    : messages.get(l, "territory.current", current.territory()));
        }
        String place = typed.get().replace('\n', ' ');
        if (KeywordsCommand.NONE.contains(TextFold.compact(place))) {
            profiles.change(asked.message().author(), (current, at) -> current.withTerritory("", at));
            return privately.answer(asked, messages.get(l, "territory.cleared"));
        }
        if (place.codePointCount(0, place.length()) > Profile.MAX_TERRITORY) {
            return privately.answer(asked, messages.get(l, "territory.too-long", Profile.MAX_TERRITORY));
        }
        profiles.change(asked.message().author(), (current, at) -> current.withTerritory(place, at));
        return privately.answer(asked, messages.get(l, "territory.saved", place));
    }
}
