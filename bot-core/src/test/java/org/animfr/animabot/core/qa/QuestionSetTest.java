package org.animfr.animabot.core.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.Test;

/**
 * Runs the question set ({@code questions.tsv}: a question, a tab, then the fragments the reply must contain,
 * separated by {@code &&}, or {@code UNSURE} when the bot must decline) through the whole bot, as a learner
 * would ask it. The set is written apart from the shipped phrasings, so it measures how well the bot
 * generalizes; it does not require every line to pass, but a confident answer to an out-of-scope question
 * costs more than an honest "not sure", so those are bounded separately.
 */
class QuestionSetTest {
    private static final String UNSURE = "UNSURE";
    private static final double MIN_ACCURACY = 0.90;
    private static final int MAX_CONFIDENT_OUT_OF_SCOPE = 1;

    record Line(String question, List<String> expected) {
        boolean outOfScope() {
            return expected.equals(List.of(UNSURE));
        }
    }

    @Test
    void answersMostQuestionsAndDeclinesWhatItDoesNotKnow() throws IOException {
        List<Line> lines = questionSet();
        List<String> notSure = Arrays.stream(Language.values())
                .map(l -> BotFixture.MESSAGES.get(l, "qa.not-sure")).toList();
        int passed = 0;
        int confidentOutOfScope = 0;
        for (Line line : lines) {
            String reply = new BotFixture().ask(line.question());
            boolean declined = notSure.stream().anyMatch(reply::contains);
            boolean ok = line.outOfScope() ? declined : line.expected().stream().allMatch(reply::contains);
            if (ok) {
                passed++;
                continue;
            }
            if (line.outOfScope()) {
                confidentOutOfScope++;
            }
            System.out.printf("missed  %s%n      expected: %s%n      got: %s%n", line.question(),
                    String.join(" && ", line.expected()), reply.replace('\n', ' '));
        }
        double accuracy = (double) passed / lines.size();
        System.out.printf("Question set: %d/%d (%.1f %%), %d out-of-scope answered%n",
                passed, lines.size(), 100 * accuracy, confidentOutOfScope);

        assertThat(lines).hasSizeGreaterThanOrEqualTo(100);
        assertThat(accuracy).isGreaterThanOrEqualTo(MIN_ACCURACY);
        assertThat(confidentOutOfScope).isLessThanOrEqualTo(MAX_CONFIDENT_OUT_OF_SCOPE);
    }

    private static List<Line> questionSet() throws IOException {
        try (InputStream in = QuestionSetTest.class.getResourceAsStream("questions.tsv")) {
            List<Line> lines = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException("Expected question<TAB>fragments: " + row);
                }
                List<String> expected = Arrays.stream(columns[1].split("&&")).map(String::strip).toList();
                lines.add(new Line(columns[0].strip(), expected));
            }
            return lines;
        }
    }
}
