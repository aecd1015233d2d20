package org.animfr.animabot.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How similar learners' projects are, from what they wrote, and who is closest to whom.
 *
 * <p><b>Terms.</b> Descriptions and keywords, in French or English, are analyzed as the questions are (elision,
 * accent folding, stop words, light French stemming; see {@link ProjectText}), then made into words and word pairs
 * ("jardin partagé", "web radio", "cartographie participative"): a shared phrase counts more than the same two
 * words written apart. A keyword counts as two occurrences of its words.
 *
 * <p><b>Score.</b> The cosine of the two profiles' TF-IDF vectors (see {@link TermIndex}), so that a distinctive
 * word written by few people outweighs many common ones, raised by up to a {@value #PLACE_BOOST} fraction when
 * they work in the same territory (the cosine of their territories' words): living nearby makes similar projects
 * better partners, never dissimilar ones similar. Symmetric; 0 when no project term is shared.
 *
 * <p><b>Neighbours</b> come from an inverted index, never from all pairs: a learner's most distinctive terms (the
 * {@value #QUERY_TERMS} heaviest among those written by at most half of the learners, as Lucene's MoreLikeThis
 * picks them, within a budget of postings read) are looked up, their postings accumulate partial scores, and the
 * best few candidates are scored exactly. A hand-rolled index rather than Lucene's own: the score must be symmetric
 * and computed for any two learners, and 100,000 such queries must take a second or two.
 * Only learners who share at least one such distinctive term with the learner (or with a searched text) are found;
 * a shared territory alone does not make a neighbour.
 *
 * <p><b>Why.</b> Each result names the two to four terms that weigh most in the score, as people wrote them (the
 * surface form written most often, accents kept): "jardins partagés, compost, quartier".
 *
 * <p>Immutable once built, thread-safe. Building analyzes the texts in parallel when there are many.
 */
public final class ProjectSimilarity {
    /** How much a shared territory raises a score, at most: a smaller bonus than the project itself. */
    static final double PLACE_BOOST = 0.25;
    /** Terms looked up for a learner's neighbours: enough to find them, few enough for 100,000 learners. */
    static final int QUERY_TERMS = 16;
    private static final int SEARCH_TERMS = 32;
    /**
     * Postings a neighbour query reads at most, past its first {@value #MIN_QUERY_TERMS} terms: the terms written
     * by thousands cost the most and rank candidates the least.
     */
    private static final int POSTINGS_BUDGET = 2000;
    private static final int MIN_QUERY_TERMS = 4;
    private static final float KEYWORD_WEIGHT = 2f;
    /** Candidates scored exactly per neighbour asked, since partial scores only rank them roughly. */
    private static final int RESCORED_PER_RESULT = 4;
    private static final int MIN_RESCORED = 32;
    private static final int SHOWN_TERMS = 4;
    private static final int BATCH = 4096;
    private static final int PARALLEL_FROM = 1024;

    private final String[] ids;
    private final Map<String, Integer> docs;
    private final TermIndex content;
    private final TermIndex places;
    private final int maxDistinctiveDf;

    private ProjectSimilarity(String[] ids, Map<String, Integer> docs, TermIndex content, TermIndex places) {
        this.ids = ids;
        this.docs = docs;
        this.content = content;
        this.places = places;
        // what more than half of them write says little of anyone, in a session of ten as in a network
        this.maxDistinctiveDf = Math.max(2, ids.length / 2);
    }

    /**
     * Indexes the profiles.
     *
     * @throws IllegalArgumentException when two profiles have the same learner id
     */
    public static ProjectSimilarity of(Collection<ProjectProfile> profiles) {
        List<ProjectProfile> list = List.copyOf(profiles);
        int n = list.size();
        String[] ids = new String[n];
        String[] texts = new String[n];
        String[] territories = new String[n];
        int[] keywordsFrom = new int[n];
        Map<String, Integer> docs = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ProjectProfile profile = list.get(i);
            ids[i] = profile.learnerId();
            if (docs.put(ids[i], i) != null) {
                throw new IllegalArgumentException("Two profiles for " + ids[i]);
            }
            // keywords on lines of their own: a line break ends a phrase, so no pair spans two keywords
            texts[i] = profile.keywords().isEmpty() ? profile.project()
                    : profile.project() + "\n" + String.join("\n", profile.keywords());
            keywordsFrom[i] = profile.keywords().isEmpty() ? Integer.MAX_VALUE : profile.project().length();
            territories[i] = profile.territory();
        }
        TermIndex.Builder content = new TermIndex.Builder(texts, true, false);
        TermIndex.Builder places = new TermIndex.Builder(territories, false, true);
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            ProjectText.Tokens[] words = new ProjectText.Tokens[to - from];
            ProjectText.Tokens[] placeWords = new ProjectText.Tokens[to - from];
            int first = from;
            IntStream batch = IntStream.range(from, to);
            (n >= PARALLEL_FROM ? batch.parallel() : batch).forEach(i -> {
                // about one kept word every eight characters
                words[i - first] = new ProjectText.Tokens(texts[i].length() / 8 + 4);
                ProjectText.analyzeProject(texts[i], words[i - first]);
                content.resolve(words[i - first]);
                placeWords[i - first] = new ProjectText.Tokens(4);
                ProjectText.analyzeTerritory(territories[i], placeWords[i - first]);
                places.resolve(placeWords[i - first]);
            });
            for (int i = from; i < to; i++) {
                content.add(words[i - from], keywordsFrom[i], KEYWORD_WEIGHT);
                places.add(placeWords[i - from], Integer.MAX_VALUE, 1f);
            }
        }
        return new ProjectSimilarity(ids, docs, content.build(), places.build());
    }

    /** How many profiles are indexed. */
    public int size() {
        return ids.length;
    }

    /**
     * The learners whose projects are most similar to this learner's, best first, without the learner; empty when
     * the learner is unknown or shares no distinctive term with anyone.
     *
     * @param k how many at most; not negative
     */
    public List<Neighbour> neighbours(String learnerId, int k) {
        requireNonNegative(k);
        int doc = doc(learnerId);
        if (doc < 0 || k == 0) {
            return List.of();
        }
        int[] found = new int[k];
        double[] scores = new double[k];
        int count = neighbours(doc, k, null, new Scratch(ids.length), found, scores, true);
        List<Neighbour> neighbours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<String> shared = sharedTerms(new int[] {doc, found[i]}, SHOWN_TERMS);
            neighbours.add(new Neighbour(ids[found[i]], scores[i], shared));
        }
        return neighbours;
    }

    /**
     * The learners whose projects are closest to a free text ("jardins partagés", or a whole description), best
     * first; learners sharing no distinctive term with the text are not returned. Territories play no part.
     *
     * @param k how many at most; not negative
     */
    public List<Neighbour> search(String text, int k) {
        requireNonNegative(k);
        if (k == 0 || ids.length == 0) {
            return List.of();
        }
        Vector query = vector(text);
        TopK selected = new TopK(SEARCH_TERMS);
        for (int i = 0; i < query.terms.length; i++) {
            if (content.documentFrequency[query.terms[i]] <= maxDistinctiveDf) {
                selected.offer(i, query.weights[i]);
            }
        }
        int[] chosen = new int[selected.size()];
        int chosenCount = selected.drainBestFirst(chosen, null);
        Scratch scratch = new Scratch(ids.length);
        for (int c = 0; c < chosenCount; c++) {
            scratch.accumulate(content, query.terms[chosen[c]], query.weights[chosen[c]], -1, null);
        }
        TopK best = new TopK(k);
        for (int c = 0; c < scratch.touchedCount; c++) {
            int doc = scratch.touched[c];
            best.offer(doc, content.dot(query.terms, query.weights, 0, query.terms.length, doc));
        }
        scratch.clear();
        int[] found = new int[k];
        double[] scores = new double[k];
        int count = best.drainBestFirst(found, scores);
        List<Neighbour> neighbours = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Shared shared = new Shared();
            shared.addShared(query.terms, query.weights, 0, query.terms.length, content, found[i], 1);
            neighbours.add(new Neighbour(ids[found[i]], scores[i], describe(shared, new Shared(), SHOWN_TERMS)));
        }
        return neighbours;
    }

    /**
     * How similar two learners' projects are: from 0 (nothing shared) to 1 for the same project, up to
     * {@code 1 + }{@value #PLACE_BOOST} in the same territory. Symmetric. 0 when either learner is unknown.
     */
    public double score(String learnerIdA, String learnerIdB) {
        int a = doc(learnerIdA);
        int b = doc(learnerIdB);
        return a < 0 || b < 0 ? 0 : score(a, b);
    }

    /**
     * The terms two learners share that weigh most in their score, most distinctive first, as people wrote them:
     * a shared phrase is shown instead of its two words; a shared territory comes last, if at all, and only with
     * a shared project term. Empty when either learner is unknown or nothing is shared.
     *
     * @param max how many at most; not negative
     */
    public List<String> sharedTerms(String learnerIdA, String learnerIdB, int max) {
        requireNonNegative(max);
        int a = doc(learnerIdA);
        int b = doc(learnerIdB);
        return a < 0 || b < 0 ? List.of() : sharedTerms(new int[] {a, b}, max);
    }

    /** The document number of a learner, or -1. */
    int doc(String learnerId) {
        Integer doc = docs.get(learnerId);
        return doc == null ? -1 : doc;
    }

    double score(int a, int b) {
        double project = content.dot(a, b);
        return project == 0 ? 0 : project * (1 + PLACE_BOOST * places.dot(a, b));
    }

    /**
     * The best {@code k} neighbours of a document among the {@code allowed} ones (null: all), into the arrays
     * given, best first; returns how many. Exact: ranked by {@link #score(int, int)}, which the scores are;
     * otherwise ranked, and scored, by the document's most distinctive terms only, which is several times faster.
     */
    int neighbours(int doc, int k, BitSet allowed, Scratch scratch, int[] outDocs, double[] outScores,
            boolean exact) {
        TopK selected = new TopK(QUERY_TERMS);
        for (int i = content.docStart[doc]; i < content.docStart[doc + 1]; i++) {
            int df = content.documentFrequency[content.docTerms[i]];
            if (df >= 2 && df <= maxDistinctiveDf) {
                selected.offer(i, content.docWeights[i]);
            }
        }
        int[] chosen = new int[selected.size()];
        int chosenCount = selected.drainBestFirst(chosen, null);
        int postings = 0;
        for (int c = 0; c < chosenCount; c++) {
            int entry = chosen[c];
            int df = content.documentFrequency[content.docTerms[entry]];
            if (c >= MIN_QUERY_TERMS && postings + df > POSTINGS_BUDGET) {
                continue;
            }
            postings += df;
            scratch.accumulate(content, content.docTerms[entry], content.docWeights[entry], doc, allowed);
        }
        TopK candidates = new TopK(exact ? Math.max(MIN_RESCORED, k * RESCORED_PER_RESULT) : k);
        for (int c = 0; c < scratch.touchedCount; c++) {
            int other = scratch.touched[c];
            candidates.offer(other, scratch.partial[other]);
        }
        scratch.clear();
        if (!exact) {
            return candidates.drainBestFirst(outDocs, outScores);
        }
        int[] rescored = new int[candidates.size()];
        int rescoredCount = candidates.drainBestFirst(rescored, null);
        TopK best = new TopK(k);
        for (int c = 0; c < rescoredCount; c++) {
            best.offer(rescored[c], score(doc, rescored[c]));
        }
        return best.drainBestFirst(outDocs, outScores);
    }

    /** What the given documents share, two by two, summed by term, described as {@link #sharedTerms} says. */
    List<String> sharedTerms(int[] members, int max) {
        Shared words = new Shared();
        Shared territory = new Shared();
        for (int i = 0; i < members.length; i++) {
            for (int j = i + 1; j < members.length; j++) {
                int a = members[i];
                int b = members[j];
                words.addShared(content.docTerms, content.docWeights, content.docStart[a], content.docStart[a + 1],
                        content, b, 1);
                // a territory's part in the score is the bonus it gives to what the projects share
                double project = content.dot(a, b);
                if (project > 0) {
                    territory.addShared(places.docTerms, places.docWeights, places.docStart[a],
                            places.docStart[a + 1], places, b, project * PLACE_BOOST);
                }
            }
        }
        return describe(words, territory, max);
    }

    /** Terms and their summed parts in a score; a handful, so looked up one by one. */
    private static final class Shared {
        int size;
        int[] terms = new int[16];
        double[] weights = new double[16];

        /** Adds each term shared by the vector and the document, with its part in their score. */
        void addShared(int[] vector, float[] vectorWeights, int from, int to, TermIndex index, int doc,
                double factor) {
            int i = from;
            int j = index.docStart[doc];
            int jEnd = index.docStart[doc + 1];
            while (i < to && j < jEnd) {
                int ti = vector[i];
                int tj = index.docTerms[j];
                if (ti == tj) {
                    add(ti, factor * vectorWeights[i] * index.docWeights[j]);
                    i++;
                    j++;
                } else if (ti < tj) {
                    i++;
                } else {
                    j++;
                }
            }
        }

        void add(int term, double weight) {
            int at = indexOf(term);
            if (at >= 0) {
                weights[at] += weight;
                return;
            }
            if (size == terms.length) {
                terms = Arrays.copyOf(terms, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            terms[size] = term;
            weights[size++] = weight;
        }

        double weight(int term) {
            int at = indexOf(term);
            return at < 0 ? 0 : weights[at];
        }

        private int indexOf(int term) {
            for (int i = 0; i < size; i++) {
                if (terms[i] == term) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Readable reasons, heaviest first. A shared phrase stands for its two words and carries their weight, so that
     * "jardins partagés" is not followed by "jardins" and "partagés"; a phrase overlapping one already shown is
     * left out ("partagés dans le quartier" after "jardins partagés").
     */
    private List<String> describe(Shared words, Shared territory, int max) {
        record Reason(TermIndex index, int term, double weight) {}
        List<Reason> phrases = new ArrayList<>();
        for (int i = 0; i < words.size; i++) {
            if (content.isPair(words.terms[i])) {
                phrases.add(new Reason(content, words.terms[i], words.weights[i]));
            }
        }
        Comparator<Reason> heaviestFirst = Comparator.comparingDouble((Reason r) -> -r.weight())
                .thenComparingInt(Reason::term);
        phrases.sort(heaviestFirst);
        Set<Integer> claimed = new HashSet<>();
        List<Reason> reasons = new ArrayList<>();
        for (Reason phrase : phrases) {
            int first = content.firstWord(phrase.term());
            int second = content.secondWord(phrase.term());
            if (!claimed.contains(first) && !claimed.contains(second)) {
                claimed.add(first);
                claimed.add(second);
                reasons.add(new Reason(content, phrase.term(),
                        phrase.weight() + words.weight(first) + words.weight(second)));
            }
        }
        for (int i = 0; i < words.size; i++) {
            if (!content.isPair(words.terms[i]) && !claimed.contains(words.terms[i])) {
                reasons.add(new Reason(content, words.terms[i], words.weights[i]));
            }
        }
        reasons.sort(heaviestFirst);
        List<Reason> places = new ArrayList<>();
        for (int i = 0; i < territory.size; i++) {
            places.add(new Reason(this.places, territory.terms[i], territory.weights[i]));
        }
        places.sort(heaviestFirst);
        reasons.addAll(places);
        Map<String, String> shown = new LinkedHashMap<>();
        for (Reason reason : reasons) {
            if (shown.size() == max) {
                break;
            }
            String text = reason.index().surface(reason.term());
            shown.putIfAbsent(text.toLowerCase(Locale.ROOT), text);
        }
        return List.copyOf(shown.values());
    }

    /** A free text as a unit-length vector over the indexed terms; terms nobody wrote are left out. */
    private Vector vector(String text) {
        ProjectText.Tokens tokens = new ProjectText.Tokens();
        ProjectText.analyzeProject(text, tokens);
        Map<Integer, Float> tf = new HashMap<>();
        int previous = -1;
        for (int i = 0; i < tokens.size; i++) {
            int word = content.word(tokens.terms[i]);
            if (word >= 0) {
                tf.merge(word, 1f, Float::sum);
                if (previous >= 0 && previous != word && tokens.phrase[i]) {
                    int pair = content.pair(previous, word);
                    if (pair >= 0) {
                        tf.merge(pair, 1f, Float::sum);
                    }
                }
            }
            previous = word;
        }
        int[] terms = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        float[] weights = new float[terms.length];
        double norm = 0;
        for (int i = 0; i < terms.length; i++) {
            double w = (1 + Math.log(tf.get(terms[i]))) * content.idf[terms[i]];
            weights[i] = (float) w;
            norm += w * w;
        }
        for (int i = 0; i < terms.length; i++) {
            weights[i] = (float) (weights[i] / Math.sqrt(norm));
        }
        return new Vector(terms, weights);
    }

    private record Vector(int[] terms, float[] weights) {}

    private static void requireNonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + count);
        }
    }

    /** Partial scores of one query, reused from query to query by one thread. */
    static final class Scratch {
        final float[] partial;
        final int[] touched;
        int touchedCount;

        Scratch(int documents) {
            partial = new float[documents];
            touched = new int[documents];
        }

        void accumulate(TermIndex index, int term, float weight, int self, BitSet allowed) {
            for (int p = index.postingStart[term]; p < index.postingStart[term + 1]; p++) {
                int doc = index.postingDocs[p];
                if (doc == self || (allowed != null && !allowed.get(doc))) {
                    continue;
                }
                if (partial[doc] == 0) {
                    touched[touchedCount++] = doc;
                }
                partial[doc] += weight * index.postingWeights[p];
            }
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                partial[touched[i]] = 0;
            }
            touchedCount = 0;
        }
    }
}
