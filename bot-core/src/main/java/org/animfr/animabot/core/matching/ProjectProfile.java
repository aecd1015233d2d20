package org.animfr.animabot.core.matching;

import java.util.List;
import java.util.Objects;

/**
 * What a learner wrote about their cooperative project, as the matching reads it.
 *
 * @param learnerId who wrote it; not blank, unique within a {@link ProjectSimilarity}
 * @param project the description, in French or English (usually at most 1000 characters); not null, may be empty
 * @param keywords the keywords they chose, each a word or a short phrase; null reads as none
 * @param territory where the project happens (a city, a region); null reads as empty
 */
public record ProjectProfile(String learnerId, String project, List<String> keywords, String territory) {
    public ProjectProfile {
        Objects.requireNonNull(learnerId, "learnerId");
        if (learnerId.isBlank()) {
            throw new IllegalArgumentException("A profile needs a learner id");
        }
        Objects.requireNonNull(project, "project");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        territory = territory == null ? "" : territory;
    }

    /** A profile with a description only. */
    public static ProjectProfile of(String learnerId, String project) {
        return new ProjectProfile(learnerId, project, List.of(), "");
    }
}
