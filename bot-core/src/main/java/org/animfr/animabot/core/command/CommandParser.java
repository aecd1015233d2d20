package org.animfr.animabot.core.command;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells commands from questions. A message starting with {@code /} or {@code !} is always a command. Without
 * such a mark, a message is a command only when its first word is a command's name and the rest has the
 * command's shape ("semaine 3", "session animacoop-7"); "semaine prochaine, c'est quoi le thème ?" is a
 * question. Stateless and thread-safe.
 */
public final class CommandParser {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> QUESTION_WORDS = Set.of(
            "quand", "quel", "quelle", "quels", "quelles", "qui", "quoi", "ou", "comment", "combien", "pourquoi",
            "est", "c", "cest", "when", "what", "where", "who", "how", "which", "is", "does", "do", "prochain",
            "prochaine", "next", "derniere", "dernier", "last", "cette", "this", "de", "du", "la", "le", "des");
    private static final int MAX_BARE_ARGS = 3;

    public ParsedMessage parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new ParsedMessage.Empty();
        }
        boolean explicit = trimmed.startsWith("/") || trimmed.startsWith("!");
        String body = explicit ? trimmed.substring(1).strip() : trimmed;
        if (body.isEmpty()) {
            return new ParsedMessage.UnknownCommand(trimmed, Optional.of(CommandName.HELP));
        }
        List<String> words = Arrays.asList(WHITESPACE.split(body));
        String first = fold(words.get(0));

        if (first.equals("admin")) {
            return parseAdmin(words, body);
        }
        Optional<CommandName> name = lookup(first, false);
        if (name.isPresent()) {
            List<String> args = words.subList(1, words.size());
            String argumentText = body.substring(words.get(0).length()).strip();
            if (explicit || hasCommandShape(name.get(), args, body)) {
                return new ParsedMessage.Command(name.get(), args, argumentText, isEnglish(name.get(), first), explicit);
            }
            return new ParsedMessage.Question(trimmed);
        }
        if (explicit) {
            return new ParsedMessage.UnknownCommand(words.get(0), closest(first, false));
        }
        if (words.size() == 1 && first.length() >= 4) {
            Optional<CommandName> near = closest(first, false);
            if (near.isPresent()) {
                return new ParsedMessage.UnknownCommand(words.get(0), near);
            }
        }
        return new ParsedMessage.Question(trimmed);
    }

    private ParsedMessage parseAdmin(List<String> words, String body) {
        if (words.size() < 2) {
            return new ParsedMessage.UnknownCommand("admin", Optional.empty());
        }
        String sub = fold(words.get(1));
        Optional<CommandName> name = lookup(sub, true);
        if (name.isEmpty()) {
            return new ParsedMessage.UnknownCommand("admin " + words.get(1), closest(sub, true));
        }
        String afterAdmin = body.substring(words.get(0).length()).strip();
        String argumentText = afterAdmin.substring(words.get(1).length()).strip();
        return new ParsedMessage.Command(
                name.get(), words.subList(2, words.size()), argumentText, isEnglish(name.get(), sub), true);
    }

    private static boolean hasCommandShape(CommandName name, List<String> args, String body) {
        if (body.contains("?")) {
            return false;
        }
        if (args.stream().map(CommandParser::fold).anyMatch(QUESTION_WORDS::contains)) {
            return false;
        }
        return switch (name) {
            case HELP, SESSIONS -> args.isEmpty();
            case LANGUAGE -> args.size() == 1;
            default -> args.size() <= MAX_BARE_ARGS;
        };
    }

    private static Optional<CommandName> lookup(String folded, boolean admin) {
        for (CommandName name : CommandName.values()) {
            if (name.admin() == admin && name.words().contains(folded)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static boolean isEnglish(CommandName name, String folded) {
        return folded.equals(name.englishName()) && !folded.equals(name.frenchName());
    }

    /** The command whose name or alias is nearest to the word, within an edit distance of 2. */
    static Optional<CommandName> closest(String folded, boolean admin) {
        CommandName best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandName name : CommandName.values()) {
            if (name.admin() != admin) {
                continue;
            }
            for (String word : name.words()) {
                int distance = editDistance(folded, word);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = name;
                }
            }
        }
        int allowed = folded.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String fold(String word) {
        String noAccents = Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return noAccents.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}?-]", "");
    }
}
