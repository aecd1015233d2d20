package org.animfr.animabot.core.command;

import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.chat.RichText.Span;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/** {@code aide}: what the bot can do, in the person's language; organizers also see the admin commands. */
public final class HelpCommand implements CommandFeature {
    private final Messages messages;

    public HelpCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public CommandName command() {
        return CommandName.HELP;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        Language l = asked.language();
        List<List<Span>> items = new ArrayList<>();
        for (CommandName name : CommandName.values()) {
            if (!name.admin()) {
                items.add(item(l, name));
            }
        }
        RichText.Builder text = RichText.builder()
                .paragraph(messages.get(l, "help.intro"))
                .bullets(items)
                .paragraph(messages.get(l, "help.questions"));
        if (asked.organizer()) {
            List<List<Span>> admin = new ArrayList<>();
            for (CommandName name : CommandName.values()) {
                if (name.admin()) {
                    admin.add(item(l, name));
                }
            }
            text.paragraph(messages.get(l, "help.admin")).bullets(admin);
        }
        return List.of(Reply.personal(text.build()));
    }

    private List<Span> item(Language l, CommandName name) {
        String key = "help.command." + name.name().toLowerCase().replace('_', '-');
        String word = l == Language.EN ? name.englishName() : name.frenchName();
        String usage = (name.admin() ? "admin " : "") + word + messages.get(l, key + ".args");
        return List.of(new Bold(usage), new Plain(" — " + messages.get(l, key)));
    }
}
