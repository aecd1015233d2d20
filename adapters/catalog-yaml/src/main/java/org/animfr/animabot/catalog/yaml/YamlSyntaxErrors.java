package org.animfr.animabot.catalog.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.session.DataProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Words a SnakeYAML syntax error the way an organizer can fix it: the line to look at and what to change there
 * (a tab to replace, a text to put between double quotes, a line to align, a quote or a bracket to close, a
 * colon to add). SnakeYAML stops at the first error, so there is one problem, except for tabs: every line indented
 * with a tab is reported at once. The kind is read from SnakeYAML's problem text and marks (its line and column,
 * counted in code points) and from the text around them; what is not recognized keeps SnakeYAML's own words in
 * {@code data.problem.yaml-syntax}. One instance per error.
 */
final class YamlSyntaxErrors {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");
    /** A line holding a key: indentation, list dashes, the key, then what follows the colon. */
    private static final Pattern KEY_LINE =
            Pattern.compile("( *)((?:- +)*)([\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*)[ \\t]*:(?=\\s|$)(.*)");
    /** A key glued to its value ({@code name:Anim}): YAML reads it as one text. */
    private static final Pattern GLUED_KEY = Pattern.compile(" *(?:- +)*([\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*):(\\S.*)");
    /** A key without a colon ({@code name Anim}). */
    private static final Pattern KEY_WITHOUT_COLON =
            Pattern.compile(" *(?:- +)*([\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*)(.*)");
    private static final Pattern FLOW_KEY = Pattern.compile("([\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*)[ \\t]*:\\s");
    private static final Pattern CANNOT_START = Pattern.compile("found character '(.+)' that cannot start any token.*",
            Pattern.DOTALL);

    private final String file;
    private final String text;
    private final String[] lines;

    private YamlSyntaxErrors(String file, String text) {
        this.file = file;
        this.text = text;
        this.lines = LINE_BREAK.split(text, -1);
    }

    /** The problems to report for {@code error}, thrown by SnakeYAML while reading {@code text}; never empty. */
    static List<DataProblem> explain(String file, String text, YAMLException error) {
        if (error instanceof MarkedYAMLException marked) {
            return new YamlSyntaxErrors(file, text).explain(marked);
        }
        if (error instanceof ReaderException reader) {
            return List.of(DataProblem.of(file, lineAt(text, reader.getPosition()), "data.problem.yaml-syntax",
                    String.valueOf(reader.getMessage())));
        }
        return List.of(DataProblem.of(file, 0, "data.problem.yaml-syntax", String.valueOf(error.getMessage())));
    }

    private List<DataProblem> explain(MarkedYAMLException error) {
        String problem = String.valueOf(error.getProblem());
        Mark at = error.getProblemMark();
        if (at == null) {
            return List.of(generic(error));
        }
        Matcher cannotStart = CANNOT_START.matcher(problem);
        if (cannotStart.matches() && cannotStart.group(1).startsWith("\\t")) {
            return tabs(at.getLine());
        }
        Optional<DataProblem> found = error instanceof ParserException ? quoteTroubles(at) : Optional.empty();
        if (found.isEmpty()) {
            found = byKind(problem, String.valueOf(error.getContext()), at, error.getContextMark(),
                    cannotStart.matches());
        }
        return List.of(found.orElseGet(() -> generic(error)));
    }

