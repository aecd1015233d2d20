package org.animfr.animabot.core.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The analysis chains for questions, built from Lucene's parts:
 * <ul>
 *   <li>{@link #surface()}: words as typed, lower case, without accents, elisions and possessives
 *       ("l'inscription" → "inscription", "week's" → "week"); used to spell-check words before anything
 *       else, since a typo defeats synonyms and stemmers, and to guess the language;</li>
 *   <li>{@link #meaning()}: surface, then the synonym lists ({@code synonyms_fr.txt}, {@code synonyms_en.txt}),
 *       which map French, English and texting words onto one shared set of French concept words, then the
 *       stop words (French, English and chat fillers from {@code stopwords.txt}), then the light French
 *       stemmer.</li>
 * </ul>
 * One chain for both languages, rather than one per language, so that an English question meets the French
 * FAQ written by organizers, and each intent is taught its vocabulary once. Synonyms come before stop words so
 * that phrases made of small words ("how many", "thank you") are recognized. Only terms matter, not their
 * positions, so the synonym graph is indexed as it comes, without flattening. Analyzers are thread-safe.
 */
final class QuestionAnalyzers {
    /** Stop words that carry meaning in questions: "où" asks for a place, "qui" for people. */
    private static final Set<String> KEPT_STOP_WORDS = Set.of("ou", "qui");
    /**
     * Lucene's French elisions but "qu'" and "jusqu'", which the synonym and stop word lists deal with:
     * "qu'est-ce que" asks what something is, while "est-ce que" asks yes or no; "jusqu'à" asks for an end.
     */
    private static final CharArraySet ELISIONS = CharArraySet.unmodifiableSet(new CharArraySet(
            List.of("l", "m", "t", "n", "s", "j", "d", "c", "quoiqu", "lorsqu", "puisqu"), true));

    private final CharArraySet stopWords;
    private final Analyzer surface;
    private final Analyzer meaning;

    private final List<String> extraSynonyms;

    QuestionAnalyzers() {
        this(List.of());
    }

    /** With the shipped synonym lists and the organizers' lines, in the same format. */
    QuestionAnalyzers(List<String> extraSynonyms) {
        this.extraSynonyms = List.copyOf(extraSynonyms);
        this.surface = analyzer(QuestionAnalyzers::surfaceChain);
        this.stopWords = stopWords(surface);
        SynonymMap synonyms = synonyms(surface, String.join("\n", extraSynonyms), "synonyms_fr.txt",
                "synonyms_en.txt");
        this.meaning = analyzer(source -> {
            TokenStream stream = new SynonymGraphFilter(surfaceChain(source), synonyms, true);
            return new FrenchLightStemFilter(new StopFilter(stream, stopWords));
        });
    }

    Analyzer surface() {
        return surface;
    }

    Analyzer meaning() {
        return meaning;
    }

    /** The term a single word stands for once analyzed ("next" → the term of "prochain"), or empty. */
    String concept(String word) {
        List<String> terms = terms(meaning, word);
        return terms.isEmpty() ? "" : terms.get(0);
    }

    /** Whether an organizer's line reads as a synonym rule ("word, word => concept"). */
    boolean isSynonymLine(String line) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return true;
        }
        try (Reader reader = new StringReader(line)) {
            new SolrSynonymParser(true, true, surface).parse(reader);
            return line.contains("=>") || line.contains(",");
        } catch (IOException | ParseException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The synonym lists as text: the organizers' lines, then the shipped ones. */
    String synonymText() {
        return String.join("\n", extraSynonyms) + "\n" + resource("synonyms_fr.txt") + "\n"
                + resource("synonyms_en.txt");
    }

    /** The words the synonym lists map onto concepts, as surface words: words the bot knows the meaning of. */
    java.util.Set<String> synonymWords() {
        java.util.Set<String> words = new java.util.HashSet<>();
        List<String> lines = new ArrayList<>(extraSynonyms);
        for (String name : List.of("synonyms_fr.txt", "synonyms_en.txt")) {
            lines.addAll(List.of(resource(name).split("\n")));
        }
        for (String line : lines) {
            if (!line.startsWith("#") && line.contains("=>")) {
                words.addAll(terms(surface, line.substring(0, line.indexOf("=>"))));
            }
        }
        return java.util.Set.copyOf(words);
    }

    /** Whether the surface word is a stop word, which never needs spelling correction. */
    boolean isStopWord(String surfaceWord) {
        return stopWords.contains(surfaceWord);
    }

    /** The terms the analyzer makes of the text, in order. */
    static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static TokenStream surfaceChain(Tokenizer source) {
        return new ASCIIFoldingFilter(unfoldedSurfaceChain(source));
    }

    /** The surface chain but the accent folding, which {@link TextAnalysis} does its own, faster, way. */
    static TokenStream unfoldedSurfaceChain(Tokenizer source) {
        TokenStream stream = new LowerCaseFilter(new EnglishPossessiveFilter(source));
        return new ElisionFilter(stream, ELISIONS);
    }

    static Analyzer analyzer(Function<Tokenizer, TokenStream> chain) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, chain.apply(source));
            }
        };
    }

    /** Lucene's French and English stop words and our chat fillers, without accents: people often omit them. */
    static CharArraySet stopWords(Analyzer surface) {
        CharArraySet words = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), false);
        words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        try (Reader reader = new StringReader(resource("stopwords.txt"))) {
            words.addAll(WordlistLoader.getSnowballWordSet(reader));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stopwords.txt", e);
        }
        CharArraySet folded = new CharArraySet(words.size(), false);
        for (Object word : words) {
            for (String term : terms(surface, new String((char[]) word))) {
                if (!KEPT_STOP_WORDS.contains(term)) {
                    folded.add(term);
                }
            }
        }
        return CharArraySet.unmodifiableSet(folded);
    }

    private static SynonymMap synonyms(Analyzer surface, String extra, String... resources) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, surface);
        try (Reader reader = new StringReader(extra)) {
            parser.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Bad synonym line in the organizers' synonyms: " + e.getMessage(), e);
        }
        for (String name : resources) {
            try (Reader reader = new StringReader(resource(name))) {
                parser.parse(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name, e);
            } catch (ParseException e) {
                throw new IllegalStateException("Bad synonym list " + name, e);
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file shipped next to this class. */
    static String resource(String name) {
        try (InputStream in = QuestionAnalyzers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
