package org.animfr.animabot.core.room;

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

/** {@code admin delier}: removes the current conversation's link to its session (organizers only). */
public final class UnlinkRoomCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("admin-unlink", "delier", "unlink")
            .forOrganizers().build();

    private final Messages messages;
    private final RoomLinking linking;

    public UnlinkRoomCommand(Messages messages, RoomLinking linking) {
        super(SPEC);
        this.messages = messages;
        this.linking = linking;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        boolean removed = linking.unlink(asked.message().conversation());
        return Replies.shared(RichText.plain(
                messages.get(asked.language(), removed ? "admin.unlinked" : "admin.not-linked")));
    }
}
