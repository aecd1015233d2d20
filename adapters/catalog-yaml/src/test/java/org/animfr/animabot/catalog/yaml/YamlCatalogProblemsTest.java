package org.animfr.animabot.catalog.yaml;

import static org.animfr.animabot.catalog.yaml.YamlFiles.reject;
import static org.animfr.animabot.catalog.yaml.YamlFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FileReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per mistake an organizer can make in the content of a file (see {@link YamlSyntaxProblemsTest} for the
 * form): the file is rejected, with the line and the message key; and every mistake is found in one reading.
 */
class YamlCatalogProblemsTest {
    private static final Messages MESSAGES = new Messages();

    @TempDir
    Path dir;

    private FileReading.Rejected rejected(String yaml) {
        return reject(write(dir, "data.yaml", yaml));
    }

    /** The problems as an organizer reads them, in French, the file named as written in the folder. */
    private static List<String> seen(FileReading.Rejected rejected) {
        return rejected.problems().stream()
                .map(problem -> problem.describe(MESSAGES, Language.FR).replace(rejected.name(), "data.yaml"))
                .toList();
    }

    private static void assertOnlyProblem(FileReading.Rejected rejected, int line, String key, Object... args) {
        assertThat(rejected.problems()).containsExactly(DataProblem.of(rejected.name(), line, key, args));
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
    void aGatheringEndingBeforeItStartsIsReportedAtItsEnd() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    gatherings:
                      - date: 2012-11-15T14:00
                        end: "12:30"
                        place: Brest
                """);

        assertOnlyProblem(rejected, 8, "data.problem.gathering-end-before-start", "12:30", "14:00");
    }

    @Test
    void aGatheringEndThatIsNoTimeIsReportedAtItsLine() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    gatherings:
                      - date: 2012-11-15T09:30
                        place: Brest
                        end: midi
                """);

        assertOnlyProblem(rejected, 9, "data.problem.bad-time", "midi");
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

        assertThat(seen(rejected)).containsExactly("data.yaml, ligne 6 : la clé « start » est déjà écrite plus haut "
                + "dans le même bloc : n’en gardez qu’une");
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
    void aFileWithManyKindsOfMistakesHasThemAllReportedInOneReading() {
        FileReading.Rejected rejected = rejected("""
                network:
                  name: Anim-fr
                  timezone: Europe/Brest
                sessions:
                  - id: Animacoop 7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    hours: cent
                    gatherings:
                      - date: 2012-11-15
                        place: Brest
                      - date: 2013-01-15T09:30
                        place: Brest
                    weeks:
                      - {number: 3, theme: Une liste de discussion}
                      - {number: 3, theme: Pourquoi coopérer}
                      - {number: 14, theme: En trop}
                    posts:
                      quiet-weeks: [15]
                  - id: animacoop-8
                    name: Animacoop 8
                    start: 2013-05-31
                    end: 2013-03-04
                    gatherings:
                      - {date: 2013-04-02T09:30}
                  - id: animacoop-9
                    start: 2013-02-30
                    end: 2013-06-28
                    weeks:
                      - {number: 2, theme: Un}
                      - {number: 2, theme: Deux}
                faq:
                  - question: Qui contacter ?
                """);

        assertThat(seen(rejected)).containsExactly(
                "data.yaml, ligne 3 : « Europe/Brest » n’est pas un fuseau horaire connu (par exemple Europe/Paris)",
                "data.yaml, ligne 5 : l’identifiant « Animacoop 7 » ne doit contenir que des minuscules, des chiffres"
                        + " et des tirets",
                "data.yaml, ligne 9 : « cent » n’est pas un nombre entier",
                "data.yaml, ligne 11 : « 2012-11-15 » n’est pas une date et heure valide (attendu : AAAA-MM-JJTHH:MM,"
                        + " par exemple 2012-11-15T09:30)",
                "data.yaml, ligne 13 : le regroupement du 2013-01-15 est en dehors de la session Animacoop 7"
                        + " (du 2012-10-01 au 2012-12-28)",
                "data.yaml, ligne 17 : la semaine 3 de la session Animacoop 7 est définie deux fois",
                "data.yaml, ligne 18 : la semaine 14 n’existe pas : la session Animacoop 7 compte 13 semaines",
                "data.yaml, ligne 20 : la semaine 15 n’existe pas : la session Animacoop 7 compte 13 semaines",
                "data.yaml, ligne 24 : la session animacoop-8 se termine (2013-03-04) avant de commencer (2013-05-31)",
                "data.yaml, ligne 26 : le champ « place » est obligatoire",
                "data.yaml, ligne 27 : le champ « name » est obligatoire",
                "data.yaml, ligne 28 : « 2013-02-30 » n’est pas une date valide (attendu : AAAA-MM-JJ,"
                        + " par exemple 2012-10-01)",
                "data.yaml, ligne 32 : la semaine 2 de la session animacoop-9 est définie deux fois",
                "data.yaml, ligne 34 : le champ « answer » est obligatoire");
    }

