package org.animfr.animabot.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks; French is the default. */
public enum Language {
    FR(Locale.FRENCH),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    /** Parses {@code fr}, {@code en}, {@code français}, {@code english}, ignoring case; empty if unknown. */
    public static Optional<Language> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fr", "francais", "français", "french", "fr-fr" -> Optional.of(FR);
            case "en", "english", "anglais", "en-gb", "en-us" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
