package org.animfr.animabot.core.dispatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.text.TextFold;

/**
 * Everything the bot knows of a command, declared once by the feature that runs it: its key, its names and
 * aliases in French and English, whether it is for organizers (typed after {@code admin}), and its parameters.
 * The parser, {@code aide}, Discord's slash commands and the follow-up buttons are all derived from it. Its help
 * text is {@code help.command.<key>} and its usage {@code help.command.<key>.args} in both message bundles.
 * Immutable.
 *
 * @param key the language-neutral key ({@code week}, {@code admin-link})
 * @param organizerOnly true for organizer commands, typed after {@code admin}
 * @param frenchWords the French name first, then aliases people type (folded: lower case, no accents)
 * @param englishWords the English name first, then English aliases
 * @param parameters in the order they are typed; only the last may be {@link Parameter.Kind#TEXT}
 */
public record CommandSpec(
        String key, boolean organizerOnly, List<String> frenchWords, List<String> englishWords,
        List<Parameter> parameters) {
    /** Discord's rule for command names, which every name follows so that every command has a slash form. */
    private static final Pattern SLASH_NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public CommandSpec {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a command key: " + key);
        }
        frenchWords = List.copyOf(frenchWords);
        englishWords = List.copyOf(englishWords);
        parameters = List.copyOf(parameters);
        if (frenchWords.isEmpty() || englishWords.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a French and an English name");
        }
        for (String name : List.of(frenchWords.get(0), englishWords.get(0))) {
            if (!SLASH_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(key + ": '" + name + "' cannot be a slash command's name");
            }
        }
        for (String word : concat(frenchWords, englishWords)) {
            if (!word.equals(TextFold.fold(word).strip()) || word.isEmpty() || word.contains(" ")) {
                throw new IllegalArgumentException(key + ": '" + word + "' must be one folded word");
            }
        }
        Set<String> parameterKeys = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            if (!parameterKeys.add(parameter.key())) {
                throw new IllegalArgumentException(key + ": two parameters named " + parameter.key());
            }
            if (parameter.kind() == Parameter.Kind.TEXT && i != parameters.size() - 1) {
                throw new IllegalArgumentException(key + ": only the last parameter may take the rest of the text");
            }
        }
    }

    /** Starts the spec of the command with this key and its French and English names. */
    public static Builder command(String key, String frenchName, String englishName) {
        return new Builder(key, frenchName, englishName);
    }

    /** The name people see in a language ({@code semaine}, {@code week}). */
    public String name(Language language) {
        return language == Language.EN ? englishWords.get(0) : frenchWords.get(0);
    }

    /** How it starts when typed in a language: {@code semaine}, or {@code admin relier} for organizers. */
    public String typedName(Language language) {
        return organizerOnly ? "admin " + name(language) : name(language);
    }

    public String helpKey() {
        return "help.command." + key;
    }

    public String usageKey() {
        return helpKey() + ".args";
    }

    /** Whether the folded word is one of this command's names or aliases. */
    public boolean answersTo(String foldedWord) {
        return frenchWords.contains(foldedWord) || englishWords.contains(foldedWord);
    }

    /** Whether the folded word is an English name of this command and not a French one (a hint of language). */
    public boolean isEnglish(String foldedWord) {
        return englishWords.contains(foldedWord) && !frenchWords.contains(foldedWord);
    }

    /** Every name and alias, French first. */
    public List<String> words() {
        return concat(frenchWords, englishWords);
    }

    /** The command with these arguments, by language-neutral keys. */
    public CommandCall call(Map<String, String> arguments) {
        return new CommandCall(key, arguments);
    }

    /** The command with these arguments as a person would type it in a language: {@code regroupements animacoop-7}. */
    public String typed(Language language, Map<String, String> arguments) {
        StringBuilder text = new StringBuilder(typedName(language));
        for (Parameter parameter : parameters) {
            String value = arguments.get(parameter.key());
            if (value != null && !value.isBlank()) {
                text.append(' ').append(value);
            }
        }
        return text.toString();
    }

    /** A follow-up button for this command: its label, the call it makes, and how to type it instead. */
    public Reply.FollowUp followUp(String label, Language language, Map<String, String> arguments) {
        return new Reply.FollowUp(label, call(arguments), typed(language, arguments));
    }

    public Optional<Parameter> parameter(String parameterKey) {
        return parameters.stream().filter(p -> p.key().equals(parameterKey)).findFirst();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Builds a spec: names first, then aliases, parameters and audience. Not thread-safe. */
    public static final class Builder {
        private final String key;
        private final List<String> french = new ArrayList<>();
        private final List<String> english = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private boolean organizerOnly;

        private Builder(String key, String frenchName, String englishName) {
            this.key = key;
            french.add(Objects.requireNonNull(frenchName, "frenchName"));
            english.add(Objects.requireNonNull(englishName, "englishName"));
        }

        /** Other French ways to type it ({@code formations} for {@code sessions}). */
        public Builder frenchAliases(String... aliases) {
            french.addAll(List.of(aliases));
            return this;
        }

        /** Other English ways to type it ({@code registration} for {@code register}). */
        public Builder englishAliases(String... aliases) {
            english.addAll(List.of(aliases));
            return this;
        }

        public Builder parameter(Parameter parameter) {
            parameters.add(parameter);
            return this;
        }

        /** Only organizers may run it, and they type it after {@code admin}. */
        public Builder forOrganizers() {
            organizerOnly = true;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(key, organizerOnly, french, english, parameters);
        }
    }

    /** Arguments in the order of the parameters, for {@link #typed} and {@link #call}: {@code args("session", id)}. */
    public static Map<String, String> args(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Keys and values come in pairs");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return arguments;
    }
}
