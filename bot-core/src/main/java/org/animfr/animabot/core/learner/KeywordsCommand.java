package org.animfr.animabot.core.learner;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.Asked;
import org.animfr.animabot.core.dispatch.CommandFeature;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Invocation;
import org.animfr.animabot.core.dispatch.Parameter;
import org.animfr.animabot.core.dispatch.PrivateAnswers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.text.TextFold;

/**
 * {@code mots-cles a, b, c}: the person's keywords, which bring people with the same ones closer; {@code mots-cles
 * aucun} clears them. Without words it shows them. Answered privately.
 */
public final class KeywordsCommand extends CommandFeature {
    private static final String WORDS = "words";
    static final Set<String> NONE = Set.of("aucun", "aucuns", "rien", "none", "nothing", "effacer", "clear");
    public static final CommandSpec SPEC = CommandSpec.command("keywords", "mots-cles", "keywords")
            .frenchAliases("motscles", "mots-clefs", "mots-clef", "mots-cle")
            .parameter(Parameter.freeText(WORDS, "mots", "words"))
            .build();

    private final Messages messages;
    private final Profiles profiles;
    private final PrivateAnswers privately;

    public KeywordsCommand(Messages messages, Profiles profiles, PrivateAnswers privately) {
        super(SPEC);
        this.messages = messages;
        this.profiles = profiles;
        this.privately = privately;
    }

    @Override
    public CompletionStage<List<Reply>> execute(Invocation invocation, Asked asked) {
        Language l = asked.language();
        Optional<String> typed = invocation.argument(WORDS);
        if (typed.isEmpty()) {
            Profile current = profiles.profileOf(asked.message().author().ref());
            return privately.answer(asked, current.keywords().isEmpty()
                    ? messages.get(l, "keywords.none")
                    : messages.get(l, "keywords.current", String.join(", ", current.keywords())));
        }
        if (NONE.contains(TextFold.compact(typed.get()))) {
            profiles.change(asked.message().author(), (current, at) -> current.withKeywords(List.of(), at));
            return privately.answer(asked, messages.get(l, "keywords.cleared"));
        }
        // one keyword per comma, semicolon or line; the same keyword typed twice counts once
        Map<String, String> words = new LinkedHashMap<>();
        Arrays.stream(typed.get().split("[,;\\n]")).map(w -> ProjectCommand.clean(w).replaceAll("^#", ""))
                .filter(w -> !w.isEmpty())
                .forEach(w -> words.putIfAbsent(TextFold.compact(w), w));
        if (words.isEmpty()) {
            return privately.answer(asked, messages.get(l, "keywords.usage"));
        }
        if (words.size() > Profile.MAX_KEYWORDS) {
            return privately.answer(asked, messages.get(l, "keywords.too-many", words.size(), Profile.MAX_KEYWORDS));
        }
        Optional<String> tooLong = words.values().stream()
                .filter(w -> w.codePointCount(0, w.length()) > Profile.MAX_KEYWORD).findFirst();
        if (tooLong.isPresent()) {
            return privately.answer(asked, messages.get(l, "keywords.too-long", Profile.MAX_KEYWORD));
        }
        List<String> chosen = List.copyOf(words.values());
        profiles.change(asked.message().author(), (current, at) -> current.withKeywords(chosen, at));
        return privately.answer(asked, messages.get(l, "keywords.saved", String.join(", ", chosen)));
    }
}