    @Test
    void aBadIdIsReportedAlongWithAnInvalidDate() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: Animacoop 7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-32
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key).containsExactly(
                tuple(2, "data.problem.bad-id"), tuple(5, "data.problem.bad-date"));
    }

    @Test
    void aWeekDefinedTwiceIsReportedEvenInASessionWithoutIdNorName() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - start: 2012-10-01
                    end: 2012-12-28
                    weeks:
                      - {number: 3, theme: Une liste de discussion}
                      - {number: 3, theme: Pourquoi coopérer}
                """);

        assertThat(seen(rejected)).containsExactly(
                "data.yaml, ligne 2 : le champ « id » est obligatoire",
                "data.yaml, ligne 2 : le champ « name » est obligatoire",
                "data.yaml, ligne 6 : la semaine 3 de la session ? est définie deux fois");
    }

    @Test
    void aGatheringWithoutPlaceIsStillCheckedAgainstTheSessionsDates() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    hours: cent
                    gatherings:
                      - date: 2013-01-15T09:30
                    weeks:
                      - number: 14
                """);

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key).containsExactly(
                tuple(6, "data.problem.bad-number"),
                tuple(8, "data.problem.missing-field"),
                tuple(8, "data.problem.gathering-outside"),
                tuple(10, "data.problem.missing-field"),
                tuple(10, "data.problem.week-outside"));
    }

    @Test
    void checksOnTheSessionsSpanAreSkippedWhileADateIsInvalid() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: fin décembre
                    gatherings:
                      - {date: 2013-01-15T09:30, place: Brest}
                    weeks:
                      - {number: 40, theme: Bien plus tard}
                    posts:
                      quiet-weeks: [41]
                """);

        assertOnlyProblem(rejected, 5, "data.problem.bad-date", "fin décembre");
    }

    @Test
    void weeksNumberedZeroAreReportedEvenWhileADateIsInvalid() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    weeks:
                      - {number: 0, theme: Avant le début}
                    posts:
                      quiet-weeks: [0]
                """);

        assertThat(seen(rejected)).containsExactly(
                "data.yaml, ligne 2 : le champ « end » est obligatoire",
                "data.yaml, ligne 6 : la semaine 0 n’existe pas : les semaines se comptent à partir de 1",
                "data.yaml, ligne 8 : la semaine 0 n’existe pas : les semaines se comptent à partir de 1");
    }

    @Test
    void aSessionEndingBeforeItStartsHasNoGatheringNorWeekReportedOutsideIt() {
        FileReading.Rejected rejected = rejected("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-12-28
                    end: 2012-10-01
                    gatherings:
                      - {date: 2012-11-15T09:30, place: Brest}
                    weeks:
                      - {number: 3, theme: Une liste de discussion}
                """);

        assertOnlyProblem(rejected, 5, "data.problem.end-before-start", "animacoop-7", "2012-10-01", "2012-12-28");
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
