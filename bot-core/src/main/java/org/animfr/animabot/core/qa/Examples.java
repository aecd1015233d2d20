package org.animfr.animabot.core.qa;

import java.util.ArrayList;
import java.util.List;

/**
 * The examples the intent classifier learns from: the files shipped in {@code examples/} and the lines organizers
 * add in the same format, "INTENT language: text" per line ({@code #} starts a comment). Stateless.
 */
final class Examples {
    /** Files whose questions come wrapped in greetings and life stories (see {@link IntentIndex.Phrasing}). */
    static final java.util.Set<String> PADDED = java.util.Set.of("polite.txt", "stories.txt");
    /** The shipped files, by category; each says in its header what it teaches. */
    static final List<String> FILES = List.of("classic.txt", "basics.txt", "naming.txt", "polite.txt",
            "relative-time.txt", "gatherings.txt", "texting.txt", "faq-like.txt", "vocabulary.txt", "stories.txt",
            "out-of-scope.txt", "out-of-scope-more.txt");

    private Examples() {}

    /** A line that could not be read, with the reason. */
    record Problem(String line, String reason) {}

    /** The shipped examples then the extra lines; bad extra lines are skipped and reported to {@code problems}. */
    static List<IntentIndex.Phrasing> load(List<String> extraLines, List<Problem> problems) {
        List<IntentIndex.Phrasing> phrasings = new ArrayList<>();
        int before = problems.size();
        for (String file : FILES) {
            for (String line : QuestionAnalyzers.resource("examples/" + file).split("\n")) {
                parse(line, PADDED.contains(file), phrasings, problems);
            }
        }
        if (problems.size() > before) {
            throw new IllegalStateException("Bad shipped examples: " + problems.subList(before, problems.size()));
        }
        for (String line : extraLines) {
            parse(line, false, phrasings, problems);
        }
        return List.copyOf(phrasings);
    }

    private static void parse(String line, boolean padded, List<IntentIndex.Phrasing> phrasings,
            List<Problem> problems) {
        String row = line.strip();
        if (row.isEmpty() || row.startsWith("#")) {
            return;
        }
        int space = row.indexOf(' ');
        int colon = row.indexOf(':');
        if (space < 0 || colon < space) {
            problems.add(new Problem(line, "expected INTENT fr: text"));
            return;
        }
        String language = row.substring(space + 1, colon).strip();
        if (!language.equals(IntentIndex.FRENCH) && !language.equals(IntentIndex.ENGLISH)) {
            problems.add(new Problem(line, "language must be fr or en"));
            return;
        }
        try {
            Intent intent = Intent.valueOf(row.substring(0, space));
            phrasings.add(new IntentIndex.Phrasing(intent.name(), language, row.substring(colon + 1).strip(), padded));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line, "unknown intent " + row.substring(0, space)));
        }
    }
}
