package org.animfr.animabot.core.qa;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.animfr.animabot.core.i18n.Language;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * Guesses whether a question is written in French or English from its grammatical words (Lucene's stop word
 * lists, plus question words), which short questions always contain. Empty when it cannot tell.
 */
final class LanguageGuess {
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "when", "what", "where", "who", "how", "which", "does", "do", "is", "are", "the", "next", "can",
            "i", "my", "we", "you", "of", "this", "week", "there", "about", "start", "hello", "thanks", "thank",
            "many", "much", "tell", "me", "training", "meetup", "sign", "up", "will", "hi", "hey", "please");
    private static final Set<String> FRENCH_WORDS = Set.of(
            "quand", "quel", "quelle", "quels", "quelles", "comment", "combien", "ou", "qui", "quoi", "est",
            "cest", "la", "le", "les", "des", "du", "de", "prochain", "prochaine", "semaine", "ca", "on", "je",
            "bonjour", "merci", "salut", "formation", "regroupement", "sont", "y", "a", "t", "il");

    private final CharArraySet englishStops = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    private final CharArraySet frenchStops = FrenchAnalyzer.getDefaultStopSet();

    Optional<Language> guess(List<String> surfaceWords) {
        int english = 0;
        int french = 0;
        for (String word : surfaceWords) {
            if (ENGLISH_WORDS.contains(word) || englishStops.contains(word)) {
                english++;
            }
            if (FRENCH_WORDS.contains(word) || frenchStops.contains(word)) {
                french++;
            }
        }
        if (english > french) {
            return Optional.of(Language.EN);
        }
        if (french > english) {
            return Optional.of(Language.FR);
        }
        return Optional.empty();
    }
}
