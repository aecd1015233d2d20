package org.animfr.animabot.core.session;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/** {@code admin recharger}: reads the data files again and reports every problem with its file and line. */
public final class ReloadCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("admin-reload", "recharger", "reload")
            .forOrganizers().build();

    private final Messages messages;
    private final LiveCatalog catalog;

    public ReloadCommand(Messages messages, LiveCatalog catalog) {
        super(SPEC);
        this.messages = messages;
        this.catalog = catalog;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        LiveCatalog.ReloadReport report = catalog.reload();
        RichText text = describe(messages, asked.language(), report, "admin.reload.ok");
        return Replies.personal(text);
    }

    /**
     * A reading's outcome in words: what is in force, and every problem with its file and line.
     *
     * @param cleanKey the sentence for a reading without problems, given the counts of sessions and FAQ entries
     */
    static RichText describe(Messages messages, Language l, LiveCatalog.ReloadReport report, String cleanKey) {
        RichText.Builder text = RichText.builder();
        if (report.clean()) {
            text.paragraph(messages.get(l, cleanKey, report.sessions(), report.faqEntries()));
        } else {
            text.paragraph(messages.get(l, "admin.reload.problems", report.problems().size(),
                    report.sessions(), report.faqEntries()));
            List<List<Span>> problems = report.problems().stream()
                    .map(problem -> List.<Span>of(new Plain(problem.describe(messages, l)))).toList();
            text.bullets(problems);
            if (!report.kept().isEmpty()) {
                text.paragraph(messages.get(l, "admin.reload.kept", String.join(", ", report.kept())));
            }
        }
        return text.build();
    }
}
