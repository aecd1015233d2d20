package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command ready to run: its spec and its arguments by parameter key, whether it came as text or already parsed
 * by a platform. Immutable.
 *
 * @param spec the command, non-null
 * @param arguments values by parameter key, as given (not yet checked by the command); blank values are absent
 * @param extra words typed after the last parameter that takes one word, which the command may refuse
 */
public record Invocation(CommandSpec spec, Map<String, String> arguments, List<String> extra) {
    public Invocation {
        Objects.requireNonNull(spec, "spec");
        arguments = Map.copyOf(arguments);
        extra = List.copyOf(extra);
    }

    public Invocation(CommandSpec spec, Map<String, String> arguments) {
        this(spec, arguments, List.of());
    }

    /** The argument of a parameter, when it was given and is not blank. */
    public Optional<String> argument(String parameterKey) {
        return Optional.ofNullable(arguments.get(parameterKey)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
