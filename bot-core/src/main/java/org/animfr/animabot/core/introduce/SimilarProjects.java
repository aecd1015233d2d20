package org.animfr.animabot.core.introduce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.learner.Profile;
import org.animfr.animabot.core.matching.Neighbour;
import org.animfr.animabot.core.matching.ProjectProfile;
import org.animfr.animabot.core.matching.ProjectSimilarity;

/**
 * The people whose projects are closest to a text or to a learner's project, among those who agreed to be
 * introduced and are not paused: nobody else is ever suggested. The index is built from the directory and kept
 * until a profile changes here, the day changes, or a minute passes (another instance may have changed profiles).
 * Thread-safe.
 */
public final class SimilarProjects {
    private static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final LearnerDirectory directory;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private Index index;

    public SimilarProjects(LearnerDirectory directory, Clock clock, Supplier<ZoneId> zone) {
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /** A person to suggest, and the distinctive words their project shares with the query. */
    public record Suggestion(Learner learner, double score, List<String> sharedTerms) {}

    /** The people closest to the learner's own project, themselves excluded. */
    public List<Suggestion> similarTo(Learner asker, int max) {
        return suggestions(queryText(asker.profile()), asker.id(), max);
    }

    /** The people whose project is about this topic ("jardins partagés"), the asker excluded. */
    public List<Suggestion> about(String topic, long askerId, int max) {
        return suggestions(topic, askerId, max);
    }

    /** Forgets the index: a profile changed. */
    public synchronized void invalidate() {
        index = null;
    }

    private List<Suggestion> suggestions(String text, long askerId, int max) {
        Index current = current();
        return current.similarity().search(text, max + 1).stream()
                .filter(n -> Long.parseLong(n.learnerId()) != askerId)
                .limit(max)
                .map(n -> new Suggestion(current.learners().get(n.learnerId()), n.score(), n.sharedTerms()))
                .toList();
    }

    /** The text a profile is compared by: its project, keywords and territory. */
    static String queryText(Profile profile) {
        return profile.project() + "\n" + String.join(", ", profile.keywords()) + "\n" + profile.territory();
    }

    /** The profiles of people who may be introduced today, as the matching engine reads them. */
    static ProjectProfile projectProfile(Learner learner) {
        Profile p = learner.profile();
        return new ProjectProfile(Long.toString(learner.id()), p.project(), p.keywords(), p.territory());
    }

    private synchronized Index current() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone.get());
        if (index == null || !index.day().equals(today) || now.isAfter(index.builtAt().plus(FRESHNESS))
                || now.isBefore(index.builtAt())) {
            index = build(today, now);
        }
        return index;
    }

    private Index build(LocalDate today, Instant now) {
        Map<String, Learner> learners = new HashMap<>();
        for (Learner learner : directory.consenting()) {
            if (learner.profile().introducibleOn(today)) {
                learners.put(Long.toString(learner.id()), learner);
            }
        }
        ProjectSimilarity similarity = ProjectSimilarity.of(
                learners.values().stream().map(SimilarProjects::projectProfile).toList());
        return new Index(similarity, learners, today, now);
    }

    private record Index(ProjectSimilarity similarity, Map<String, Learner> learners, LocalDate day,
            Instant builtAt) {}
}
