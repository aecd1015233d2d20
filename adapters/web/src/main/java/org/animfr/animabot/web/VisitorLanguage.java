package org.animfr.animabot.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.animfr.animabot.core.i18n.Language;

/**
 * The language a visitor reads: the one they picked ({@code ?lang=en}), else the first of French and English in
 * their browser's {@code Accept-Language}, else the network's. A header that is malformed or too long to be a real
 * browser's is ignored, never an error: the page is still served, in the network's language.
 */
final class VisitorLanguage {
    /** Far longer than any browser sends (a few dozen characters); longer ones are not parsed at all. */
    static final int LONGEST_HEADER = 1024;

    private VisitorLanguage() {}

    static Language of(String picked, String acceptLanguage, Language network) {
        Optional<Language> chosen = picked(picked);
        if (chosen.isPresent()) {
            return chosen.get();
        }
        return accepted(acceptLanguage).orElse(network);
    }

    /** The language of {@code ?lang=}: "fr" or "en" (any case), nothing else. */
    static Optional<Language> picked(String picked) {
        if (picked == null) {
            return Optional.empty();
        }
        return switch (picked.strip().toLowerCase(Locale.ROOT)) {
            case "fr" -> Optional.of(Language.FR);
            case "en" -> Optional.of(Language.EN);
            default -> Optional.empty();
        };
    }

    static Optional<Language> accepted(String header) {
        if (header == null || header.isBlank() || header.length() > LONGEST_HEADER) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String tag = Locale.lookupTag(ranges, List.of("fr", "en"));
        if (tag == null) {
            return Optional.empty();
        }
        return Optional.of(tag.equals("en") ? Language.EN : Language.FR);
    }
}
