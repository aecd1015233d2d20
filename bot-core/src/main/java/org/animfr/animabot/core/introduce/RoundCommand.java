package org.animfr.animabot.core.introduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionContexts;
import org.animfr.animabot.core.text.TextFold;

/**
 * Organizers: {@code admin presentations apercu [session|reseau]} shows the groups a round would make, nothing sent;
 * {@code admin presentations [session|reseau]} runs the round; {@code admin presentations bilan} counts the
 * introductions and their follow-up answers. Without a scope: the room's session, else the whole network.
 */
public final class RoundCommand extends CommandFeature {
    private static final String WHAT = "what";
    public static final CommandSpec SPEC = CommandSpec.command("admin-introductions", "presentations", "introductions")
            .frenchAliases("presentation", "mises-en-relation")
            .englishAliases("introduction")
            .parameter(Parameter.text(WHAT, "quoi", "what").completedWith(Completion.SESSIONS))
            .forOrganizers()
            .build();

    private final Messages messages;
    private final SessionAnswers answers;
    private final SessionContexts sessions;
    private final Supplier<Catalog> catalog;
    private final IntroductionRounds rounds;

    public RoundCommand(Messages messages, SessionAnswers answers, SessionContexts sessions,
            Supplier<Catalog> catalog, IntroductionRounds rounds) {
        super(SPEC);
        this.messages = messages;
        this.answers = answers;
        this.sessions = sessions;
        this.catalog = catalog;
        this.rounds = rounds;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        String typed = invocation.argument(WHAT).orElse("").strip();
        String first = TextFold.compact(typed.split("\\s+", 2)[0]);
        String rest = typed.contains(" ") ? typed.substring(typed.indexOf(' ') + 1).strip() : "";
        if (List.of("bilan", "report", "stats", "statistiques").contains(first)) {
            return Replies.personal(tally(l));
        }
        boolean preview = List.of("apercu", "preview").contains(first);
        String scopeText = preview ? rest : typed;
        Optional<IntroductionRounds.Scope> scope = scope(scopeText, asked);
        if (scope.isEmpty()) {
            return Replies.personal(answers.unknownSession(l, scopeText, catalog.get()));
        }
        String scopeName = scopeName(l, scope.get());
        if (preview) {
            return Replies.personal(describe(l, rounds.plan(scope.get()), scopeName, true));
        }
        return rounds.run(scope.get(), rounds.roundKey(scope.get())).thenApply(launched -> List.of(Reply.personal(
                describe(l, launched.plan(), scopeName, false))));
    }

    private Optional<IntroductionRounds.Scope> scope(String typed, Asked asked) {
        String folded = TextFold.compact(typed);
        if (List.of("reseau", "network", "tous", "all", "tout").contains(folded)) {
            return Optional.of(IntroductionRounds.Scope.network());
        }
        if (folded.isEmpty()) {
            return Optional.of(sessions.of(asked).linkedSession()
                    .map(s -> new IntroductionRounds.Scope(s.id()))
                    .orElse(IntroductionRounds.Scope.network()));
        }
        return catalog.get().find(typed).map(s -> new IntroductionRounds.Scope(s.id()));
    }

    private String scopeName(Language l, IntroductionRounds.Scope scope) {
        return scope.isNetwork() ? messages.get(l, "round.network")
                : catalog.get().byId(scope.sessionId()).map(Session::name).orElse(scope.sessionId());
    }

    private RichText describe(Language l, IntroductionRounds.Plan plan, String scopeName, boolean preview) {
        RichText.Builder text = RichText.builder();
        if (plan.groups().isEmpty()) {
            text.paragraph(messages.get(l, "round.nobody", scopeName, plan.leftOut().size()));
        } else {
            text.paragraph(messages.get(l, preview ? "round.preview" : "round.done", scopeName,
                    plan.groups().size(), plan.people()));
            List<List<RichText.Span>> lines = new ArrayList<>();
            for (IntroductionRounds.PlannedGroup group : plan.groups()) {
                String names = String.join(" + ", group.members().stream().map(Learner::displayName).toList());
                String terms = group.sharedTerms().isEmpty() ? ""
                        : " " + messages.get(l, "round.shared", String.join(", ", group.sharedTerms()));
                lines.add(List.of(new RichText.Plain(names + terms)));
            }
            text.bullets(lines);
        }
        if (!plan.leftOut().isEmpty() && !plan.groups().isEmpty()) {
            text.paragraph(messages.get(l, "round.left-out", plan.leftOut().size(),
                    String.join(", ", plan.leftOut().stream().map(Learner::displayName).toList())));
        }
        return text.build();
    }

    private RichText tally(Language l) {
        IntroductionLog.Tally tally = rounds.tally();
        return RichText.plain(messages.get(l, "round.tally", tally.introduced(), tally.met(), tally.notYet(),
                tally.declined(), tally.unanswered()));
    }
}
