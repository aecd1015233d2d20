package org.animfr.animabot.core.person;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.Replies;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/** {@code langue fr|en}: the language the bot uses with this person from now on, on this platform. */
public final class LanguageCommand extends CommandFeature {
    public static final CommandSpec SPEC = CommandSpec.command("language", "langue", "language")
            .englishAliases("lang")
            .parameter(Parameter.choice("language", "langue", "language", List.of(
                    new Parameter.Choice("français", "fr"), new Parameter.Choice("English", "en"))))
            .build();

    private final Messages messages;
    private final LanguagePreferences preferences;

    public LanguageCommand(Messages messages, LanguagePreferences preferences) {
        super(SPEC);
        this.messages = messages;
        this.preferences = preferences;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Optional<Language> chosen = invocation.argument("language").flatMap(Language::parse);
        if (chosen.isEmpty() || !invocation.extra().isEmpty()) {
            return Replies.personal(messages.get(asked.language(), "language.usage"));
        }
        preferences.choose(asked.message().author().ref(), chosen.get());
        return Replies.personal(messages.get(chosen.get(), "language.chosen"));
    }
}
