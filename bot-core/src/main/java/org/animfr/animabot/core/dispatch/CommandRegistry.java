package org.animfr.animabot.core.dispatch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.animfr.animabot.core.chat.CommandCall;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * The bot's commands, in the order help lists them: the one list that the parser, help, the dispatcher and the
 * platforms' command menus all read. Two commands may not share a key, nor a word among the commands typed the
 * same way, so that a forgotten or doubled command fails at start-up instead of silently. Immutable; thread-safe.
 */
public final class CommandRegistry {
    private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance();

    private final Map<String, CommandFeature> byKey = new LinkedHashMap<>();
    private final List<CommandSpec> specs;

    public CommandRegistry(List<CommandFeature> features) {
        Map<String, String> ownerOfWord = new HashMap<>();
        for (CommandFeature feature : features) {
            CommandSpec spec = feature.spec();
            if (byKey.putIfAbsent(spec.key(), feature) != null) {
                throw new IllegalArgumentException("Two commands with the key " + spec.key());
            }
            for (String word : spec.words()) {
                String owner = ownerOfWord.putIfAbsent(spec.organizerOnly() + ":" + word, spec.key());
                if (owner != null && !owner.equals(spec.key())) {
                    throw new IllegalArgumentException("'" + word + "' names both " + owner + " and " + spec.key());
                }
            }
        }
        this.specs = byKey.values().stream().map(CommandFeature::spec).toList();
    }

    /** Every command's spec, in order. */
    public List<CommandSpec> specs() {
        return specs;
    }

    public Optional<CommandFeature> feature(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The command that a folded word names, among organizer commands or the others. */
    public Optional<CommandSpec> byWord(String foldedWord, boolean organizerOnly) {
        return specs.stream().filter(s -> s.organizerOnly() == organizerOnly && s.answersTo(foldedWord)).findFirst();
    }

    /** The command whose name or alias is nearest to the folded word, within an edit distance of 1 or 2. */
    public Optional<CommandSpec> closest(String foldedWord, boolean organizerOnly) {
        CommandSpec best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (CommandSpec spec : specs) {
            if (spec.organizerOnly() != organizerOnly) {
                continue;
            }
            for (String word : spec.words()) {
                int distance = editDistance(foldedWord, word);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = spec;
                }
            }
        }
        int allowed = foldedWord.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** A platform's already parsed call as an invocation; empty when no command has its key. */
    public Optional<Invocation> invocation(CommandCall call) {
        return Optional.ofNullable(byKey.get(call.command())).map(feature -> {
            CommandSpec spec = feature.spec();
            Map<String, String> known = new LinkedHashMap<>();
            call.arguments().forEach((key, value) -> {
                if (spec.parameter(key).isPresent()) {
                    known.put(key, value);
                }
            });
            return new Invocation(spec, known);
        });
    }

    /** Edits between two words, from Lucene's similarity (1 - edits / longest length). */
    private static int editDistance(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 0 : Math.round((1 - LEVENSHTEIN.getDistance(a, b)) * longest);
    }
}
