package org.animfr.animabot.core.qa;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.animfr.animabot.core.i18n.Language;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Guesses whether a question is written in French or English by counting its words that only one of the two
 * languages uses. Those words are learnt from what the bot already knows with its language: Lucene's stop word
 * lists, the shipped phrasings ({@code intents.txt}) and the left sides of the synonym lists, so that a word
 * taught to the matcher is known to the guess too ("good morning", "slt"). Empty when it cannot tell.
 * Immutable; thread-safe.
 */
final class LanguageGuess {
    private final Set<String> french = new HashSet<>();
    private final Set<String> english = new HashSet<>();

    LanguageGuess(QuestionAnalyzers analyzers, List<IntentIndex.Phrasing> phrasings) {
        addWords(analyzers, french, FrenchAnalyzer.getDefaultStopSet());
        addWords(analyzers, english, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        french.addAll(QuestionAnalyzers.terms(analyzers.surface(), typedSide("synonyms_fr.txt")));
        english.addAll(QuestionAnalyzers.terms(analyzers.surface(), typedSide("synonyms_en.txt")));
        for (IntentIndex.Phrasing phrasing : phrasings) {
            Set<String> words = phrasing.language().equals(IntentIndex.ENGLISH) ? english : french;
            words.addAll(QuestionAnalyzers.terms(analyzers.surface(), phrasing.text()));
        }
        Set<String> both = new HashSet<>(french);
        both.retainAll(english);
        french.removeAll(both);
        english.removeAll(both);
    }

    private static void addWords(QuestionAnalyzers analyzers, Set<String> words, CharArraySet stopWords) {
        for (Object word : stopWords) {
            words.addAll(QuestionAnalyzers.terms(analyzers.surface(), new String((char[]) word)));
        }
    }

    /** What people type, in a synonym list: the left side of each rule, without comments. */
    private static String typedSide(String resource) {
        StringBuilder typed = new StringBuilder();
        for (String line : QuestionAnalyzers.resource(resource).split("\n")) {
            if (!line.startsWith("#")) {
                typed.append(line.split("=>")[0]).append('\n');
            }
        }
        return typed.toString();
    }

    /** The language of a question, from its surface words (see {@link QuestionAnalyzers#surface()}). */
    Optional<Language> guess(List<String> surfaceWords) {
        long inFrench = surfaceWords.stream().filter(french::contains).count();
        long inEnglish = surfaceWords.stream().filter(english::contains).count();
        if (inEnglish == inFrench) {
            return Optional.empty();
        }
        return Optional.of(inEnglish > inFrench ? Language.EN : Language.FR);
    }
}
