package org.animfr.animabot.core.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.text.TextFold;

/**
 * Rewrites words as people type them on a phone ("qd", "cest", "dmain", "tmrw") into the words they mean,
 * before references and intent are looked for, from {@code texting.txt} ("typed => meant" per line) and the
 * lines organizers add. Works on folded text (see {@link TextFold}). Immutable; thread-safe.
 */
final class Texting {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Map<String, String> rewrites;
    private final Pattern typed;

    private Texting(Map<String, String> rewrites) {
        this.rewrites = Map.copyOf(rewrites);
        List<String> words = new ArrayList<>(rewrites.keySet());
        words.sort(Comparator.comparingInt(String::length).reversed());
        // a number may follow a word without a space: "ac8" is "animacoop 8"
        this.typed = Pattern.compile("(?<![\\p{L}\\p{N}'])(" + String.join("|", words.stream().map(Pattern::quote)
                .toList()) + ")(?![\\p{L}'])");
    }

    /** The shipped rewrites and, after them, the extra lines (same format), which win over shipped ones. */
    static Texting shipped(List<String> extraLines) {
        Map<String, String> rewrites = new HashMap<>();
        List<String> lines = new ArrayList<>(List.of(QuestionAnalyzers.resource("texting.txt").split("\n")));
        lines.addAll(extraLines);
        for (String line : lines) {
            int arrow = line.indexOf("=>");
            if (line.isBlank() || line.strip().startsWith("#") || arrow < 0) {
                continue;
            }
            String from = TextFold.fold(line.substring(0, arrow)).strip().replaceAll("\\s+", " ");
            String to = TextFold.fold(line.substring(arrow + 2)).strip();
            if (!from.isEmpty()) {
                rewrites.put(from, to);
            }
        }
        return new Texting(rewrites);
    }

    /** The folded text with typed words replaced by what they mean. */
    String rewrite(String folded) {
        String text = SPACES.matcher(folded).replaceAll(" ");
        Matcher matcher = typed.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String meant = rewrites.get(matcher.group(1));
            boolean numberFollows = matcher.end() < text.length() && Character.isDigit(text.charAt(matcher.end()));
            matcher.appendReplacement(out, Matcher.quoteReplacement(numberFollows ? meant + " " : meant));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
