package org.animfr.animabot.core.command;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.room.LanguagePreferences;

/** {@code langue fr|en}: the language the bot uses with this person from now on, on this platform. */
public final class LanguageCommand implements CommandFeature {
    private final Messages messages;
    private final LanguagePreferences preferences;

    public LanguageCommand(Messages messages, LanguagePreferences preferences) {
        this.messages = messages;
        this.preferences = preferences;
    }

    @Override
    public CommandName command() {
        return CommandName.LANGUAGE;
    }

    @Override
    public List<Reply> execute(ParsedMessage.Command command, Asked asked) {
        Optional<Language> chosen = command.arg(0).flatMap(Language::parse);
        if (chosen.isEmpty() || command.args().size() > 1) {
            return List.of(Reply.personal(RichText.plain(
                    messages.get(asked.language(), "language.usage", command.argumentText()))));
        }
        preferences.choose(asked.message().author().ref(), chosen.get());
        return List.of(Reply.personal(RichText.plain(messages.get(chosen.get(), "language.chosen"))));
    }
}
