package org.animfr.animabot.core.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the intent classifier reads of a question, once its references are taken out: its concept terms (spelling
 * corrected against the known words, synonyms, stop words and stems: see {@link QuestionAnalyzers}), pairs of
 * neighbouring terms, character 4-grams of its words (so that a typo or a word family still shares most of its
 * features with the known word), one "unk" per word the bot was never taught (which the out-of-scope examples
 * teach the model to distrust), and placeholders for the references found ("a session", "a week", "a time").
 * Stateless; thread-safe.
 */
final class QuestionFeatures {
    private static final int GRAM = 4;

    private final QuestionAnalyzers analyzers;

    QuestionFeatures(QuestionAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    /**
     * A question as read.
     *
     * @param surface its words as typed, spelling corrected
     * @param typed its words as typed, before spelling is corrected, one for each of {@code surface}
     * @param terms its concept terms, each once
     * @param features what the classifier reads
     */
    record Read(List<String> surface, List<String> typed, List<String> terms, List<String> features) {}

    Read read(References references, IntentIndex index, Predicate<String> unknown) {
        String corrected;
        try {
            corrected = index.spellCheck(references.rest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> surface = QuestionAnalyzers.terms(analyzers.surface(), corrected);
        List<String> typed = QuestionAnalyzers.terms(analyzers.surface(), references.rest());
        if (typed.size() != surface.size()) {
            typed = surface;
        }
        List<String> terms = List.copyOf(new LinkedHashSet<>(QuestionAnalyzers.terms(analyzers.meaning(), corrected)));
        List<String> features = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            features.add("t=" + terms.get(i));
            if (i > 0) {
                features.add("b=" + terms.get(i - 1) + "_" + terms.get(i));
            }
        }
        for (String word : surface) {
            if (analyzers.isStopWord(word) || word.chars().allMatch(Character::isDigit)) {
                continue;
            }
            if (unknown.test(word)) {
                features.add("unk");
            }
            String marked = "^" + word + "$";
            for (int i = 0; i + GRAM <= marked.length(); i++) {
                features.add("g=" + marked.substring(i, i + GRAM));
            }
        }
        references.session().ifPresent(s -> features.add("r=session"));
        references.unknownSession().ifPresent(s -> features.add("r=session"));
        references.week().ifPresent(w -> features.add(references.weekByTheme() ? "r=theme" : "r=week"));
        references.gathering().ifPresent(g -> features.add("r=gathering"));
        references.time().ifPresent(t -> features.add("r=time"));
        return new Read(surface, typed, terms, features);
    }
}
