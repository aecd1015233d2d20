package org.animfr.animabot.core.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One field of the profiles as weighted term vectors and an inverted index over them: the description with its
 * keywords (words and word pairs), or the territory (words only).
 *
 * <p>A document's weights are {@code (1 + ln tf) × idf}, with {@code idf = ln((N + 1) / df)}, scaled to unit
 * length; two documents' similarity is the dot product of their vectors (cosine). The IDF makes a word written by
 * few people ("compost") count far more than one written by many ("numérique"); the logarithm of the term frequency
 * keeps a word repeated five times from drowning the rest; unit length keeps long descriptions from being close to
 * everyone. A word pair is a term of its own, unordered ("jardin partagé" and "shared garden" agree), so that a
 * shared phrase counts more than its two words shared apart.
 *
 * <p>Each term remembers how it is written most often, case aside, to be shown as people write it: "jardins
 * partagés" rather than "jardin partag"; on a tie, the first written. Only its first {@value #SURFACE_SAMPLE}
 * occurrences are counted: all of them in a session, a fair sample in a network. Immutable once built, hence
 * thread-safe.
 */
final class TermIndex {
    /** Occurrences of a term looked at to choose how to show it: enough, and bounded for 100,000 profiles. */
    static final int SURFACE_SAMPLE = 32;
    private static final int PARALLEL_FROM = 4096;
    private static final int BLOCK = 1024;

    final int documents;
    /** Each document's terms, ascending, with their unit-length weights, from {@code docStart[d]} on. */
    final int[] docStart;
    final int[] docTerms;
    final float[] docWeights;
    /** Each term's documents, ascending, with their weights for that term. */
    final int[] postingStart;
    final int[] postingDocs;
    final float[] postingWeights;
    final int[] documentFrequency;
    final float[] idf;

    private final Map<String, Integer> words;
    private final LongIntMap pairs;
    /** For a pair, its two words' terms; -1 for a word. */
    private final int[] firstWord;
    private final int[] secondWord;
    private final String[] texts;
    private final int[] surfaceDoc;
    private final int[] surfaceStart;
    private final int[] surfaceEnd;
    private final boolean keepCase;

    private TermIndex(Builder b) {
        documents = b.documents;
        int terms = b.terms;
        documentFrequency = new int[terms];
        idf = new float[terms];
        for (int t = 0; t < terms; t++) {
            documentFrequency[t] = b.df(t);
            idf[t] = (float) Math.log((documents + 1.0) / documentFrequency[t]);
        }
        docStart = Arrays.copyOf(b.docStart, documents + 1);
        docTerms = Arrays.copyOf(b.docTerms, b.entries);
        docWeights = Arrays.copyOf(b.docTf, b.entries);
        parallel(documents, documents).forEach(this::weigh);
        postingStart = new int[terms + 1];
        postingDocs = new int[b.entries];
        postingWeights = new float[b.entries];
        invert();
        words = b.words;
        pairs = b.pairs;
        firstWord = Arrays.copyOf(b.firstWord, terms);
        secondWord = Arrays.copyOf(b.secondWord, terms);
        texts = b.texts;
        surfaceDoc = new int[terms];
        surfaceStart = new int[terms];
        surfaceEnd = new int[terms];
        chooseSurfaces(b);
        keepCase = b.keepCase;
    }

    /** A document's term frequencies become its unit-length TF-IDF weights. */
    private void weigh(int doc) {
        double norm = 0;
        for (int i = docStart[doc]; i < docStart[doc + 1]; i++) {
            double w = (1 + Math.log(docWeights[i])) * idf[docTerms[i]];
            docWeights[i] = (float) w;
            norm += w * w;
        }
        norm = Math.sqrt(norm);
        for (int i = docStart[doc]; i < docStart[doc + 1]; i++) {
            docWeights[i] = norm == 0 ? 0 : (float) (docWeights[i] / norm);
        }
    }

    /** The postings: each term's documents, in document order. */
    private void invert() {
        int terms = idf.length;
        for (int t = 0; t < terms; t++) {
            postingStart[t + 1] = postingStart[t] + documentFrequency[t];
        }
        int[] next = Arrays.copyOf(postingStart, terms);
        for (int d = 0; d < documents; d++) {
            for (int i = docStart[d]; i < docStart[d + 1]; i++) {
                int p = next[docTerms[i]]++;
                postingDocs[p] = d;
                postingWeights[p] = docWeights[i];
            }
        }
    }

    /**
     * 0..count-1, in parallel when the items they stand for are many: each is independent, the outcome the same.
     */
    private static IntStream parallel(int count, int items) {
        IntStream range = IntStream.range(0, count);
        return items >= PARALLEL_FROM ? range.parallel() : range;
    }