    private Optional<DataProblem> byKind(String problem, String context, Mark at, Mark opened, boolean cannotStart) {
        if (context.startsWith("while parsing a flow")) {
            return flowTrouble(problem, at, opened);
        }
        if (context.equals("while scanning a quoted scalar") && problem.startsWith("found unexpected end of stream")
                && opened != null) {
            return Optional.of(problem(opened.getLine(), "data.problem.yaml-unclosed-quote",
                    String.valueOf(charAt(opened))));
        }
        if (context.equals("while scanning a double-quoted scalar")
                && (problem.startsWith("found unknown escape character") || problem.startsWith("expected escape"))) {
            return Optional.of(problem(at.getLine(), "data.problem.yaml-backslash"));
        }
        if (context.equals("while scanning a simple key") && opened != null) {
            return keyWithoutColon(opened.getLine());
        }
        if (context.equals("while scanning a block scalar") && opened != null
                && problem.startsWith("expected a comment or a line break")) {
            return specialCharacter(opened);
        }
        if (cannotStart || problem.equals("mapping keys are not allowed here")
                || problem.startsWith("found undefined alias")) {
            return specialCharacter(at);
        }
        if (problem.equals("sequence entries are not allowed here") && isValue(at)) {
            return specialCharacter(at);
        }
        if (problem.equals("mapping values are not allowed here")) {
            return colonTrouble(at);
        }
        if (problem.startsWith("expected <block end>, but found") && !problem.endsWith("'<scalar>'")) {
            return misaligned(at.getLine());
        }
        return Optional.empty();
    }

    private DataProblem generic(MarkedYAMLException error) {
        Mark mark = error.getProblemMark() != null ? error.getProblemMark() : error.getContextMark();
        String what = error.getContext() == null ? String.valueOf(error.getProblem())
                : error.getProblem() == null ? error.getContext() : error.getContext() + ", " + error.getProblem();
        return DataProblem.of(file, mark == null ? 0 : mark.getLine() + 1, "data.problem.yaml-syntax", what.strip());
    }

