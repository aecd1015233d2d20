package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter of a command, declared once with its command: how it is read from text, what it is called in each
 * language (Discord shows these names), and where suggestions for it come from.
 *
 * @param key the language-neutral key arguments are stored under ({@code session}), lower case
 * @param kind how much text it takes
 * @param required whether the command needs it
 * @param frenchName its name in French ({@code numero}), a valid Discord option name
 * @param englishName its name in English ({@code number})
 * @param completion where suggestions for its value come from
 * @param choices the only values allowed, when the parameter is a choice; empty otherwise
 * @param min the smallest number allowed, for {@link Kind#NUMBER}
 * @param max the largest number allowed, for {@link Kind#NUMBER}
 * @param free for {@link Kind#TEXT}: whatever people write, however long ("projet je monte une web radio…"), so
 *     that the command's name alone makes the message a command
 */
public record Parameter(
        String key, Kind kind, boolean required, String frenchName, String englishName, Completion completion,
        List<Choice> choices, int min, int max, boolean free) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    /** "3", "-2", "S3", "n°3", "#3": what a person types for a number; a word like "animacoop" is not one. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?\\d+|(?i)(?:s|n°|no|#)\\d+");

    /** How much of a message a parameter takes. */
    public enum Kind {
        /** One word, only when it looks like a number; otherwise the parameter is left out. */
        NUMBER,
        /** One word. */
        WORD,
        /** The rest of the message, as typed; only the last parameter may be text. */
        TEXT
    }

    /** An allowed value and what it is called. */
    public record Choice(String label, String value) {
        public Choice {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public Parameter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(completion, "completion");
        for (String name : List.of(key, frenchName, englishName)) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a parameter name (lower case, digits, - or _): " + name);
            }
        }
        choices = List.copyOf(choices);
    }

    /** An optional number ("semaine 3"). */
    public static Parameter number(String key, String frenchName, String englishName, int min, int max) {
        return new Parameter(key, Kind.NUMBER, false, frenchName, englishName, Completion.NONE, List.of(), min, max,
                false);
    }

    /** A required word among fixed choices ("langue fr"). */
    public static Parameter choice(String key, String frenchName, String englishName, List<Choice> choices) {
        return new Parameter(key, Kind.WORD, true, frenchName, englishName, Completion.NONE, choices, 0, 0, false);
    }

    /** An optional word, any word ("lier-compte K7P2QX"). */
    public static Parameter word(String key, String frenchName, String englishName) {
        return new Parameter(key, Kind.WORD, false, frenchName, englishName, Completion.NONE, List.of(), 0, 0, false);
    }

    /** An optional text, the rest of the message ("session animacoop 7"). */
    public static Parameter text(String key, String frenchName, String englishName) {
        return new Parameter(key, Kind.TEXT, false, frenchName, englishName, Completion.NONE, List.of(), 0, 0, false);
    }

    /** An optional free text, the rest of the message however long, that people write in their own words. */
    public static Parameter freeText(String key, String frenchName, String englishName) {
        return new Parameter(key, Kind.TEXT, false, frenchName, englishName, Completion.NONE, List.of(), 0, 0, true);
    }

    /** The same parameter, required. */
    public Parameter mandatory() {
        return new Parameter(key, kind, true, frenchName, englishName, completion, choices, min, max, free);
    }

    /** The same parameter, with suggestions from the given source. */
    public Parameter completedWith(Completion source) {
        return new Parameter(key, kind, required, frenchName, englishName, source, choices, min, max, free);
    }

    /** The key of its description in the message bundles, for platforms that describe parameters. */
    public String descriptionKey() {
        return "parameter." + key;
    }

    /** Whether a folded word is this parameter's name, in French or English. */
    boolean isNamed(String foldedWord) {
        return foldedWord.equals(frenchName) || foldedWord.equals(englishName);
    }

    /** Whether a word of a message can be this parameter's value. */
    boolean accepts(String word) {
        return kind != Kind.NUMBER || NUMBER_LIKE.matcher(word).matches();
    }
}
