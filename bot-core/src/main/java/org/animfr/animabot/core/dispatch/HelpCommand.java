package org.animfr.animabot.core.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * {@code aide}: every command of the registry with its usage, in the person's language; organizers also see the
 * organizer commands.
 */
public final class HelpCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("help", "aide", "help").frenchAliases("?").build();

    private final Messages messages;

    public HelpCommand(Messages messages) {
        super(SPEC);
        this.messages = messages;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        RichText.Builder text = RichText.builder()
                .paragraph(messages.get(l, "help.intro"))
                .bullets(items(l, asked.commands(), false))
                .paragraph(messages.get(l, "help.questions"));
        if (asked.organizer()) {
            text.paragraph(messages.get(l, "help.admin")).bullets(items(l, asked.commands(), true));
        }
        return Replies.personal(text.build());
    }

    private List<List<Span>> items(Language l, CommandRegistry commands, boolean organizerOnly) {
        List<List<Span>> items = new ArrayList<>();
        for (CommandSpec spec : commands.specs()) {
            if (spec.organizerOnly() == organizerOnly) {
                String usage = spec.typedName(l) + messages.get(l, spec.usageKey());
                items.add(List.of(new Bold(usage), new Plain(" — " + messages.get(l, spec.helpKey()))));
            }
        }
        return items;
    }
}