    /** A tab in the indentation: the line SnakeYAML stopped at, and every other line indented with a tab. */
    private List<DataProblem> tabs(int stoppedAt) {
        TreeSet<Integer> found = new TreeSet<>();
        found.add(stoppedAt);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String content = line.stripLeading();
            int indentation = line.length() - content.length();
            if (!content.isEmpty() && !content.startsWith("#") && line.substring(0, indentation).indexOf('\t') >= 0) {
                found.add(i);
            }
        }
        return found.stream().map(line -> problem(line, "data.problem.yaml-tab")).toList();
    }

    /**
     * A parser error right after a quoted text: either the text was never closed and ran over the next lines up
     * to the next quote, or the line goes on after the closing quote ({@code 'C'est gratuit ?'}).
     */
    private Optional<DataProblem> quoteTroubles(Mark at) {
        ScalarEvent quoted = lastQuotedScalar();
        if (quoted == null || quoted.getEndMark().getLine() != at.getLine()) {
            return Optional.empty();
        }
        String quote = quoted.isDQuoted() ? "\"" : "'";
        Mark start = quoted.getStartMark();
        if (start.getLine() < at.getLine()) {
            return Optional.of(problem(start.getLine(), "data.problem.yaml-unclosed-quote", quote));
        }
        if (at.getColumn() >= quoted.getEndMark().getColumn()) {
            return Optional.of(problem(at.getLine(), "data.problem.yaml-quote-value", quote,
                    quotedFrom(at.getLine(), index(lines[at.getLine()], start.getColumn()))));
        }
        return Optional.empty();
    }

    /** The last quoted text SnakeYAML read before the error, read again event by event; null when none. */
    private ScalarEvent lastQuotedScalar() {
        ScalarEvent last = null;
        try {
            for (Event event : new Yaml(new SafeConstructor(new LoaderOptions())).parse(new StringReader(text))) {
                if (event instanceof ScalarEvent scalar && (scalar.isDQuoted() || scalar.isSQuoted())) {
                    last = scalar;
                }
            }
        } catch (YAMLException e) {
            return last;
        }
        return last;
    }

    /**
     * An error inside {@code [ … ]} or {@code { … }}: a {@code #} that turned the rest of the line into a comment,
     * a bracket never closed, or a {@code ?} or {@code :} that YAML reads as syntax.
     */
    private Optional<DataProblem> flowTrouble(String problem, Mark at, Mark opened) {
        if (opened == null) {
            return Optional.empty();
        }
        String open = String.valueOf(charAt(opened));
        if (!open.equals("[") && !open.equals("{")) {
            return Optional.empty();
        }
        String brackets = open.equals("[") ? "[ ]" : "{ }";
        String openLine = lines[opened.getLine()];
        if (at.getLine() > opened.getLine() || problem.endsWith("<stream end>")) {
            int hash = commentStart(openLine, index(openLine, opened.getColumn()));
            if (hash >= 0) {
                return Optional.of(problem(opened.getLine(), "data.problem.yaml-quote-in-brackets", "#", brackets,
                        flowItem(openLine, hash)));
            }
            if (problem.endsWith("<stream end>") || indentation(lines[at.getLine()]) <= column(openLine, false)) {
                return Optional.of(problem(opened.getLine(), "data.problem.yaml-unclosed-bracket", open,
                        open.equals("[") ? "]" : "}"));
            }
        }
        if (problem.endsWith("but got ?") || problem.endsWith("but got :")) {
            String line = lines[at.getLine()];
            return Optional.of(problem(at.getLine(), "data.problem.yaml-quote-in-brackets",
                    problem.substring(problem.length() - 1), brackets, flowItem(line, index(line, at.getColumn()))));
        }
        return Optional.empty();
    }

    /** A {@code :} where YAML expects none: in a value, after a key glued to its value, or on a misaligned line. */
    private Optional<DataProblem> colonTrouble(Mark at) {
        String line = lines[at.getLine()];
        Matcher key = KEY_LINE.matcher(line);
        if (key.matches() && key.start(4) <= index(line, at.getColumn())) {
            return Optional.of(problem(at.getLine(), "data.problem.yaml-quote-value", ":",
                    quoted(key.group(3) + ": ", key.group(4))));
        }
        int previous = previousContent(at.getLine());
        if (previous >= 0) {
            String before = lines[previous];
            if (GLUED_KEY.matcher(before).matches() && !before.contains(": ")
                    || indentation(before) == indentation(line) && !before.contains(":")
                            && !before.stripLeading().startsWith("-")) {
                Optional<DataProblem> colon = keyWithoutColon(previous);
                if (colon.isPresent()) {
                    return colon;
                }
            }
        }
        return key.matches() ? misaligned(at.getLine()) : Optional.empty();
    }

    /** A key without {@code :}, or without the space after it: the line written as it should be. */
    private Optional<DataProblem> keyWithoutColon(int line) {
        Matcher glued = GLUED_KEY.matcher(lines[line]);
        if (glued.matches()) {
            return Optional.of(problem(line, "data.problem.yaml-key-colon", glued.group(1) + ": " + glued.group(2)));
        }
        Matcher bare = KEY_WITHOUT_COLON.matcher(lines[line]);
        if (bare.matches() && !bare.group(2).contains(":")) {
            String value = bare.group(2).strip();
            return Optional.of(problem(line, "data.problem.yaml-key-colon",
                    bare.group(1) + ":" + (value.isEmpty() ? "" : " " + value)));
        }
        return Optional.empty();
    }

    /** A character with a meaning in YAML ({@code @}, {@code *}, {@code |}, {@code ?}…) where a text was meant. */
    private Optional<DataProblem> specialCharacter(Mark at) {
        String line = lines[at.getLine()];
        int index = index(line, at.getColumn());
        if (index >= line.length()) {
            return Optional.empty();
        }
        return Optional.of(problem(at.getLine(), "data.problem.yaml-quote-value",
                String.valueOf(Character.toChars(line.codePointAt(index))), quotedFrom(at.getLine(), index)));
    }

    /** Whether the mark is in the value of a {@code key: value} line. */
    private boolean isValue(Mark at) {
        String line = lines[at.getLine()];
        Matcher key = KEY_LINE.matcher(line);
        return key.matches() && key.start(4) <= index(line, at.getColumn());
    }

    /** The line from {@code index} on, between double quotes, after its key when the value starts there. */
    private String quotedFrom(int line, int index) {
        Matcher key = KEY_LINE.matcher(lines[line]);
        if (key.matches() && key.start(4) <= index) {
            return quoted(key.group(3) + ": ", key.group(4));
        }
        return quoted("", lines[line].substring(index));
    }

    /**
     * A line that is not aligned with the lines of its block: the nearest key (or list dash) above whose column is
     * the closest, other than its own, is the one to align with.
     */
    private Optional<DataProblem> misaligned(int line) {
        boolean entry = lines[line].stripLeading().startsWith("-");
        int column = column(lines[line], entry);
        int best = -1;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = line - 1; i >= 0; i--) {
            String candidate = lines[i];
            boolean matches = entry ? candidate.stripLeading().startsWith("-")
                    : KEY_LINE.matcher(candidate).matches();
            if (!matches) {
                continue;
            }
            int distance = Math.abs(column(candidate, entry) - column);
            if (distance > 0 && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        return Optional.of(problem(line, "data.problem.yaml-indentation", label(lines[line], entry),
                label(lines[best], entry), best + 1));
    }

    private static int column(String line, boolean entry) {
        if (entry) {
            return indentation(line);
        }
        Matcher key = KEY_LINE.matcher(line);
        return key.matches() ? key.start(3) : indentation(line);
    }

    /** How a line is named in messages: its key ({@code start}), or its dash and first key ({@code - id}). */
    private static String label(String line, boolean entry) {
        String content = line.strip();
        if (entry) {
            int colon = content.indexOf(':');
            return colon > 0 ? content.substring(0, colon).strip() : content;
        }
        Matcher key = KEY_LINE.matcher(line);
        return key.matches() ? key.group(3) : content;
    }

    /** The item of a {@code [ … ]} or {@code { … }} around {@code index}, quoted (after its key in a mapping). */
    private static String flowItem(String line, int index) {
        int start = index;
        while (start > 0 && "[{,".indexOf(line.charAt(start - 1)) < 0) {
            start--;
        }
        int end = index;
        while (end < line.length() && ",]}".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        String item = line.substring(start, end).strip();
        Matcher key = FLOW_KEY.matcher(item);
        if (key.lookingAt() && key.end() <= index - start) {
            return quoted(key.group(1) + ": ", item.substring(key.end()));
        }
        return quoted("", item);
    }

    /** Where an unquoted {@code #} after a space starts a comment in {@code line} from {@code from}, or -1. */
    private static int commentStart(String line, int from) {
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code prefix} then the value between double quotes; a value already between quotes loses them. */
    static String quoted(String prefix, String value) {
        String inner = value.strip();
        if (inner.length() >= 2 && inner.charAt(0) == inner.charAt(inner.length() - 1)
                && (inner.charAt(0) == '"' || inner.charAt(0) == '\'')) {
            inner = inner.substring(1, inner.length() - 1);
        }
        return prefix + '"' + inner.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private int previousContent(int line) {
        for (int i = line - 1; i >= 0; i--) {
            String content = lines[i].strip();
            if (!content.isEmpty() && !content.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static int indentation(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    /** The character index of a SnakeYAML column, which counts code points. */
    private static int index(String line, int column) {
        int codePoints = line.codePointCount(0, line.length());
        return line.offsetByCodePoints(0, Math.min(column, codePoints));
    }

    private char charAt(Mark mark) {
        String line = mark.getLine() < lines.length ? lines[mark.getLine()] : "";
        int index = index(line, mark.getColumn());
        return index < line.length() ? line.charAt(index) : ' ';
    }

    private DataProblem problem(int lineIndex, String key, Object... args) {
        return DataProblem.of(file, lineIndex + 1, key, args);
    }

    /** The line (from 1) of a position counted in code points. */
    private static int lineAt(String text, int codePointIndex) {
        int line = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
            }
            index++;
        }
        return line;
    }
}
