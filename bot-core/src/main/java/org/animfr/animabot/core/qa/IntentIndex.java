package org.animfr.animabot.core.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.animfr.animabot.core.session.FaqEntry;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index of the example phrasings and the FAQ's questions: the vocabulary that spelling is
 * corrected to, and the FAQ matcher. A question is first
 * spell-checked word by word against the words of the index, then analyzed into concept terms; BM25 finds
 * the candidate phrasings, and each candidate's confidence says how well it and the question explain each
 * other (see {@link #confidence}). Immutable once built; thread-safe.
 */
final class IntentIndex {
    static final String FRENCH = "fr";
    static final String ENGLISH = "en";
    private static final String TEXT = "text";
    private static final String SURFACE = "surface";
    private static final String ORDINAL = "ordinal";
    private static final int CANDIDATES = 40;
    /**
     * Shorter words are left as typed: one letter away from a known word, they are more often another word
     * ("pain" is not "paid") than a typo, and a wrong correction turns an out-of-scope question into a known one.
     */
    private static final int MIN_CORRECTED_LENGTH = 5;
    /** Words this long may be two edits away from the known word ("inscirption"); shorter ones, one. */
    private static final int FAR_CORRECTED_LENGTH = 7;
    static final String FAQ_PREFIX = "FAQ:";
    /**
     * How much the entry's words that the question leaves out count against it: little, since organizers write
     * full questions ("Reçoit-on une attestation à la fin ?") that learners ask in two words ("un certificat ?").
     */
    private static final double TAUGHT_EXPONENT = 0.25;

    private final QuestionAnalyzers analyzers;
    private final IndexSearcher searcher;
    /** The FAQ's phrasings alone: searching among a few hundred documents rather than all the examples. */
    private final IndexSearcher faqSearcher;
    private final DirectSpellChecker closeSpellChecker = spellChecker(1);
    private final DirectSpellChecker farSpellChecker = spellChecker(2);
    private final List<Phrasing> phrasings;
    private final List<Set<String>> termsByPhrasing = new ArrayList<>();
    private final Map<String, Double> weights = new HashMap<>();
    private final double unknownWeight;
    private final double[] taughtWeights;
    private final Set<String> surfaceWords = new HashSet<>();
    /** Corrections already looked up: a message is read whole and sentence by sentence, and people repeat words. */
    private final Map<String, Optional<String>> corrections = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CORRECTIONS = 50_000;

    /**
     * A phrasing to learn: the key it stands for (an intent's name, or {@code FAQ:n}), its language, its text, and
     * whether the question is padded with greetings and a life story, whose words say nothing about what the bot
     * knows.
     */
    record Phrasing(String key, String language, String text, boolean padded) {
        /** A phrasing that asks its question plainly. */
        Phrasing(String key, String language, String text) {
            this(key, language, text, false);
        }
    }

    /** A candidate answer for a question: its key, how confident the match is (0 to 1), its phrasing's language. */
    record Match(String key, double confidence, String language) {}

    IntentIndex(QuestionAnalyzers analyzers, List<Phrasing> phrasings) {
        this.analyzers = analyzers;
        this.phrasings = List.copyOf(phrasings);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        ByteBuffersDirectory faqDirectory = new ByteBuffersDirectory();
        Analyzer perField = new PerFieldAnalyzerWrapper(analyzers.surface(), Map.of(TEXT, analyzers.meaning()));
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(perField));
                IndexWriter faqWriter = new IndexWriter(faqDirectory, new IndexWriterConfig(perField))) {
            Map<String, Integer> frequencies = new HashMap<>();
            for (int i = 0; i < this.phrasings.size(); i++) {
                String text = this.phrasings.get(i).text();
                Document document = new Document();
                document.add(new StoredField(ORDINAL, i));
                document.add(new TextField(TEXT, text, Field.Store.NO));
                document.add(new TextField(SURFACE, text, Field.Store.NO));
                writer.addDocument(document);
                if (this.phrasings.get(i).key().startsWith(FAQ_PREFIX)) {
                    Document faqDocument = new Document();
                    faqDocument.add(new StoredField(ORDINAL, i));
                    faqDocument.add(new TextField(TEXT, text, Field.Store.NO));
                    faqWriter.addDocument(faqDocument);
                }
                Set<String> terms = Set.copyOf(QuestionAnalyzers.terms(analyzers.meaning(), text));
                termsByPhrasing.add(terms);
                terms.forEach(t -> frequencies.merge(t, 1, Integer::sum));
                surfaceWords.addAll(QuestionAnalyzers.terms(analyzers.surface(), text));
            }
            // The words of the synonym lists are known too, so that a typo can be corrected into one of them.
            String vocabulary = analyzers.synonymText().replaceAll("(?m)^#.*$", " ");
            Document words = new Document();
            words.add(new StoredField(ORDINAL, -1));
            words.add(new TextField(SURFACE, vocabulary, Field.Store.NO));
            writer.addDocument(words);
            surfaceWords.addAll(QuestionAnalyzers.terms(analyzers.surface(), vocabulary));
            writer.commit();
            faqWriter.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
            this.faqSearcher = new IndexSearcher(DirectoryReader.open(faqDirectory));
            int count = this.phrasings.size();
            frequencies.forEach((term, frequency) -> weights.put(term, idf(frequency, count)));
            this.unknownWeight = idf(0, count);
            this.taughtWeights = termsByPhrasing.stream()
                    .mapToDouble(terms -> terms.stream().mapToDouble(this::weight).sum()).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BM25's inverse document frequency: how telling a term is, highest for terms no phrasing uses. */
    private static double idf(int frequency, int count) {
        return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinQueryLength(MIN_CORRECTED_LENGTH);
        checker.setMinPrefix(1);
        checker.setMaxEdits(maxEdits);
        return checker;
    }

    /**
     * The catalog's FAQ entries as phrasings: each entry's question, the phrasings organizers gave, and its
     * answer, whose words say what the entry is about as much as its question ("Faut-il un ordinateur ?" answers
     * about the internet connection and the phone too).
     */
    static List<Phrasing> faqPhrasings(List<FaqEntry> faq) {
        List<Phrasing> all = new ArrayList<>();
        for (int i = 0; i < faq.size(); i++) {
            FaqEntry entry = faq.get(i);
            all.add(new Phrasing(FAQ_PREFIX + i, FRENCH, entry.question()));
            for (String text : entry.phrasings()) {
                all.add(new Phrasing(FAQ_PREFIX + i, FRENCH, text));
            }
            all.add(new Phrasing(FAQ_PREFIX + i, FRENCH, entry.answer()));
        }
        return all;
    }

    /** The question's terms: its words spell-checked, then analyzed into concepts, each once. */
    List<String> terms(String question) {
        try {
            return List.copyOf(new LinkedHashSet<>(
                    QuestionAnalyzers.terms(analyzers.meaning(), spellCheck(question))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best FAQ entries for a question's terms, at most one match per entry, most confident first. */
    List<Match> searchFaq(List<String> terms) {
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach(t -> query.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        try {
            Map<String, Match> best = new HashMap<>();
            StoredFields stored = faqSearcher.storedFields();
            for (ScoreDoc hit : faqSearcher.search(query.build(), CANDIDATES).scoreDocs) {
                int ordinal = stored.document(hit.doc).getField(ORDINAL).numericValue().intValue();
                Phrasing phrasing = phrasings.get(ordinal);
                Match match = new Match(phrasing.key(), confidence(terms, ordinal), phrasing.language());
                best.merge(match.key(), match, (a, b) -> a.confidence() >= b.confidence() ? a : b);
            }
            return best.values().stream().sorted(Comparator.comparingDouble(Match::confidence).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How well a phrasing and the question explain each other: the share of the question's terms found in the
     * phrasing, times the fourth root of the share of the phrasing's terms found in the question, each
     * weighted by how telling the terms are. The first says nothing important was left unexplained (a word the
     * bot does not know weighs the most, which keeps it from answering out-of-scope questions); the second, that
     * the question did not merely brush past the phrasing with one shared word. The root keeps short questions
     * ("un certificat ?") answerable against longer phrasings.
     */
    private double confidence(List<String> question, int ordinal) {
        Set<String> phrasing = termsByPhrasing.get(ordinal);
        double asked = 0;
        double shared = 0;
        for (String term : question) {
            double weight = weight(term);
            asked += weight;
            if (phrasing.contains(term)) {
                shared += weight;
            }
        }
        double taught = taughtWeights[ordinal];
        return asked == 0 || taught == 0 ? 0 : (shared / asked) * Math.pow(shared / taught, TAUGHT_EXPONENT);
    }

    private double weight(String term) {
        return weights.getOrDefault(term, unknownWeight);
    }

    /** Replaces each word the index does not know by the nearest one it knows, if one is close enough. */
    String spellCheck(String question) throws IOException {
        StringBuilder corrected = new StringBuilder();
        for (String word : QuestionAnalyzers.terms(analyzers.surface(), question)) {
            corrected.append(' ').append(correct(word).orElse(word));
        }
        return corrected.toString().strip();
    }

    private Optional<String> correct(String word) throws IOException {
        if (surfaceWords.contains(word) || analyzers.isStopWord(word) || word.length() < MIN_CORRECTED_LENGTH
                || word.chars().anyMatch(c -> Character.isDigit(c) || c == '\'')) {
            return Optional.empty();
        }
        Optional<String> known = corrections.get(word);
        if (known != null) {
            return known;
        }
        Optional<String> corrected = suggest(word);
        if (corrections.size() >= MAX_CORRECTIONS) {
            corrections.clear();
        }
        corrections.put(word, corrected);
        return corrected;
    }

    /** The nearest known word, looked up in the index: the costly part of reading a question. */
    private Optional<String> suggest(String word) throws IOException {
        DirectSpellChecker checker = word.length() < FAR_CORRECTED_LENGTH ? closeSpellChecker : farSpellChecker;
        SuggestWord[] suggestions = checker.suggestSimilar(
                new Term(SURFACE, word), 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length == 0 ? Optional.empty() : Optional.of(suggestions[0].string);
    }
}
