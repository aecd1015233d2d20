package org.animfr.animabot.core.qa;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The questions' analysis, offered to features that compare free texts other than questions. Stateless;
 * the analyzers are thread-safe.
 */
public final class TextAnalysis {
    private static final Analyzer PROJECTS = projectsAnalyzer();

    private TextAnalysis() {}

    /**
     * What people write about their projects, as terms: the questions' surface chain (lower case, elisions,
     * possessives, accents folded), their French, English and chat stop words, "où" and "qui" too, then the light
     * French stemmer ("Jardins partagés" → "jardin", "partag"). Unlike the questions' meaning chain it has no
     * synonym lists: those map question words onto the intents' concepts, which would blur what a project is about.
     * Offsets point into the text as written, so that a term can be shown as people typed it.
     */
    public static Analyzer projects() {
        return PROJECTS;
    }

    private static Analyzer projectsAnalyzer() {
        Analyzer surface = QuestionAnalyzers.analyzer(
                source -> new TableFolding(QuestionAnalyzers.unfoldedSurfaceChain(source)));
        CharArraySet stopWords = new CharArraySet(QuestionAnalyzers.stopWords(surface), false);
        // kept for questions because they ask for a place or people; in a description they say nothing
        stopWords.add("ou");
        stopWords.add("qui");
        CharArraySet frozen = CharArraySet.unmodifiableSet(stopWords);
        return QuestionAnalyzers.analyzer(source -> new FrenchLightStemFilter(
                new StopFilter(new TableFolding(QuestionAnalyzers.unfoldedSurfaceChain(source)), frozen)));
    }

    /**
     * Folds exactly as {@link ASCIIFoldingFilter} does ("é" → "e", "œ" → "oe"), one character at a time, through a
     * table made from it once: its folding method is too large for the JIT to compile, and descriptions, unlike
     * questions, are indexed by the hundred thousand.
     */
    private static final class TableFolding extends TokenFilter {
        /** The folding of each character from U+0080 on; null when it is itself. */
        private static final char[][] FOLDED = table();

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private char[] folded = new char[64];

        TableFolding(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            int length = term.length();
            int ascii = 0;
            while (ascii < length && buffer[ascii] < 0x80) {
                ascii++;
            }
            if (ascii == length) {
                return true;
            }
            if (folded.length < length * 4) {
                folded = new char[length * 4];
            }
            System.arraycopy(buffer, 0, folded, 0, ascii);
            int out = ascii;
            for (int i = ascii; i < length; i++) {
                char c = buffer[i];
                char[] replacement = c < 0x80 ? null : FOLDED[c - 0x80];
                if (replacement == null) {
                    folded[out++] = c;
                } else {
                    System.arraycopy(replacement, 0, folded, out, replacement.length);
                    out += replacement.length;
                }
            }
            term.copyBuffer(folded, 0, out);
            return true;
        }

        private static char[][] table() {
            char[][] table = new char[0x10000 - 0x80][];
            char[] in = new char[1];
            char[] out = new char[4];
            for (int c = 0x80; c < 0x10000; c++) {
                in[0] = (char) c;
                int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
                if (length != 1 || out[0] != c) {
                    table[c - 0x80] = Arrays.copyOf(out, length);
                }
            }
            return table;
        }
    }
}
