package org.animfr.animabot.core.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * {@code admin etat}: how the bot stands, for an organizer who wonders why it does not know a session: the data in
 * force and every problem the last reading found (at start-up too), with file and line; each platform's connection.
 * Reads only: nothing is reloaded.
 */
public final class StatusCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("admin-status", "etat", "status")
            .frenchAliases("statut", "sante")
            .englishAliases("health")
            .forOrganizers().build();

    private final Messages messages;
    private final LiveCatalog catalog;
    private final ChatPlatforms platforms;

    public StatusCommand(Messages messages, LiveCatalog catalog, ChatPlatforms platforms) {
        super(SPEC);
        this.messages = messages;
        this.catalog = catalog;
        this.platforms = platforms;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        RichText data = catalog.lastReport()
                .map(report -> ReloadCommand.describe(messages, l, report, "admin.status.data"))
                .orElseGet(() -> RichText.plain(messages.get(l, "admin.status.not-read")));
        List<String> connections = new ArrayList<>();
        for (ChatPlatform platform : platforms.all()) {
            PlatformStatus status = platform.status();
            String state = messages.get(l, "admin.status.state." + status.state().name());
            connections.add(status.reason() == null
                    ? messages.get(l, "admin.status.platform", platform.name(), state)
                    : messages.get(l, "admin.status.platform-reason", platform.name(), state, status.reason()));
        }
        RichText text = RichText.builder()
                .then(data)
                .paragraph(messages.get(l, "admin.status.platforms", String.join(" ; ", connections)))
                .build();
        return Replies.personal(text);
    }
}
