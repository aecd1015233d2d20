package org.animfr.animabot.core.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as organizers type it in a command: {@code 2026-12-20}, {@code 20/12/2026}, {@code 20/12},
 * {@code 20 décembre 2026}, {@code 20 decembre}, {@code december 20}. Without a year, the next such date from
 * today. Stateless.
 */
public final class TypedDate {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})(?:[/.](\\d{2,4}))?");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:er)? ([a-z]+)(?: (\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]+) (\\d{1,2})(?:st|nd|rd|th)?,?(?: (\\d{4}))?");
    private static final Map<String, Month> MONTHS = months();

    private TypedDate() {}

    public static Optional<LocalDate> parse(String typed, LocalDate today) {
        String text = TextFold.fold(typed).strip().replaceAll("\\s+", " ");
        try {
            Matcher m = ISO.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)));
            }
            m = NUMERIC.matcher(text);
            if (m.matches()) {
                return date(m.group(3), number(m, 2), number(m, 1), today);
            }
            m = DAY_MONTH.matcher(text);
            if (m.matches() && MONTHS.containsKey(m.group(2))) {
                return date(m.group(3), MONTHS.get(m.group(2)).getValue(), number(m, 1), today);
            }
            m = MONTH_DAY.matcher(text);
            if (m.matches() && MONTHS.containsKey(m.group(1))) {
                return date(m.group(3), MONTHS.get(m.group(1)).getValue(), number(m, 2), today);
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, int month, int day, LocalDate today) {
        if (year != null) {
            int y = Integer.parseInt(year);
            return Optional.of(LocalDate.of(y < 100 ? 2000 + y : y, month, day));
        }
        LocalDate thisYear = LocalDate.of(today.getYear(), month, day);
        return Optional.of(thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear);
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Map<String, Month> months() {
        Map<String, Month> months = new HashMap<>();
        for (Month month : Month.values()) {
            for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                months.put(TextFold.fold(month.getDisplayName(TextStyle.FULL, locale)), month);
                months.put(TextFold.fold(month.getDisplayName(TextStyle.SHORT, locale)).replace(".", ""), month);
            }
        }
        return Map.copyOf(months);
    }
}
