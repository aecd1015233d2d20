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
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The held-out questions ({@code heldout/*.tsv}, one file per category, written apart from the training examples
 * in {@code examples/}): each is asked through the whole bot, on the network of {@link TestCatalogs#network()}, as
 * a learner would ask it. A line is a question, a tab, then the fragments the reply must contain (separated by
 * {@code &&}), or {@code UNSURE} when the bot must decline.
 *
 * <p>The whole set must be answered at 95 % or more, each category at 85 % or more, and no out-of-scope question
 * may get a confident answer.
 */
class HeldOutQuestionsTest {
    private static final String UNSURE = "UNSURE";
    private static final double MIN_ACCURACY = 0.95;
    private static final double MIN_CATEGORY_ACCURACY = 0.85;
    private static final List<String> CATEGORIES = List.of("naming", "polite", "relative-time", "gatherings",
            "texting", "faq", "out-of-scope");
    private static final List<String> NOT_SURE = Arrays.stream(Language.values())
            .map(l -> BotFixture.MESSAGES.get(l, "qa.not-sure")).toList();

    record Line(String question, List<String> expected) {
        boolean outOfScope() {
            return expected.equals(List.of(UNSURE));
        }
    }

    record Result(int passed, int total, int confidentOutOfScope) {
        double accuracy() {
            return (double) passed / total;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"naming", "polite", "relative-time", "gatherings", "texting", "faq"})
    void eachCategoryIsAnswered(String category) throws IOException {
        Result result = run(category);

        assertThat(result.total()).isGreaterThanOrEqualTo(40);
        assertThat(result.accuracy()).as(category).isGreaterThanOrEqualTo(MIN_CATEGORY_ACCURACY);
    }

    @Test
    void outOfScopeQuestionsAreNeverAnsweredConfidently() throws IOException {
        Result result = run("out-of-scope");

        assertThat(result.total()).isGreaterThanOrEqualTo(40);
        assertThat(result.confidentOutOfScope()).isZero();
    }

    @Test
    void theWholeSetIsAnsweredAtNinetyFivePercent() throws IOException {
        int passed = 0;
        int total = 0;
        int confidentOutOfScope = 0;
        for (String category : CATEGORIES) {
            Result result = run(category);
            passed += result.passed();
            total += result.total();
            confidentOutOfScope += result.confidentOutOfScope();
        }
        System.out.printf("Held-out questions: %d/%d (%.1f %%), %d out-of-scope answered%n", passed, total,
                100.0 * passed / total, confidentOutOfScope);

        assertThat(total).isGreaterThanOrEqualTo(400);
        assertThat((double) passed / total).isGreaterThanOrEqualTo(MIN_ACCURACY);
        assertThat(confidentOutOfScope).isZero();
    }

    private static Result run(String category) throws IOException {
        return run("heldout", category);
    }

    static Result run(String folder, String category) throws IOException {
        List<Line> lines = lines(folder, category);
        int passed = 0;
        int confidentOutOfScope = 0;
        BotFixture fixture = new BotFixture(TestCatalogs.network(), TestCatalogs.NOW);
        for (Line line : lines) {
            String reply = fixture.ask(line.question());
            boolean declined = NOT_SURE.stream().anyMatch(reply::contains);
            boolean ok = line.outOfScope() ? declined : line.expected().stream().allMatch(reply::contains);
            if (ok) {
                passed++;
                continue;
            }
            if (line.outOfScope()) {
                confidentOutOfScope++;
            }
            System.out.printf("missed [%s/%s] %s%n      expected: %s%n      got: %s%n", folder, category, line.question(),
                    String.join(" && ", line.expected()), reply.replace('\n', ' '));
        }
        System.out.printf("%s %s: %d/%d%n", folder, category, passed, lines.size());
        return new Result(passed, lines.size(), confidentOutOfScope);
    }

    private static List<Line> lines(String folder, String category) throws IOException {
        try (InputStream in = HeldOutQuestionsTest.class.getResourceAsStream(folder + "/" + category + ".tsv")) {
            List<Line> lines = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException("Expected question<TAB>fragments: " + row);
                }
                lines.add(new Line(columns[0].strip(),
                        Arrays.stream(columns[1].split("&&")).map(String::strip).toList()));
            }
            return lines;
        }
    }
}
