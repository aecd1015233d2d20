package org.animfr.animabot.core.session;

import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/** {@code admin recharger}: reads the data files again and reports every problem with its file and line. */
public final class ReloadCommand implements CommandFeature {
    private final Messages messages;
    private final LiveCatalog catalog;

    public ReloadCommand(Messages messages, LiveCatalog catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    @Override
    public CommandName command() {
        return CommandName.ADMIN_RELOAD;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        LiveCatalog.ReloadReport report = catalog.reload();
        Language l = asked.language();
        RichText.Builder text = RichText.builder();
        if (report.clean()) {
            text.paragraph(messages.get(l, "admin.reload.ok", report.sessions(), report.faqEntries()));
        } else {
            text.paragraph(messages.get(l, "admin.reload.problems", report.problems().size(),
                    report.sessions(), report.faqEntries()));
            text.bullets(describe(l, report.problems()));
            if (!report.kept().isEmpty()) {
                text.paragraph(messages.get(l, "admin.reload.kept", String.join(", ", report.kept())));
            }
        }
        return List.of(Reply.personal(text.build()));
    }

    private List<List<Span>> describe(Language l, List<DataProblem> problems) {
        List<List<Span>> items = new ArrayList<>();
        for (DataProblem problem : problems) {
            items.add(List.of(new Plain(describe(messages, l, problem))));
        }
        return items;
    }

    /** "demo.yaml, ligne 12 : ..." */
    public static String describe(Messages messages, Language l, DataProblem problem) {
        String what = messages.get(l, problem.key(), problem.args().toArray());
        return problem.line() > 0
                ? messages.get(l, "data.problem.at-line", problem.file(), problem.line(), what)
                : messages.get(l, "data.problem.in-file", problem.file(), what);
    }
}
