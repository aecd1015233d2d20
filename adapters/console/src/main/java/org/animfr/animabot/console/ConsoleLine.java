package org.animfr.animabot.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One input line: {@code Name: text} speaks as Name, anything else speaks as the default speaker.
 * A name is a word or a few (letters first, at most 40 characters), so "https://…" or a sentence with a
 * colon further on is not mistaken for a speaker.
 */
record ConsoleLine(String speaker, String text) {
    private static final Pattern NAMED = Pattern.compile("^\\s*(\\p{L}[\\p{L}\\p{N} ._'-]{0,39}?)\\s*:\\s(.*)$",
            Pattern.DOTALL);

    static ConsoleLine parse(String line, String defaultSpeaker) {
        Matcher matcher = NAMED.matcher(line);
        if (matcher.matches()) {
            return new ConsoleLine(matcher.group(1).strip(), matcher.group(2));
        }
        return new ConsoleLine(defaultSpeaker, line);
    }
}
