package org.animfr.animabot.core.learner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a learner told the bot about their project, and whether they want to be introduced. Personal data: shown to
 * others only with {@link #introductions()} on, never logged. Immutable.
 *
 * @param project the project's description, non-null, empty when not given (at most {@link #MAX_PROJECT} characters)
 * @param keywords the keywords they chose, non-null, possibly empty
 * @param territory their town or region, non-null, empty when not given
 * @param sessionId the session they follow or followed, or null when unknown
 * @param introductions whether they agreed to be introduced to others (off until they say yes)
 * @param pausedUntil the last local date of a pause of introductions, or null
 * @param updatedAt when they last changed it, or null when never
 */
public record Profile(String project, List<String> keywords, String territory, String sessionId,
        boolean introductions, LocalDate pausedUntil, Instant updatedAt) {
    public static final int MAX_PROJECT = 1000;
    public static final int MAX_KEYWORDS = 10;
    public static final int MAX_KEYWORD = 60;
    public static final int MAX_TERRITORY = 120;

    public Profile {
        project = project == null ? "" : project.strip();
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        territory = territory == null ? "" : territory.strip();
    }

    /** Nothing told yet, introductions off. */
    public static Profile empty() {
        return new Profile("", List.of(), "", null, false, null, null);
    }

    public boolean hasProject() {
        return !project.isEmpty();
    }

    /** Whether they may be introduced, listed or suggested on that local date: consent given and not paused. */
    public boolean introducibleOn(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return introductions && hasProject() && (pausedUntil == null || pausedUntil.isBefore(today));
    }

    public boolean isEmpty() {
        return !hasProject() && keywords.isEmpty() && territory.isEmpty() && sessionId == null && !introductions
                && pausedUntil == null;
    }

    public Profile withProject(String text, Instant at) {
        return new Profile(text, keywords, territory, sessionId, introductions, pausedUntil, at);
    }

    public Profile withKeywords(List<String> words, Instant at) {
        return new Profile(project, words, territory, sessionId, introductions, pausedUntil, at);
    }

    public Profile withTerritory(String place, Instant at) {
        return new Profile(project, keywords, place, sessionId, introductions, pausedUntil, at);
    }

    public Profile withSession(String session, Instant at) {
        return new Profile(project, keywords, territory, session, introductions, pausedUntil, at);
    }

    /** Consent given or withdrawn; either ends a pause. */
    public Profile withIntroductions(boolean on, Instant at) {
        return new Profile(project, keywords, territory, sessionId, on, null, at);
    }

    public Profile pausedUntil(LocalDate lastDay, Instant at) {
        return new Profile(project, keywords, territory, sessionId, introductions, lastDay, at);
    }
}
