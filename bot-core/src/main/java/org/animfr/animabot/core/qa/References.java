package org.animfr.animabot.core.qa;

import java.util.Optional;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Session;

/**
 * The precise things a question names, resolved against the catalog and the clock before its intent is
 * classified, and removed from the text the classifier reads (see {@link ReferenceFinder}).
 *
 * @param session the session it names, by name, number, order, season or territory
 * @param unknownSession how it named a session the catalog does not hold ("animacoop 12", "la session d'été")
 * @param week the week number it names, typed ("semaine 3") or found by its theme ("la semaine sur les wikis")
 * @param weekByTheme whether {@code week} was found by its theme
 * @param gathering the one gathering it names by order or role ("le deuxième regroupement", "la clôture"), of
 *     the session named or the conversation's
 * @param time the days a time expression covers ("demain", "dans trois semaines")
 * @param rest the question without these references: lower case, without accents, texting rewritten
 */
record References(Optional<Session> session, Optional<String> unknownSession, Optional<Integer> week,
        boolean weekByTheme, Optional<Gathering> gathering, Optional<TimeExpressions.Span> time, String rest) {

    /** The same references for another part of the question's text. */
    References withRest(String text) {
        return new References(session, unknownSession, week, weekByTheme, gathering, time, text.strip());
    }

    /** Whether any reference was found: a question may then be nothing but a name ("animacoop 8 ?"). */
    boolean any() {
        return session.isPresent() || unknownSession.isPresent() || week.isPresent() || gathering.isPresent()
                || time.isPresent();
    }
}
