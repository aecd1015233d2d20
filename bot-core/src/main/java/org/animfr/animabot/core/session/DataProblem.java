package org.animfr.animabot.core.session;

import java.util.List;
import java.util.Objects;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;

/**
 * Something wrong in a data file, for organizers to fix: where, and what (a message key of the bundles with
 * its arguments, so that it reads in the organizer's language).
 *
 * @param file the file's name as configured, non-null
 * @param line the line, starting at 1; 0 when the problem concerns the whole file
 * @param key message key, in {@code data.problem.*}
 * @param args message arguments
 */
public record DataProblem(String file, int line, String key, List<Object> args) {
    public DataProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static DataProblem of(String file, int line, String key, Object... args) {
        return new DataProblem(file, line, key, List.of(args));
    }

    /** The problem in words: "demo.yaml, ligne 12 : ...". */
    public String describe(Messages messages, Language language) {
        String what = messages.get(language, key, args.toArray());
        return line > 0
                ? messages.get(language, "data.problem.at-line", file, line, what)
                : messages.get(language, "data.problem.in-file", file, what);
    }
}
