package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.NoticeFeature;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * Tells each organizer about the problems the last reading of the data found, once per reading: the first time they
 * speak to the bot after it, on any platform, a private reply words the problems as {@code admin etat} does. A clean
 * reading tells no one; other people are never told. Who was told is kept in memory only: after a restart, each
 * organizer is told once again. Thread-safe.
 */
public final class DataProblemsNotice implements NoticeFeature {
    /** These answers already show the problems of the reading in force, so they count as telling. */
    private static final Set<String> SHOWING_PROBLEMS = Set.of(StatusCommand.SPEC.key(), ReloadCommand.SPEC.key());

    private final Messages messages;
    private final LiveCatalog catalog;
    /** The last reading each organizer was told about. */
    private final Map<PersonRef, LiveCatalog.ReloadReport> told = new ConcurrentHashMap<>();

    public DataProblemsNotice(Messages messages, LiveCatalog catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    @Override
    public List<Reply> notices(Asked asked, Optional<CommandSpec> command) {
        Optional<LiveCatalog.ReloadReport> withProblems = catalog.lastReport().filter(report -> !report.clean());
        if (!asked.organizer() || withProblems.isEmpty()) {
            return List.of();
        }
        LiveCatalog.ReloadReport report = withProblems.get();
        // Identity, not equality: each reading makes its own report, and a new reading that finds the same problems
        // again is worth telling again. The swap is atomic, so two messages at once tell the organizer once.
        boolean toldBefore = told.put(asked.message().author().ref(), report) == report;
        if (toldBefore || command.map(CommandSpec::key).filter(SHOWING_PROBLEMS::contains).isPresent()) {
            return List.of();
        }
        Language l = asked.language();
        RichText text = RichText.builder()
                .paragraph(messages.get(l, "admin.notice.intro"))
                .then(ReloadCommand.describe(messages, l, report, "admin.status.data"))
                .paragraph(messages.get(l, "admin.notice.next"))
                .build();
        return List.of(Reply.personal(text));
    }
}
