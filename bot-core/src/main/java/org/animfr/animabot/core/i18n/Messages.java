package org.animfr.animabot.core.i18n;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Everything the bot says to people, read from {@code messages_fr.properties} and {@code messages_en.properties}
 * ({@link java.text.MessageFormat} patterns; French texts use the typographic apostrophe so that no quote needs
 * doubling). Also formats dates the way people write them. Thread-safe.
 */
public final class Messages {
    private static final String BUNDLE = "org.animfr.animabot.core.i18n.messages";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    private final Map<Language, DateTimeFormatter> dates = new EnumMap<>(Language.class);
    private final Map<Language, DateTimeFormatter> times = new EnumMap<>(Language.class);
    private final Map<Language, DateTimeFormatter> wholeHours = new EnumMap<>(Language.class);

    public Messages() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), noFallback());
            bundles.put(language, bundle);
            dates.put(language, DateTimeFormatter.ofPattern(bundle.getString("format.date"), language.locale()));
            times.put(language, DateTimeFormatter.ofPattern(bundle.getString("format.time"), language.locale()));
            wholeHours.put(language,
                    DateTimeFormatter.ofPattern(bundle.getString("format.time.whole-hour"), language.locale()));
        }
    }

    /** The text for {@code key} in the language, with its {@code {0}}, {@code {1}}... filled in. */
    public String get(Language language, String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message '" + key + "' in " + language, e);
        }
        if (args.length == 0) {
            return pattern.replace("''", "'");
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /** "jeudi 15 novembre 2012" / "Thursday 15 November 2012"; the 1st of a month is "1er" in French. */
    public String date(Language language, LocalDate date) {
        String text = dates.get(language).format(date);
        if (language == Language.FR && date.getDayOfMonth() == 1) {
            text = text.replaceFirst("\\b1 ", "1er ");
        }
        return text;
    }

    /** "9 h 30", "14 h" / "9:30 am". */
    public String time(Language language, LocalDateTime at) {
        DateTimeFormatter formatter = at.getMinute() == 0 ? wholeHours.get(language) : times.get(language);
        return formatter.format(at);
    }

    /** "jeudi 15 novembre 2012 à 9 h 30". */
    public String dateTime(Language language, LocalDateTime at) {
        return get(language, "format.date-time", date(language, at.toLocalDate()), time(language, at));
    }

    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }
}
