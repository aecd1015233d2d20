package org.animfr.animabot.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.animfr.animabot.core.qa.TextAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class ProjectTextTest {
    @Test
    void projectsFoldEveryCharacterAsTheQuestionsDo() {
        Analyzer reference = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source,
                        new FrenchLightStemFilter(new ASCIIFoldingFilter(new LowerCaseFilter(source))));
            }
        };
        StringBuilder text = new StringBuilder();
        for (char c = 0x80; c < 0xD800; c++) {
            text.append("zz").append(c).append("zz ");
        }

        assertThat(terms(TextAnalysis.projects(), text.toString()))
                .isEqualTo(terms(reference, text.toString()));
    }

    @Test
    void wordsAreTermsWithWhereTheyWereWritten() {
        String text = "L'association anime les Jardins partagés de l’école, pour tout le quartier.";
        ProjectText.Tokens tokens = new ProjectText.Tokens();

        ProjectText.analyzeProject(text, tokens);

        List<String> written = new ArrayList<>();
        for (int i = 0; i < tokens.size; i++) {
            written.add(text.substring(tokens.starts[i], tokens.ends[i]));
        }
        assertThat(written).containsExactly("Jardins", "partagés", "école", "quartier");
        assertThat(tokens.terms).startsWith("jardin", "partag", "ecol", "quarti");
    }

    @Test
    void aPhraseIsTwoWordsWithNoPunctuationAndAtMostOneSmallWordBetween() {
        String text = "Villes en transition, jardins partagés dans le quartier";
        ProjectText.Tokens tokens = new ProjectText.Tokens();

        ProjectText.analyzeProject(text, tokens);

        // villes | en transition | , jardins | partagés | dans le quartier
        assertThat(tokens.phrase).startsWith(false, true, false, true, false);
    }

    @Test
    void englishProjectWordsBecomeTheirFrenchTerms() {
        ProjectText.Tokens english = new ProjectText.Tokens();
        ProjectText.Tokens french = new ProjectText.Tokens();

        ProjectText.analyzeProject("shared gardens, participatory mapping, repair", english);
        ProjectText.analyzeProject("jardin partagé, cartographie participative, réparer", french);

        assertThat(Arrays.asList(english.terms).subList(0, english.size))
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(french.terms).subList(0, french.size));
    }

    @Test
    void wordsEveryProjectUsesAreNotTerms() {
        ProjectText.Tokens tokens = new ProjectText.Tokens();

        ProjectText.analyzeProject("Mettre en place un projet associatif en réseau avec les associations", tokens);

        assertThat(tokens.size).isZero();
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
