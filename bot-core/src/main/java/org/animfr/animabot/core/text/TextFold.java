package org.animfr.animabot.core.text;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The one way the bot compares what people type with names it knows (commands, sessions, weeks): lower case, and
 * every letter folded to ASCII as Lucene's {@link ASCIIFoldingFilter} folds it for the questions, so that "é" is
 * "e", "œ" is "oe", "æ" is "ae" and "ß" is "ss"; "Cœur" and "coeur" are the same word. Stateless; thread-safe.
 */
public final class TextFold {
    private TextFold() {}

    /** Lower case, ASCII-folded, typographic apostrophes made plain; spacing and punctuation kept. */
    public static String fold(String text) {
        // composed first, so that an accent typed as a separate mark folds like the accented letter
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\'');
        char[] input = lower.toCharArray();
        // Lucene folds one character into up to four ("ǆ" is "dz", "⑽" is "(10)")
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }

    /** {@link #fold} keeping letters and digits only: "Cœur-de-Loire", "coeur de loire" and "COEURDELOIRE" agree. */
    public static String compact(String text) {
        String folded = fold(text);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