    /** For each term, the written form most frequent among its sampled occurrences; the first on a tie. */
    private void chooseSurfaces(Builder b) {
        int terms = idf.length;
        int[] from = new int[terms + 1];
        for (int t = 0; t < terms; t++) {
            from[t + 1] = from[t] + Math.min(b.seen(t), SURFACE_SAMPLE);
        }
        // the occurrences by term, each term's in the order they were written
        int[] byTerm = new int[b.occurrences];
        int[] next = Arrays.copyOf(from, terms);
        for (int o = 0; o < b.occurrences; o++) {
            byTerm[next[b.occurrenceTerm[o]]++] = o;
        }
        int blocks = (terms + BLOCK - 1) / BLOCK;
        parallel(blocks, terms).forEach(block -> {
            int[] counts = new int[SURFACE_SAMPLE];
            long[] forms = new long[SURFACE_SAMPLE];
            int[] firsts = new int[SURFACE_SAMPLE];
            for (int t = block * BLOCK; t < Math.min(terms, (block + 1) * BLOCK); t++) {
                chooseSurface(b, t, from, byTerm, counts, forms, firsts);
            }
        });
    }

    private void chooseSurface(Builder b, int t, int[] from, int[] byTerm, int[] counts, long[] forms,
            int[] firsts) {
        int formCount = 0;
        for (int i = from[t]; i < from[t + 1]; i++) {
            int o = byTerm[i];
            long form = b.occurrenceForm[o];
            int f = 0;
            while (f < formCount && forms[f] != form) {
                f++;
            }
            if (f == formCount) {
                forms[formCount] = form;
                firsts[formCount] = o;
                counts[formCount++] = 1;
            } else {
                counts[f]++;
            }
        }
        int best = 0;
        for (int f = 1; f < formCount; f++) {
            if (counts[f] > counts[best]) {
                best = f;
            }
        }
        int o = firsts[best];
        surfaceDoc[t] = b.occurrenceDoc[o];
        surfaceStart[t] = b.occurrenceStart[o];
        surfaceEnd[t] = b.occurrenceEnd[o];
    }

    /** Cosine of two documents. */
    double dot(int a, int b) {
        return dot(docTerms, docWeights, docStart[a], docStart[a + 1], b);
    }

