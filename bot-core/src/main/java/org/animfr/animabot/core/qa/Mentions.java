package org.animfr.animabot.core.qa;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.text.TextFold;

/**
 * The precise things a question names, found before matching its intent and then removed from it: a session
 * ("animacoop 7") and a week number ("semaine 3", "3e semaine", "week three"). Whether it asks about what comes
 * next is a concept like others, found by the analysis (see {@link QuestionAnswerer}).
 *
 * @param rest the question without the session's name and the week's number, lower case and without accents
 */
record Mentions(Optional<Session> session, Optional<Integer> week, String rest) {

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("premiere", 1), Map.entry("premier", 1),
            Map.entry("deux", 2), Map.entry("deuxieme", 2), Map.entry("seconde", 2), Map.entry("second", 2),
            Map.entry("trois", 3), Map.entry("troisieme", 3), Map.entry("quatre", 4), Map.entry("quatrieme", 4),
            Map.entry("cinq", 5), Map.entry("cinquieme", 5), Map.entry("six", 6), Map.entry("sixieme", 6),
            Map.entry("sept", 7), Map.entry("septieme", 7), Map.entry("huit", 8), Map.entry("huitieme", 8),
            Map.entry("neuf", 9), Map.entry("neuvieme", 9), Map.entry("dix", 10), Map.entry("dixieme", 10),
            Map.entry("onze", 11), Map.entry("onzieme", 11), Map.entry("douze", 12), Map.entry("douzieme", 12),
            Map.entry("treize", 13), Map.entry("treizieme", 13), Map.entry("quatorze", 14),
            Map.entry("one", 1), Map.entry("first", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("third", 3), Map.entry("four", 4), Map.entry("fourth", 4), Map.entry("five", 5),
            Map.entry("fifth", 5), Map.entry("seven", 7), Map.entry("seventh", 7), Map.entry("eight", 8),
            Map.entry("eighth", 8), Map.entry("nine", 9), Map.entry("ninth", 9), Map.entry("ten", 10),
            Map.entry("tenth", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("sixth", 6), Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13));
    private static final String NUMBER = "(\\d{1,3}|" + String.join("|", NUMBER_WORDS.keySet()) + ")";
    private static final Pattern WEEK_THEN_NUMBER = Pattern.compile(
            "\\b(semaine|sem|week|wk)\\s*(?:n\\s*°|no\\.?|numero|number|num|#)?\\s*" + NUMBER + "\\b");
    private static final Pattern NUMBER_THEN_WEEK = Pattern.compile(
            "\\b" + NUMBER + "\\s*(?:e|eme|ieme|er|ere|st|nd|rd|th)?\\s+(semaine|week)\\b");

    /** Session names compiled once: there are few, and compiling them for every question costs the most. */
    private static final Map<String, Pattern> NAME_PATTERNS = new ConcurrentHashMap<>();

    static Mentions find(String question, Catalog catalog) {
        String text = TextFold.fold(question);
        Optional<Session> session = Optional.empty();
        for (Session candidate : byLongestName(catalog.sessions())) {
            Optional<String> without = removeName(text, candidate);
            if (without.isPresent()) {
                session = Optional.of(candidate);
                text = without.get();
                break;
            }
        }
        Optional<Integer> week = Optional.empty();
        Matcher matcher = WEEK_THEN_NUMBER.matcher(text);
        if (matcher.find()) {
            week = number(matcher.group(2));
            text = text.substring(0, matcher.start()) + matcher.group(1) + text.substring(matcher.end());
        } else {
            matcher = NUMBER_THEN_WEEK.matcher(text);
            if (matcher.find()) {
                week = number(matcher.group(1));
                text = text.substring(0, matcher.start()) + matcher.group(2) + text.substring(matcher.end());
            }
        }
        return new Mentions(session, week, text.replaceAll("\\s+", " ").strip());
    }

    private static List<Session> byLongestName(List<Session> sessions) {
        return sessions.stream().sorted(Comparator.comparingInt((Session s) -> s.name().length()).reversed()).toList();
    }

    /** Removes the session's name or id ("animacoop 7", "animacoop-7") if the text contains it as whole words. */
    private static Optional<String> removeName(String text, Session session) {
        for (String name : List.of(session.name(), session.id())) {
            Matcher matcher = NAME_PATTERNS.computeIfAbsent(name, Mentions::namePattern).matcher(text);
            if (matcher.find()) {
                return Optional.of(text.substring(0, matcher.start()) + " " + text.substring(matcher.end()));
            }
        }
        return Optional.empty();
    }

    /** The name's words, whole, separated by spaces, dashes or nothing; a pattern that never matches if none. */
    private static Pattern namePattern(String name) {
        List<String> words = Arrays.stream(TextFold.fold(name).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).map(Pattern::quote).toList();
        return Pattern.compile(words.isEmpty() ? "(?!)" : "\\b" + String.join("[\\s\\-_]*", words) + "\\b");
    }

    private static Optional<Integer> number(String token) {
        if (token.chars().allMatch(Character::isDigit)) {
            return Optional.of(Integer.parseInt(token));
        }
        return Optional.ofNullable(NUMBER_WORDS.get(token));
    }
}
