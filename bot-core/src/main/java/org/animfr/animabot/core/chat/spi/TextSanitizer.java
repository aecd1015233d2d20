package org.animfr.animabot.core.chat.spi;

/**
 * Removes the characters that can disguise a text without being seen: zero-width spaces and joiners,
 * bidirectional marks, overrides and isolates, the byte-order mark, and control characters other than line feeds
 * and tabs (so no terminal escape sequence either). A zero-width joiner between two emoji stays: it is what makes
 * 👩‍💻 one picture. Every platform applies it to what the bot shows, before escaping for its format. Thread-safe.
 */
public final class TextSanitizer {
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;

    private TextSanitizer() {}

    public static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c == ZERO_WIDTH_JOINER) {
                if (i > 0 && i + 1 < codePoints.length && joinsEmoji(codePoints[i - 1], codePoints[i + 1])) {
                    out.appendCodePoint(c);
                }
            } else if (!invisible(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    private static boolean invisible(int c) {
        return c == 0x200B || c == 0x200C || c == 0x200E || c == 0x200F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2060 && c <= 0x2064
                || c >= 0x2066 && c <= 0x2069
                || c == 0xFEFF
                || Character.getType(c) == Character.CONTROL && c != '\n' && c != '\t';
    }

    private static boolean joinsEmoji(int before, int after) {
        boolean emojiBefore = Character.getType(before) == Character.OTHER_SYMBOL || before == EMOJI_PRESENTATION
                || before >= 0x1F3FB && before <= 0x1F3FF;
        return emojiBefore && Character.getType(after) == Character.OTHER_SYMBOL;
    }
}