    /** Cosine of a vector ({@code terms[from..to)} ascending, unit length) and a document. */
    double dot(int[] terms, float[] weights, int from, int to, int doc) {
        int i = from;
        int j = docStart[doc];
        int jEnd = docStart[doc + 1];
        double sum = 0;
        while (i < to && j < jEnd) {
            int ti = terms[i];
            int tj = docTerms[j];
            if (ti == tj) {
                sum += weights[i] * docWeights[j];
                i++;
                j++;
            } else if (ti < tj) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** The term of an analyzed word, or -1 when no profile has it. */
    int word(String term) {
        Integer id = words.get(term);
        return id == null ? -1 : id;
    }

    /** The term of a pair of words' terms, or -1 when no profile has the pair. */
    int pair(int first, int second) {
        return pairs == null || first < 0 || second < 0 ? -1 : pairs.get(pairKey(first, second));
    }

    boolean isPair(int term) {
        return firstWord[term] >= 0;
    }

    int firstWord(int term) {
        return firstWord[term];
    }

    int secondWord(int term) {
        return secondWord[term];
    }

    /**
     * The term as it is written most often, spaces collapsed; lower case unless a word has capitals inside
     * ("OpenStreetMap", "AMAP"), because a capital at the start of a word is mostly the start of a sentence.
     * Territories keep their case ("Brest").
     */
    String surface(int term) {
        String text = texts[surfaceDoc[term]];
        StringBuilder out = new StringBuilder(surfaceEnd[term] - surfaceStart[term]);
        int i = surfaceStart[term];
        while (i < surfaceEnd[term]) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean innerCapital = false;
            while (end < surfaceEnd[term] && !Character.isWhitespace(text.charAt(end))) {
                innerCapital |= end > i && Character.isUpperCase(text.charAt(end));
                end++;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String word = text.substring(i, end);
            out.append(keepCase || innerCapital ? word : word.toLowerCase(Locale.ROOT));
            i = end;
        }
        return out.toString();
    }

    static long pairKey(int first, int second) {
        int low = Math.min(first, second);
        int high = Math.max(first, second);
        return ((long) low << 32) | high;
    }

    /**
     * Adds documents in order, each as its analyzed tokens; not thread-safe. Analysis is the caller's (it runs in
     * parallel), numbering terms is here (in document order, so that the index does not depend on threads).
     */
    static final class Builder {
        // per term, side by side so that counting an occurrence touches one cache line: its document frequency,
        // its occurrences, the last document it was seen in (plus one) and its frequency there (float bits)
        private static final int DF = 0;
        private static final int SEEN = 1;
        private static final int SEEN_IN = 2;
        private static final int TF = 3;
        private static final int STATE = 4;

        private final boolean withPairs;
        private final boolean keepCase;
        private final String[] texts;
        private final Map<String, Integer> words = new HashMap<>();
        private final LongIntMap pairs;
        private int documents;
        private int terms;
        private int entries;
        private int[] docStart = new int[1025];
        private int[] docTerms = new int[1 << 14];
        private float[] docTf = new float[1 << 14];
        private int[] state = new int[STATE << 12];
        private int[] firstWord = new int[1 << 12];
        private int[] secondWord = new int[1 << 12];
        // the first SURFACE_SAMPLE occurrences of each term
        private int occurrences;
        private int[] occurrenceTerm = new int[1 << 14];
        private int[] occurrenceDoc = new int[1 << 14];
        private int[] occurrenceStart = new int[1 << 14];
        private int[] occurrenceEnd = new int[1 << 14];
        private long[] occurrenceForm = new long[1 << 14];

        /** {@code texts}: every document's text, by document number; tokens' offsets point into them. */
        Builder(String[] texts, boolean withPairs, boolean keepCase) {
            this.texts = texts;
            this.withPairs = withPairs;
            this.keepCase = keepCase;
            this.pairs = withPairs ? new LongIntMap(1 << 16) : null;
        }

        /**
         * Looks up the terms of the tokens already known, so that {@link #add} only numbers new ones. Only reads:
         * may run on many threads at once, between calls to {@code add}.
         */
        void resolve(ProjectText.Tokens tokens) {
            for (int i = 0; i < tokens.size; i++) {
                Integer word = words.get(tokens.terms[i]);
                tokens.words[i] = word == null ? -1 : word;
                int previous = i == 0 ? -1 : tokens.words[i - 1];
                tokens.pairs[i] = withPairs && tokens.phrase[i] && previous >= 0 && word != null
                        && previous != word ? pairs.get(pairKey(previous, word)) : -1;
            }
        }

        /**
         * The next document, its tokens {@linkplain #resolve resolved} or not. Tokens from {@code weightedFrom} on
         * (its keywords) count {@code weight} times each: someone's chosen keywords say more than a word of their
         * description.
         */
        void add(ProjectText.Tokens tokens, int weightedFrom, float weight) {
            int doc = documents;
            int firstEntry = entries;
            int previous = -1;
            for (int i = 0; i < tokens.size; i++) {
                float tf = tokens.starts[i] >= weightedFrom ? weight : 1f;
                int word = tokens.words[i] >= 0 ? tokens.words[i]
                        : words.computeIfAbsent(tokens.terms[i], w -> newTerm(-1, -1));
                count(doc, word, tf, tokens.starts[i], tokens.ends[i], tokens.wordForms[i]);
                if (withPairs && previous >= 0 && previous != word && tokens.phrase[i]) {
                    int pair = tokens.pairs[i];
                    if (pair < 0) {
                        pair = pairs.putIfAbsent(pairKey(previous, word), terms);
                        if (pair == terms) {
                            newTerm(previous, word);
                        }
                    }
                    count(doc, pair, tf, tokens.starts[i - 1], tokens.ends[i], tokens.pairForms[i]);
                }
                previous = word;
            }
            Arrays.sort(docTerms, firstEntry, entries);
            for (int i = firstEntry; i < entries; i++) {
                docTf[i] = Float.intBitsToFloat(state[docTerms[i] * STATE + TF]);
            }
            documents++;
            if (documents + 1 > docStart.length) {
                docStart = Arrays.copyOf(docStart, docStart.length * 2);
            }
            docStart[documents] = entries;
        }

        TermIndex build() {
            return new TermIndex(this);
        }

        int df(int term) {
            return state[term * STATE + DF];
        }

        int seen(int term) {
            return state[term * STATE + SEEN];
        }

        private void count(int doc, int term, float tf, int start, int end, long form) {
            int at = term * STATE;
            if (state[at + SEEN_IN] != doc + 1) {
                state[at + SEEN_IN] = doc + 1;
                if (entries == docTerms.length) {
                    docTerms = Arrays.copyOf(docTerms, entries * 2);
                    docTf = Arrays.copyOf(docTf, entries * 2);
                }
                docTerms[entries++] = term;
                state[at + TF] = Float.floatToIntBits(tf);
                state[at + DF]++;
            } else {
                state[at + TF] = Float.floatToIntBits(Float.intBitsToFloat(state[at + TF]) + tf);
            }
            if (state[at + SEEN]++ < SURFACE_SAMPLE) {
                sample(doc, term, start, end, form);
            }
        }

        private void sample(int doc, int term, int start, int end, long form) {
            if (occurrences == occurrenceTerm.length) {
                int size = occurrences * 2;
                occurrenceForm = Arrays.copyOf(occurrenceForm, size);
                occurrenceTerm = Arrays.copyOf(occurrenceTerm, size);
                occurrenceDoc = Arrays.copyOf(occurrenceDoc, size);
                occurrenceStart = Arrays.copyOf(occurrenceStart, size);
                occurrenceEnd = Arrays.copyOf(occurrenceEnd, size);
            }
            occurrenceTerm[occurrences] = term;
            occurrenceDoc[occurrences] = doc;
            occurrenceStart[occurrences] = start;
            occurrenceEnd[occurrences] = end;
            occurrenceForm[occurrences] = form;
            occurrences++;
        }

        private int newTerm(int first, int second) {
            int term = terms++;
            if (term == firstWord.length) {
                int size = firstWord.length * 2;
                state = Arrays.copyOf(state, size * STATE);
                firstWord = Arrays.copyOf(firstWord, size);
                secondWord = Arrays.copyOf(secondWord, size);
            }
            firstWord[term] = first;
            secondWord[term] = second;
            return term;
        }
    }
}
