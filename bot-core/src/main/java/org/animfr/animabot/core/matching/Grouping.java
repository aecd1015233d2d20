package org.animfr.animabot.core.matching;

import java.util.List;

/**
 * The outcome of an introduction round: every learner asked for is either in exactly one group or left out.
 *
 * @param groups the groups, most similar first
 * @param leftOut the learners no acceptable partner was found for (they already met every possible one), in the
 *     order they were given; a facilitator may introduce them by hand
 */
public record Grouping(List<Group> groups, List<String> leftOut) {
    public Grouping {
        groups = List.copyOf(groups);
        leftOut = List.copyOf(leftOut);
    }
}
