package org.animfr.animabot.core.chat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command with its arguments, by language-neutral names: what a Discord slash command or a follow-up button
 * hands the core, so that nothing is turned back into text and parsed again.
 *
 * @param command the command's key ({@code gatherings}, {@code admin-link}), non-blank
 * @param arguments argument values by parameter key ({@code session} → {@code animacoop-7}), in order; never
 *     null, values non-null
 */
public record CommandCall(String command, Map<String, String> arguments) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public CommandCall {
        if (command == null || !KEY.matcher(command).matches()) {
            throw new IllegalArgumentException("Not a command key: " + command);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        (arguments == null ? Map.<String, String>of() : arguments).forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("Not a parameter key: " + key);
            }
            copy.put(key, Objects.requireNonNull(value, key));
        });
        arguments = Collections.unmodifiableMap(copy);
    }

    public CommandCall(String command) {
        this(command, Map.of());
    }

    /** The call as a short id for a button: {@code gatherings session=animacoop-7}, values URL-encoded. */
    public String toId() {
        StringBuilder id = new StringBuilder(command);
        arguments.forEach((key, value) -> id.append(' ').append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return id.toString();
    }

    /** Reads an id made by {@link #toId()}; empty when it is not one. */
    public static Optional<CommandCall> fromId(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String[] parts = id.strip().split(" ");
        if (!KEY.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals <= 0 || !KEY.matcher(parts[i].substring(0, equals)).matches()) {
                return Optional.empty();
            }
            try {
                arguments.put(parts[i].substring(0, equals),
                        URLDecoder.decode(parts[i].substring(equals + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new CommandCall(parts[0], arguments));
    }
}
