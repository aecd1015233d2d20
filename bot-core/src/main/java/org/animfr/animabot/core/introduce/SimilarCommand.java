package org.animfr.animabot.core.introduce;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;

/** {@code similaires [sujet]}: up to three people whose projects are closest to one's own, or to a topic. */
public final class SimilarCommand extends CommandFeature {
    private static final String TOPIC = "topic";
    public static final CommandSpec SPEC = CommandSpec.command("similar", "similaires", "similar")
            .frenchAliases("similaire", "proches", "voisins")
            .englishAliases("similar-projects")
            .parameter(Parameter.freeText(TOPIC, "sujet", "topic"))
            .build();

    private final SimilarPeople people;

    public SimilarCommand(SimilarPeople people) {
        super(SPEC);
        this.people = people;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        return people.answer(asked, invocation.argument(TOPIC));
    }
}
