package org.animfr.animabot.core.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.text.TextFold;

/**
 * Tells commands from questions, and reads a command's arguments by its spec. A message starting with {@code /}
 * or {@code !} is always a command. Without such a mark, a message is a command only when its first word is a
 * command's name and the rest has the command's shape ("semaine 3", "session animacoop-7"); "semaine prochaine,
 * c'est quoi le thème ?" is a question. Stateless and thread-safe.
 */
public final class CommandParser {
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Set<String> QUESTION_WORDS = Set.of(
            "quand", "quel", "quelle", "quels", "quelles", "qui", "quoi", "ou", "comment", "combien", "pourquoi",
            "est", "c", "cest", "when", "what", "where", "who", "how", "which", "is", "does", "do", "prochain",
            "prochaine", "next", "derniere", "dernier", "last", "cette", "this", "de", "du", "la", "le", "des");
    /** Unmarked messages with more words after a command's name are taken for sentences, not commands. */
    private static final int MAX_BARE_WORDS = 3;
    private static final String ADMIN = "admin";
    /** Words after a free-text command's name from which a question mark no longer makes the message a question. */
    private static final int MIN_FREE_TEXT_WITH_QUESTION = 12;

    private final CommandRegistry commands;
    private final Completions known;

    /**
     * @param known what the parameters' values can be, so that "session coeur de loire", whose words look like a
     *     sentence's, is still read as naming a session
     */
    public CommandParser(CommandRegistry commands, Completions known) {
        this.commands = commands;
        this.known = known;
    }

    public ParsedMessage parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return new ParsedMessage.Empty();
        }
        boolean explicit = trimmed.startsWith("/") || trimmed.startsWith("!");
        String body = explicit ? trimmed.substring(1).strip() : trimmed;
        if (body.isEmpty()) {
            return new ParsedMessage.UnknownCommand(trimmed,
                    commands.feature(HelpCommand.SPEC.key()).map(CommandFeature::spec));
        }
        List<Token> words = tokens(body);
        String first = word(words.get(0).text());
        if (first.equals(ADMIN)) {
            return parseAdmin(body, words);
        }
        int nameLength = 1;
        Optional<CommandSpec> spec = Optional.empty();
        if (words.size() >= 2) {
            // "mon profil", "forget me": names of two words are declared with a hyphen ("mon-profil")
            String joined = first + "-" + word(words.get(1).text());
            spec = commands.byWord(joined, false);
            if (spec.isPresent()) {
                first = joined;
                nameLength = 2;
            }
        }
        if (spec.isEmpty()) {
            spec = commands.byWord(first, false);
        }
        if (spec.isPresent()) {
            List<Token> rest = words.subList(nameLength, words.size());
            Invocation invocation = invocation(spec.get(), body, rest);
            if (explicit || hasCommandShape(invocation, rest, body)) {
                return new ParsedMessage.Command(invocation, spec.get().isEnglish(first), explicit);
            }
            return new ParsedMessage.Question(trimmed);
        }
        if (explicit) {
            return new ParsedMessage.UnknownCommand(words.get(0).text(), commands.closest(first, false));
        }
        if (words.size() == 1 && first.length() >= 4) {
            Optional<CommandSpec> near = commands.closest(first, false);
            if (near.isPresent()) {
                return new ParsedMessage.UnknownCommand(words.get(0).text(), near);
            }
        }
        return new ParsedMessage.Question(trimmed);
    }

    private ParsedMessage parseAdmin(String body, List<Token> words) {
        if (words.size() < 2) {
            return new ParsedMessage.UnknownCommand(ADMIN, Optional.empty());
        }
        String sub = word(words.get(1).text());
        Optional<CommandSpec> spec = commands.byWord(sub, true);
        if (spec.isEmpty()) {
            return new ParsedMessage.UnknownCommand(ADMIN + " " + words.get(1).text(), commands.closest(sub, true));
        }
        return new ParsedMessage.Command(invocation(spec.get(), body, words.subList(2, words.size())),
                spec.get().isEnglish(sub), true);
    }

    /** The arguments, parameter by parameter: a number only when the word is one, text to the end of the message. */
    static Invocation invocation(CommandSpec spec, String body, List<Token> words) {
        Map<String, String> arguments = new LinkedHashMap<>();
        int next = 0;
        for (Parameter parameter : spec.parameters()) {
            if (next >= words.size()) {
                break;
            }
            Token word = words.get(next);
            if (parameter.kind() != Parameter.Kind.TEXT && next + 1 < words.size()
                    && parameter.isNamed(word(word.text())) && parameter.accepts(words.get(next + 1).text())) {
                // "apercu semaine 3": a value may come after the parameter's name
                word = words.get(++next);
            }
            if (parameter.kind() == Parameter.Kind.TEXT) {
                arguments.put(parameter.key(), body.substring(word.start()).strip());
                next = words.size();
            } else if (parameter.accepts(word.text())) {
                arguments.put(parameter.key(), word.text());
                next++;
            }
        }
        List<String> extra = words.subList(next, words.size()).stream().map(Token::text).toList();
        return new Invocation(spec, arguments, extra);
    }

    /**
     * An unmarked message is a command when it has no question in it and as many words as the command takes, or when
     * its text argument names a known value exactly ("session coeur de loire").
     */
    private boolean hasCommandShape(Invocation invocation, List<Token> rest, String body) {
        if (takesFreeText(invocation.spec()) && !rest.isEmpty()) {
            // a description may ask questions of its own; a short one with a question mark is a question to the bot
            return !body.contains("?") || rest.size() >= MIN_FREE_TEXT_WITH_QUESTION;
        }
        if (body.contains("?")) {
            return false;
        }
        List<Parameter> parameters = invocation.spec().parameters();
        Optional<Parameter> text = parameters.stream().filter(p -> p.kind() == Parameter.Kind.TEXT).findFirst();
        if (text.isPresent() && text.get().completion() != Completion.NONE && invocation.argument(text.get().key())
                .filter(value -> known.names(text.get().completion(), value)).isPresent()) {
            return true;
        }
        if (rest.stream().map(t -> word(t.text())).anyMatch(QUESTION_WORDS::contains)) {
            return false;
        }
        if (text.isPresent()) {
            return rest.size() <= MAX_BARE_WORDS;
        }
        long required = parameters.stream().filter(Parameter::required).count();
        return rest.size() >= required && rest.size() <= parameters.size();
    }

    private static boolean takesFreeText(CommandSpec spec) {
        return spec.parameters().stream().anyMatch(Parameter::free);
    }

    /** A typed word as command names are written: folded, without punctuation around it ("Aide!" is "aide"). */
    static String word(String typed) {
        return TextFold.fold(typed).replaceAll("[^\\p{L}\\p{N}?-]", "");
    }

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            tokens.add(new Token(matcher.group(), matcher.start()));
        }
        return tokens;
    }

    /** A word of the message and where it starts in it. */
    record Token(String text, int start) {}
}
