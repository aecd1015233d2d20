package org.animfr.animabot.core.schedule;

import org.animfr.animabot.core.text.TypedDate;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code admin pause [jusqu'au <date>]}: no automatic post goes to this room until the date (included), or until
 * {@code admin reprise}. A date the bot cannot read, or one already past, changes nothing.
 */
public final class PauseCommand extends CommandFeature {
    private static final String UNTIL = "until";
    public static final CommandSpec SPEC = CommandSpec.command("admin-pause", "pause", "pause")
            .forOrganizers()
            .parameter(Parameter.text(UNTIL, "date", "until"))
            .build();

    private final Messages messages;
    private final RoomPauses pauses;

    public PauseCommand(Messages messages, RoomPauses pauses) {
        super(SPEC);
        this.messages = messages;
        this.pauses = pauses;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<String> typed = invocation.argument(UNTIL).map(PauseCommand::withoutUntil).filter(t -> !t.isBlank());
        LocalDate today = asked.now().toLocalDate();
        LocalDate until = null;
        if (typed.isPresent()) {
            Optional<LocalDate> date = TypedDate.parse(typed.get(), today);
            if (date.isEmpty()) {
                return Replies.personal(messages.get(l, "admin.pause.bad-date", typed.get()));
            }
            if (date.get().isBefore(today)) {
                return Replies.personal(messages.get(l, "admin.pause.past-date", messages.date(l, date.get())));
            }
            until = date.get();
        }
        pauses.pause(asked.message().conversation(), new RoomPauses.Pause(until));
        return Replies.shared(RichText.plain(until == null ? messages.get(l, "admin.pause.done")
                : messages.get(l, "admin.pause.until", messages.date(l, until))));
    }

    /** "jusqu'au 20/12", "jusqu’au 20/12", "until 20/12", "au 20/12" are "20/12". */
    private static String withoutUntil(String typed) {
        return TextFold.fold(typed).strip().replaceFirst("^(jusqu ?'? ?au|jusqu a|until|au|to)\\s+", "");
    }
}
