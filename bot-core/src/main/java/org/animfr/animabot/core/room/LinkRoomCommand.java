package org.animfr.animabot.core.room;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.Completion;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.session.SessionAnswers;

/** {@code admin relier <session>}: links the current conversation to a session (organizers only). */
public final class LinkRoomCommand extends CommandFeature {
    private static final String SESSION = "session";
    public static final CommandSpec SPEC = CommandSpec.command("admin-link", "relier", "link")
            .forOrganizers()
            .parameter(Parameter.text(SESSION, "session", "session").mandatory().completedWith(Completion.SESSIONS))
            .build();

    private final SessionAnswers answers;
    private final RoomLinking linking;

    public LinkRoomCommand(SessionAnswers answers, RoomLinking linking) {
        super(SPEC);
        this.answers = answers;
        this.linking = linking;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        RoomLinking.Outcome outcome = linking.link(asked.message().conversation(),
                invocation.argument(SESSION).orElse(""));
        if (outcome instanceof RoomLinking.UnknownSession unknown) {
            return Replies.personal(answers.unknownSession(asked.language(), unknown.typed(), unknown.catalog()));
        }
        var session = ((RoomLinking.Linked) outcome).session();
        return Replies.shared(RichText.plain(answers.messages()
                .get(asked.language(), "admin.linked", session.name(), session.id())));
    }
}
