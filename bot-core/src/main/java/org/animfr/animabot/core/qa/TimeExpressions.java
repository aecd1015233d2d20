package org.animfr.animabot.core.qa;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.text.TextFold;

/**
 * The time expressions of a question ("demain", "ce week-end", "dans trois semaines", "il y a deux semaines",
 * "lundi prochain", "d'ici la fin du mois", "le 15 novembre", "next Monday"), resolved against today into the
 * days they cover. Reads folded text (see {@link TextFold}). Stateless; thread-safe.
 */
final class TimeExpressions {
    /**
     * The days a time expression covers, both included.
     *
     * @param from the first day, non-null
     * @param to the last day, never before {@code from}
     * @param start where the expression starts in the text it was found in
     * @param end where it ends
     */
    record Span(LocalDate from, LocalDate to, int start, int end) {}

    private static final String NUMBER = "(\\d{1,2}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
            + "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|quelques|few|a few)";
    private static final String UNIT = "(jours?|semaines?|sem|mois|days?|weeks?|wks?|months?)";
    private static final Map<String, Integer> COUNTS = Map.ofEntries(
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3),
            Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7),
            Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11),
            Map.entry("douze", 12), Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("quelques", 3), Map.entry("few", 3), Map.entry("a few", 3));
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    private static final Map<String, Month> MONTHS = months();
    private static final String WEEKDAY = "(" + String.join("|", WEEKDAYS.keySet()) + ")";
    private static final String MONTH = "(" + String.join("|", MONTHS.keySet()) + ")";

    /** A digit or a word that every time expression contains. */
    private static final Pattern TRIGGER = Pattern.compile("\\d|\\b(?:aujourd|demain|dmain|hier|apres-demain|today"
            + "|tomorrow|yesterday|tonight|soir|matin|morning|afternoon|evening|week|semaine|mois|month|jour|day|year"
            + "|noel|christmas|xmas|" + String.join("|", WEEKDAYS.keySet()) + "|" + String.join("|", MONTHS.keySet())
            + ")|\\b(?:an|ans|we|sem|wks?|fin|end)\\b");

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, Optional<LocalDate[]>> days) {}

    private static final List<Rule> RULES = List.of(
            rule("(?:apres[ -]demain|day after tomorrow)", (m, t) -> day(t.plusDays(2))),
            rule("(?:avant[ -]hier|day before yesterday)", (m, t) -> day(t.minusDays(2))),
            rule("(?:aujourd'?hui|aujourd hui|ce jour|today|tonight|ce soir|this (?:morning|afternoon|evening))",
                    (m, t) -> day(t)),
            rule("(?:demain|tomorrow)", (m, t) -> day(t.plusDays(1))),
            rule("(?:hier|yesterday)", (m, t) -> day(t.minusDays(1))),
            rule("(?:ce|this|le|the|au|du|next|prochain)\\s+(?:week[ -]?end|we)(?:\\s+prochain)?",
                    (m, t) -> weekend(t, m.group().contains("next") || m.group().contains("prochain"))),
            rule("(?:dans|in|d'ici)\\s+" + NUMBER + "\\s+" + UNIT,
                    (m, t) -> shifted(t, count(m.group(1)), m.group(2), 1)),
            rule("(?:il y a|y a|ya)\\s+" + NUMBER + "\\s+" + UNIT,
                    (m, t) -> shifted(t, count(m.group(1)), m.group(2), -1)),
            rule(NUMBER + "\\s+" + UNIT + "\\s+(?:ago|plus tot|avant)", (m, t) -> shifted(t, count(m.group(1)),
                    m.group(2), -1)),
            rule("(?:(?:la|the)\\s+)?(?:semaine|week)\\s+(?:d'apres la (?:semaine )?prochaine|apres la (?:semaine )?"
                    + "prochaine|after next)"
                    + "|(?:dans|in)\\s+(?:quinze|15)\\s+jours", (m, t) -> week(t.plusWeeks(2))),
            rule("(?:(?:la|the)\\s+)?(?:semaine|week)\\s+(?:d'apres|prochaine|suivante|qui vient|after|pro|proch)"
                    + "|(?:next|following|coming)\\s+week", (m, t) -> week(t.plusWeeks(1))),
            rule("(?:(?:la|the)\\s+)?(?:semaine|week)\\s+(?:derniere|passee|precedente|d'avant|before)"
                    + "|(?:last|previous|past)\\s+week", (m, t) -> week(t.minusWeeks(1))),
            rule("(?:cette|this)\\s+(?:semaine|week)", (m, t) -> week(t)),
            rule("(?:a|au|at)\\s+(?:la\\s+)?fin\\s+du\\s+mois|at\\s+the\\s+end\\s+of\\s+(?:the|this)\\s+month",
                    (m, t) -> day(t.with(TemporalAdjusters.lastDayOfMonth()))),
            rule("(?:(?:d'ici|avant|jusqu'a|by|before|until)\\s+)?(?:la|the)\\s+fin\\s+du\\s+mois"
                    + "|(?:by|before|until)?\\s*the\\s+end\\s+of\\s+(?:the|this)\\s+month|(?:ce|this)\\s+mois(?:[ -]ci)?"
                    + "|this\\s+month", (m, t) -> span(t, t.with(TemporalAdjusters.lastDayOfMonth()))),
            rule("(?:le|the)?\\s*mois\\s+(?:prochain|suivant|d'apres)|next\\s+month",
                    (m, t) -> month(t.plusMonths(1))),
            rule("(?:le|the)?\\s*mois\\s+(?:dernier|passe|precedent)|last\\s+month", (m, t) -> month(t.minusMonths(1))),
            rule("(?:le|on|the)?\\s*" + WEEKDAY + "\\s+(?:prochain|qui vient|d'apres|pro|proch)|(?:next|this|coming)\\s+"
                    + WEEKDAY, (m, t) -> weekday(t, m.group(1) != null ? m.group(1) : m.group(2), 1)),
            rule("(?:le|on|the)?\\s*" + WEEKDAY + "\\s+(?:dernier|passe)|last\\s+" + WEEKDAY,
                    (m, t) -> weekday(t, m.group(1) != null ? m.group(1) : m.group(2), -1)),
            rule("(?:le|du|au|on|the)?\\s*(\\d{1,2})(?:er|st|nd|rd|th)?\\s+" + MONTH + "(?:\\s+(\\d{4}))?",
                    (m, t) -> date(t, m.group(3), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1)))),
            rule(MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?",
                    (m, t) -> date(t, m.group(3), MONTHS.get(m.group(1)), Integer.parseInt(m.group(2)))),
            rule("(?:le|du|on|the)?\\s*(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?",
                    (m, t) -> date(t, m.group(3), Month.of(range(Integer.parseInt(m.group(2)), 1, 12)),
                            Integer.parseInt(m.group(1)))),
            rule("(?:noel|christmas|xmas)", (m, t) -> day(nextOrSame(t, Month.DECEMBER, 25))),
            rule("(?:jour de l'an|nouvel an|new year'?s? day)", (m, t) -> day(nextOrSame(t, Month.JANUARY, 1))),
            rule(MONTH + "\\s+(?:gathering|meetup|meeting|meet-up)", (m, t) -> wholeMonth(t, null, MONTHS.get(m.group(1)))),
            rule("(?:en|in|au mois de|du mois de|de|d'|of)\\s*" + MONTH + "(?:\\s+(\\d{4}))?", (m, t) -> wholeMonth(t, m.group(2),
                    MONTHS.get(m.group(1)))),
            rule(WEEKDAY + "\\s+(\\d{1,2})(?:er)?(?!\\s*(?:h\\b|heures?|/))", (m, t) -> dayOfMonth(t,
                    Integer.parseInt(m.group(2)))),
            rule("(?:ce|on|le)?\\s*" + WEEKDAY + "(?:\\s+matin|\\s+soir)?", (m, t) -> weekday(t, m.group(1), 0)));

    private TimeExpressions() {}

    /**
     * The last time expression of the folded text, if any: a message says when it is about after the context
     * ("j'étais absent la semaine dernière, c'est quoi le thème cette semaine ?"); a weekday alone ("ce lundi")
     * only when nothing more precise is there ("le samedi 1er décembre" is the 1st of December).
     */
    static Optional<Span> find(String folded, LocalDate today) {
        // most questions name no time: one scan for the words every expression needs saves scanning for each
        if (!TRIGGER.matcher(folded).find()) {
            return Optional.empty();
        }
        List<Span> found = new java.util.ArrayList<>();
        for (Rule rule : RULES) {
            if (rule == RULES.get(RULES.size() - 1) && !found.isEmpty()) {
                break;
            }
            Matcher matcher = rule.pattern().matcher(folded);
            while (matcher.find()) {
                Optional<LocalDate[]> days = rule.days().apply(matcher, today);
                days.ifPresent(d -> found.add(new Span(d[0], d[1], matcher.start(), matcher.end())));
            }
        }
        // of expressions that overlap, the one that starts first and reads longest ("la semaine d'après la
        // prochaine" over "la semaine d'après"); of those apart, the last
        found.sort(java.util.Comparator.comparingInt(Span::start).thenComparing(Span::end,
                java.util.Comparator.reverseOrder()));
        Span chosen = null;
        for (Span span : found) {
            if (chosen == null || span.start() >= chosen.end()) {
                chosen = span;
            }
        }
        return Optional.ofNullable(chosen);
    }

    private static Rule rule(String regex, BiFunction<Matcher, LocalDate, Optional<LocalDate[]>> days) {
        return new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])"), days);
    }

    private static Optional<LocalDate[]> day(LocalDate day) {
        return span(day, day);
    }

    private static Optional<LocalDate[]> span(LocalDate from, LocalDate to) {
        return Optional.of(new LocalDate[] {from, to});
    }

    private static Optional<LocalDate[]> week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return span(monday, monday.plusDays(6));
    }

    private static Optional<LocalDate[]> month(LocalDate day) {
        return span(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
    }

    /** The coming weekend, or the one after it ("le week-end prochain" said on a weekday is ambiguous: the coming). */
    private static Optional<LocalDate[]> weekend(LocalDate today, boolean next) {
        LocalDate saturday = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.minusDays(1)
                : today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (next && today.getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue()) {
            saturday = saturday.plusWeeks(1);
        }
        return span(saturday, saturday.plusDays(1));
    }

    private static Optional<LocalDate[]> shifted(LocalDate today, int count, String unit, int sign) {
        if (unit.startsWith("j") || unit.startsWith("d")) {
            return day(today.plusDays((long) sign * count));
        }
        if (unit.startsWith("s") || unit.startsWith("w")) {
            return week(today.plusWeeks((long) sign * count));
        }
        // "dans un mois" is a day, the week it falls in answers "on sera en quelle semaine"
        return day(today.plusMonths((long) sign * count));
    }

    private static Optional<LocalDate[]> weekday(LocalDate today, String typed, int direction) {
        DayOfWeek day = WEEKDAYS.get(typed);
        if (direction < 0) {
            return day(today.with(TemporalAdjusters.previous(day)));
        }
        return day(direction == 0 ? today.with(TemporalAdjusters.nextOrSame(day))
                : today.with(TemporalAdjusters.next(day)));
    }

    private static Optional<LocalDate[]> date(LocalDate today, String year, Month month, int day) {
        if (month == null || day < 1 || day > month.maxLength()) {
            return Optional.empty();
        }
        int y = year == null ? today.getYear() : Integer.parseInt(year) < 100 ? 2000 + Integer.parseInt(year)
                : Integer.parseInt(year);
        if (day > month.length(java.time.Year.isLeap(y))) {
            return Optional.empty();
        }
        return day(LocalDate.of(y, month, day));
    }

    /** "jeudi 15": the 15th of this month, or of the next when it is past. */
    private static Optional<LocalDate[]> dayOfMonth(LocalDate today, int day) {
        for (LocalDate month = today.withDayOfMonth(1); month.isBefore(today.plusMonths(2)); month = month.plusMonths(1)) {
            if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
                return day(month.withDayOfMonth(day));
            }
        }
        return Optional.empty();
    }

    private static LocalDate nextOrSame(LocalDate today, Month month, int day) {
        LocalDate date = LocalDate.of(today.getYear(), month, day);
        return date.isBefore(today) ? date.plusYears(1) : date;
    }

    /** A month named without a year is the nearest one: October said in November is the one just past. */
    private static Optional<LocalDate[]> wholeMonth(LocalDate today, String year, Month month) {
        if (year != null) {
            return month(LocalDate.of(Integer.parseInt(year), month, 1));
        }
        LocalDate thisYear = LocalDate.of(today.getYear(), month, 1);
        LocalDate nearest = thisYear;
        for (LocalDate candidate : List.of(thisYear.minusYears(1), thisYear.plusYears(1))) {
            if (Math.abs(java.time.temporal.ChronoUnit.MONTHS.between(today.withDayOfMonth(1), candidate))
                    < Math.abs(java.time.temporal.ChronoUnit.MONTHS.between(today.withDayOfMonth(1), nearest))) {
                nearest = candidate;
            }
        }
        return month(nearest);
    }

    private static int range(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static int count(String typed) {
        Integer word = COUNTS.get(typed);
        return word != null ? word : Integer.parseInt(typed);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(TextFold.fold(day.getDisplayName(TextStyle.FULL, Locale.FRENCH)), day);
            days.put(TextFold.fold(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), day);
        }
        return Map.copyOf(days);
    }

    private static Map<String, Month> months() {
        Map<String, Month> months = new HashMap<>();
        for (Month month : Month.values()) {
            months.put(TextFold.fold(month.getDisplayName(TextStyle.FULL, Locale.FRENCH)), month);
            months.put(TextFold.fold(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), month);
        }
        months.put("sept", Month.SEPTEMBER);
        months.put("oct", Month.OCTOBER);
        months.put("nov", Month.NOVEMBER);
        months.put("dec", Month.DECEMBER);
        months.put("janv", Month.JANUARY);
        months.put("fev", Month.FEBRUARY);
        return Map.copyOf(months);
    }
}
