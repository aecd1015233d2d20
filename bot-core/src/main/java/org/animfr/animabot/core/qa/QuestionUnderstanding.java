package org.animfr.animabot.core.qa;

import java.util.List;
import java.util.Optional;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.FaqEntry;

/**
 * What the bot understands of a question, without answering it: the intent or FAQ entry it asks for, its
 * language, and whether it asks about what comes next. Holds the costly parts (Lucene analyzers, the index of
 * phrasings), so one instance serves the whole application. Thread-safe; the index is rebuilt when the
 * catalog's FAQ changes.
 */
public final class QuestionUnderstanding {
    /** Below this confidence in the best phrasing (see {@link IntentIndex}), the bot admits it is not sure. */
    static final double MIN_CONFIDENCE = 0.55;

    private final QuestionAnalyzers analyzers = new QuestionAnalyzers();
    private final String nextConcept = analyzers.concept("prochain");
    private final LanguageGuess languageGuess = new LanguageGuess(analyzers, IntentIndex.shipped());
    private volatile IndexedFaq indexed;

    private record IndexedFaq(List<FaqEntry> faq, IntentIndex index) {}

    /**
     * What the bot understood of a question.
     *
     * @param intent the intent's name or {@code FAQ:n}; empty when the bot is not confident
     * @param language the question's language, when it could tell
     * @param confidence how well the best phrasing matched, 0 to 1
     * @param next whether the question asks about what comes next ("prochaine", "next", "suivante")
     */
    public record Understanding(Optional<String> intent, Optional<Language> language, double confidence,
            boolean next) {}

    /** A question's understanding with the session and week it names. */
    record Understood(Mentions mentions, Understanding understanding) {}

    /** Builds the index for the FAQ now rather than at the first question. */
    public QuestionUnderstanding warmUp(List<FaqEntry> faq) {
        index(faq);
        return this;
    }

    /** What the bot understands of the question, for the catalog in force. */
    public Understanding understand(String question, Catalog catalog) {
        return understood(question, catalog).understanding();
    }

    Understood understood(String question, Catalog catalog) {
        Mentions mentions = Mentions.find(question, catalog);
        return new Understood(mentions, understand(mentions, catalog.faq()));
    }

    private Understanding understand(Mentions mentions, List<FaqEntry> faq) {
        IntentIndex index = index(faq);
        List<String> terms = index.terms(mentions.rest());
        boolean next = terms.contains(nextConcept);
        Optional<Language> language = languageGuess.guess(
                QuestionAnalyzers.terms(analyzers.surface(), mentions.rest()));
        if (terms.isEmpty()) {
            // Nothing but a name or a number: "animacoop 8 ?" asks about the session, "semaine 3 ?" about the week.
            Optional<Intent> named = mentions.week().isPresent() ? Optional.of(Intent.WEEK)
                    : mentions.session().map(s -> Intent.INFO);
            return new Understanding(named.map(Intent::name), language, named.isPresent() ? 1 : 0, next);
        }
        List<IntentIndex.Match> matches = index.search(terms);
        if (matches.isEmpty()) {
            return new Understanding(Optional.empty(), language, 0, next);
        }
        IntentIndex.Match best = matches.get(0);
        if (language.isEmpty()) {
            language = Optional.of(best.language().equals(IntentIndex.ENGLISH) ? Language.EN : Language.FR);
        }
        if (best.confidence() < MIN_CONFIDENCE) {
            return new Understanding(Optional.empty(), language, best.confidence(), next);
        }
        String intent = best.key();
        if (mentions.week().isPresent() && !intent.startsWith("FAQ:")) {
            intent = Intent.WEEK.name();
        }
        return new Understanding(Optional.of(intent), language, best.confidence(), next);
    }

    /** The index for the FAQ, built again only when the FAQ changes (package-private for tests). */
    IntentIndex index(List<FaqEntry> faq) {
        IndexedFaq current = indexed;
        if (current == null || current.faq() != faq && !current.faq().equals(faq)) {
            current = new IndexedFaq(List.copyOf(faq), new IntentIndex(analyzers, IntentIndex.phrasings(faq)));
            indexed = current;
        }
        return current.index();
    }
}
