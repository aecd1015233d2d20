package org.animfr.animabot.core.matching;

import java.util.List;

/**
 * Learners to introduce to one another.
 *
 * @param learnerIds two learners, or three in the one group that takes the odd learner of an odd count
 * @param similarity how similar their projects are: the score of the pair, or the mean of the three pairs' scores
 * @param sharedTerms why they are introduced: the two to four most distinctive words they share, most distinctive
 *     first, readable ("jardins partagés, compost, quartier"); fewer, even none, when they share less
 */
public record Group(List<String> learnerIds, double similarity, List<String> sharedTerms) {
    public Group {
        learnerIds = List.copyOf(learnerIds);
        if (learnerIds.size() < 2 || learnerIds.size() > 3) {
            throw new IllegalArgumentException("A group has two or three learners: " + learnerIds);
        }
        sharedTerms = List.copyOf(sharedTerms);
    }
}
