package org.animfr.animabot.core.room;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.command.Asked;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.CommandName;
import org.animfr.animabot.core.command.ParsedMessage;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.SessionAnswers;

/** {@code admin relier <session>}: links the current conversation to a session (organizers only). */
public final class LinkRoomCommand implements CommandFeature {
    private final SessionAnswers answers;
    private final RoomLinks links;

    public LinkRoomCommand(SessionAnswers answers, RoomLinks links) {
        this.answers = answers;
        this.links = links;
    }

    @Override
    public CommandName command() {
        return CommandName.ADMIN_LINK;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        if (command.argumentText().isBlank()) {
            return List.of(Reply.personal(answers.unknownSession(asked.language(), "", asked.catalog())));
        }
        Optional<Session> session = asked.catalog().find(command.argumentText());
        if (session.isEmpty()) {
            return List.of(Reply.personal(
                    answers.unknownSession(asked.language(), command.argumentText(), asked.catalog())));
        }
        links.link(asked.message().conversation(), session.get().id());
        return List.of(Reply.of(RichText.plain(answers.messages()
                .get(asked.language(), "admin.linked", session.get().name(), session.get().id()))));
    }
}
