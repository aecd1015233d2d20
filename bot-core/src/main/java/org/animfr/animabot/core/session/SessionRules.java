package org.animfr.animabot.core.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a session must follow whatever file it comes from. Each broken rule is named by the field it
 * concerns ({@code end}, {@code gatherings[1].date}, {@code weeks[0].number}), so that the reader of the file
 * can point at the line. Stateless.
 */
public final class SessionRules {

    /** A broken rule: the field's path in the session and a message key with its arguments. */
    public record Violation(String field, String key, List<Object> args) {
        public Violation {
            args = List.copyOf(args);
        }
    }

    public List<Violation> check(Session session) {
        List<Violation> violations = new ArrayList<>();
        if (!session.id().matches("[a-z0-9][a-z0-9-]*")) {
            violations.add(new Violation("id", "data.problem.bad-id", List.of(session.id())));
        }
        if (session.end().isBefore(session.start())) {
            violations.add(new Violation("end", "data.problem.end-before-start",
                    List.of(session.id(), session.end().toString(), session.start().toString())));
        }
        if (session.hours() < 0) {
            violations.add(new Violation("hours", "data.problem.negative-hours", List.of(session.id())));
        }
        for (int i = 0; i < session.gatherings().size(); i++) {
            Gathering gathering = session.gatherings().get(i);
            if (!session.isRunningOn(gathering.at().toLocalDate())) {
                violations.add(new Violation("gatherings[" + i + "].date", "data.problem.gathering-outside",
                        List.of(gathering.at().toLocalDate().toString(), session.id(),
                                session.start().toString(), session.end().toString())));
            }
        }
        Set<Integer> seen = new HashSet<>();
        int weekCount = session.end().isBefore(session.start()) ? 0 : session.weekCount();
        for (int i = 0; i < session.weeks().size(); i++) {
            Week week = session.weeks().get(i);
            if (!seen.add(week.number())) {
                violations.add(new Violation("weeks[" + i + "].number", "data.problem.duplicate-week",
                        List.of(week.number(), session.id())));
            } else if (week.number() > weekCount) {
                violations.add(new Violation("weeks[" + i + "].number", "data.problem.week-outside",
                        List.of(week.number(), session.id(), weekCount)));
            }
        }
        return violations;
    }
}
