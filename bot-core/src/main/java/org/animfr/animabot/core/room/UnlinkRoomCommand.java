package org.animfr.animabot.core.room;

import java.util.List;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;
import org.animfr.animabot.core.i18n.Messages;

/** {@code admin delier}: removes the current conversation's link to its session (organizers only). */
public final class UnlinkRoomCommand implements CommandFeature {
    private final Messages messages;
    private final RoomLinks links;

    public UnlinkRoomCommand(Messages messages, RoomLinks links) {
        this.messages = messages;
        this.links = links;
    }

    @Override
    public CommandName command() {
        return CommandName.ADMIN_UNLINK;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        boolean removed = links.unlink(asked.message().conversation());
        return List.of(Reply.of(RichText.plain(
                messages.get(asked.language(), removed ? "admin.unlinked" : "admin.not-linked"))));
    }
}
