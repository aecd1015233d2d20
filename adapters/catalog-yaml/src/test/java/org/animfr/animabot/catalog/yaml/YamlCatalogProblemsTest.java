package org.animfr.animabot.catalog.yaml;

import static org.animfr.animabot.catalog.yaml.YamlFiles.reject;
import static org.animfr.animabot.catalog.yaml.YamlFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FileReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per mistake an organizer can make: the file is rejected, with the line and the message key. */
class YamlCatalogProblemsTest {
    @TempDir
    Path dir;

    private FileReading.Rejected rejected(String yaml) {
        return reject(write(dir, "data.yaml", yaml));
    }

    private static void assertOnlyProblem(FileReading.Rejected rejected, int line, String key, Object... args) {
        assertThat(rejected.problems()).containsExactly(DataProblem.of(rejected.name(), line, key, args));
    }

    @Test
    void malformedYamlIsReportedAtTheLineOfTheMistake() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: "Animacoop 7
                    start: 2012-10-01
                """);

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("data.problem.yaml-syntax");
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.args()).singleElement().asString().isNotBlank();
        });
    }

    @Test
    void aBadIndentationIsReportedAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                   start: 2012-10-01
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key)
                .containsExactly(tuple(4, "data.problem.yaml-syntax"));
    }

    @Test
    void anUnquotedQuestionMarkInsideBracketsIsASyntaxErrorAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                faq:
                  - question: "C’est gratuit ?"
                    phrasings: [combien ca coute ?, prix]
                    answer: Oui.
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key)
                .containsExactly(tuple(3, "data.problem.yaml-syntax"));
    }

    @Test
    void anEmptyFileIsRejected() {
        assertOnlyProblem(rejected("# rien pour l’instant\n"), 0, "data.problem.empty");
    }

    @Test
    void aMissingRequiredFieldIsReportedAtItsMapping() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    start: 2012-10-01
                    end: 2012-12-28
                """);

        assertOnlyProblem(rejected, 2, "data.problem.missing-field", "name");
    }

    @Test
    void anInvalidDateIsReportedAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-02-30
                    end: 2012-12-28
                """);

        assertOnlyProblem(rejected, 4, "data.problem.bad-date", "2012-02-30");
    }

    @Test
    void anInvalidDateTimeIsReportedAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    gatherings:
                      - date: 2012-11-15 25:00
                        place: Brest
                """);

        assertOnlyProblem(rejected, 7, "data.problem.bad-date-time", "2012-11-15 25:00");
    }

    @Test
    void aGatheringOutsideItsSessionIsReportedAtItsDateEvenWhenListedOutOfOrder() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    gatherings:
                      - date: 2013-01-15T09:30
                        place: Brest
                      - date: 2012-10-04T09:30
                        place: Brest
                """);

        assertOnlyProblem(rejected, 7, "data.problem.gathering-outside",
                "2013-01-15", "animacoop-7", "2012-10-01", "2012-12-28");
    }

    @Test
    void aWeekBeyondTheSessionsWeekCountIsReportedAtItsNumber() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    weeks:
                      - {number: 14, theme: En trop}
                      - {number: 1, theme: Se présenter}
                """);

        assertOnlyProblem(rejected, 7, "data.problem.week-outside", 14, "animacoop-7", 13);
    }

    @Test
    void aWeekNumberedZeroIsReportedLikeAWeekOutsideTheSession() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    weeks:
                      - number: 0
                        theme: Avant le début
                """);

        assertOnlyProblem(rejected, 7, "data.problem.week-outside", 0, "animacoop-7", 13);
    }

    @Test
    void aWeekDefinedTwiceIsReportedAtTheSecondOne() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    weeks:
                      - number: 3
                        theme: Une liste de discussion
                      - number: 3
                        theme: Pourquoi coopérer
                """);

        assertOnlyProblem(rejected, 9, "data.problem.duplicate-week", 3, "animacoop-7");
    }

    @Test
    void aSessionIdUsedTwiceIsReportedAtTheSecondId() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - {id: animacoop-7, name: Animacoop 7, start: 2012-10-01, end: 2012-12-28}
                  - {id: animacoop-7, name: Animacoop 7 bis, start: 2013-03-04, end: 2013-05-31}
                """);

        assertOnlyProblem(rejected, 3, "data.problem.duplicate-session", "animacoop-7");
    }

    @Test
    void anUnknownTimeZoneIsReportedAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                network:
                  name: Anim-fr
                  timezone: Europe/Brest
                """);

        assertOnlyProblem(rejected, 3, "data.problem.bad-timezone", "Europe/Brest");
    }

    @Test
    void anEndBeforeTheStartIsReportedAtTheEnd() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-12-28
                    end: 2012-10-01
                """);

        assertOnlyProblem(rejected, 5, "data.problem.end-before-start", "animacoop-7", "2012-10-01", "2012-12-28");
    }

    @Test
    void aListWhereAMapIsExpectedIsReportedAtTheList() {
        FileReading.Rejected rejected = rejected("""
                network: [Anim-fr, Europe/Paris]
                sessions:
                  - - animacoop-7
                    - Animacoop 7
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key).containsExactly(
                tuple(1, "data.problem.not-a-map"), tuple(3, "data.problem.not-a-map"));
    }

    @Test
    void aMapWhereAListIsExpectedIsReportedAtTheMap() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  id: animacoop-7
                """);

        assertOnlyProblem(rejected, 2, "data.problem.not-a-list");
    }

    @Test
    void aWholeFileThatIsAListIsReported() {
        assertOnlyProblem(rejected("- animacoop-7\n"), 1, "data.problem.not-a-map");
    }

    @Test
    void hoursThatAreNotAWholeNumberAreReported() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    hours: cent
                """);

        assertOnlyProblem(rejected, 6, "data.problem.bad-number", "cent");
    }

    @Test
    void aListWhereATextIsExpectedIsReported() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: [Animacoop, 7]
                    start: 2012-10-01
                    end: 2012-12-28
                """);

        assertOnlyProblem(rejected, 3, "data.problem.bad-text", "[Animacoop, 7]");
    }

    @Test
    void anIdWithCapitalsBreaksTheCoreRuleAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: Animacoop 7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                """);

        assertOnlyProblem(rejected, 2, "data.problem.bad-id", "Animacoop 7");
    }

    @Test
    void aKeyWrittenTwiceIsReportedAtTheSecondOne() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    start: 2012-10-08
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key)
                .containsExactly(tuple(6, "data.problem.yaml-syntax"));
    }

    @Test
    void everyProblemOfAFileIsListedWithItsLineInFileOrder() {
        FileReading.Rejected rejected = rejected("""
                network: {name: Anim-fr, timezone: Mars/Olympus}
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    gatherings:
                      - {date: 2013-01-15T09:30, place: Brest}
                      - {date: demain, place: Brest}
                      - {date: 2012-10-04T09:30}
                    weeks:
                      - {number: 1, theme: Se présenter}
                      - {number: 1, theme: Encore}
                  - id: animacoop-8
                    start: 2013-03-04
                    end: 2013-02-30
                faq:
                  - question: Qui contacter ?
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key).containsExactly(
                tuple(1, "data.problem.bad-timezone"),
                tuple(8, "data.problem.gathering-outside"),
                tuple(9, "data.problem.bad-date-time"),
                tuple(10, "data.problem.missing-field"),
                tuple(13, "data.problem.duplicate-week"),
                tuple(14, "data.problem.missing-field"),
                tuple(16, "data.problem.bad-date"),
                tuple(18, "data.problem.missing-field"));
        assertThat(rejected.problems()).allMatch(p -> p.file().equals(rejected.name()));
    }

    @Test
    void javaTagsAreRefusedAndNeverInstantiated() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - !!java.io.File {id: animacoop-7}
                network: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://example.org"]]]]
                """);

        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.key()).isEqualTo("data.problem.yaml-syntax");
            assertThat(problem.args()).singleElement().asString().contains("java.io.File");
        });
    }

    @Test
    void aMissingFileIsRejectedWithoutLine() {
        String missing = dir.resolve("nowhere.yaml").toString();

        List<FileReading> readings = new YamlCatalogSource(List.of(missing)).readAll();

        assertThat(readings).singleElement().isInstanceOfSatisfying(FileReading.Rejected.class,
                r -> assertOnlyProblem(r, 0, "data.problem.file-not-found"));
    }
}
