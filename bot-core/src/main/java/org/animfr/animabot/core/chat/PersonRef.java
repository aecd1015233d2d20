package org.animfr.animabot.core.chat;

import java.util.Objects;

/**
 * Identifies a person on one platform: the platform's name ({@code console}, {@code discord}, {@code matrix})
 * and the platform's own id for that person (a Discord snowflake, a Matrix user id such as {@code @ana:example.org}).
 * Both parts are non-blank.
 */
public record PersonRef(String platform, String id) {
    public PersonRef {
        requireText(platform, "platform");
        requireText(id, "id");
    }

    /** Parses {@code platform:id}, the form used in configuration; the id may itself contain colons. */
    public static PersonRef parse(String qualified) {
        Objects.requireNonNull(qualified, "qualified");
        int colon = qualified.indexOf(':');
        if (colon <= 0 || colon == qualified.length() - 1) {
            throw new IllegalArgumentException("Expected platform:id, got '" + qualified + "'");
        }
        return new PersonRef(qualified.substring(0, colon).trim(), qualified.substring(colon + 1).trim());
    }

    @Override
    public String toString() {
        return platform + ":" + id;
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
