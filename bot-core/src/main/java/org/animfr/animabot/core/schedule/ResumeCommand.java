package org.animfr.animabot.core.schedule;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Messages;

/** {@code admin reprise}: the room's automatic posts start again (with the next one due; missed ones stay missed). */
public final class ResumeCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("admin-resume", "reprise", "resume")
            .forOrganizers().build();

    private final Messages messages;
    private final RoomPauses pauses;

    public ResumeCommand(Messages messages, RoomPauses pauses) {
        super(SPEC);
        this.messages = messages;
        this.pauses = pauses;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        boolean resumed = pauses.resume(asked.message().conversation());
        return Replies.shared(RichText.plain(messages.get(asked.language(),
                resumed ? "admin.resume.done" : "admin.resume.not-paused")));
    }
}
