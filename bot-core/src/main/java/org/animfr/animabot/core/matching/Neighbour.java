package org.animfr.animabot.core.matching;

import java.util.List;

/**
 * A learner whose project resembles another project (or a searched text), and why.
 *
 * @param learnerId the learner found
 * @param score how similar, from 0 (nothing shared) up; the same as {@link ProjectSimilarity#score} between two
 *     learners
 * @param sharedTerms the most distinctive words both wrote, as people wrote them ("jardins partagés", "compost"),
 *     most distinctive first; at most four
 */
public record Neighbour(String learnerId, double score, List<String> sharedTerms) {
    public Neighbour {
        sharedTerms = List.copyOf(sharedTerms);
    }
}
