package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Objects;

/**
 * A question organizers answer once for everybody, with other ways people phrase it.
 *
 * @param question the main phrasing, non-blank
 * @param phrasings extra phrasings, possibly empty
 * @param answer the answer, non-blank, shown as written
 */
public record FaqEntry(String question, List<String> phrasings, String answer) {
    public FaqEntry {
        Objects.requireNonNull(question, "question");
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        Objects.requireNonNull(answer, "answer");
    }
}
