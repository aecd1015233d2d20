package org.animfr.animabot.core.dispatch;

import java.util.List;
import java.util.Map;

/** Suggests values for a parameter while a person types it. Implementations are thread-safe and quick. */
public interface Completions {

    /**
     * The suggestions, best first, at most 25.
     *
     * @param what the parameter's source
     * @param typed what the person has typed so far, possibly empty
     * @param arguments the command's other arguments already given, by parameter key
     */
    List<Parameter.Choice> complete(Completion what, String typed, Map<String, String> arguments);

    /**
     * Whether the text names exactly one of the source's values ("coeur de loire" names the session Cœur de Loire),
     * so that a command whose last argument does is read as a command even when its words look like a sentence.
     */
    boolean names(Completion what, String text);
}
