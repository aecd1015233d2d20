package org.animfr.animabot.catalog.yaml;

import static org.animfr.animabot.catalog.yaml.YamlFiles.read;
import static org.animfr.animabot.catalog.yaml.YamlFiles.reject;
import static org.animfr.animabot.catalog.yaml.YamlFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.IntroductionTimes;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.PostTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the bot posts on its own, as organizers write it: network defaults, session changes, and every mistake. */
class YamlPostTimesTest {
    private static final String SESSION = """
            sessions:
              - id: animacoop-7
                name: Animacoop 7
                start: 2012-10-01
                end: 2012-12-28
            """;

    @TempDir
    Path dir;

    @Test
    void aFileWithoutPostKeysKeepsTheDefaults() {
        CatalogFile file = read(write(dir, "data.yaml", "network: {name: Anim-fr}\n" + SESSION));

        assertThat(file.network().posts()).isEqualTo(PostTimes.DEFAULT);
        assertThat(file.network().language()).isEqualTo(Language.FR);
        assertThat(file.sessions().get(0).posts()).isEqualTo(PostTimes.Overrides.NONE);
    }

    @Test
    void theNetworkSetsDefaultsInEnglishOrFrenchDayNames() {
        CatalogFile file = read(write(dir, "data.yaml", """
                network:
                  name: Anim-fr
                  language: en
                  posts:
                    prompt: {day: mardi, time: "10:30"}
                    gathering-reminders: {days-before: [3, 0], time: "07:45"}
                    start-reminders: {days-before: 2, time: 19:00}
                    prompt-catch-up-hours: 12
                """ + SESSION));

        PostTimes posts = file.network().posts();
        assertThat(file.network().language()).isEqualTo(Language.EN);
        assertThat(posts.promptDay()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(posts.promptTime()).isEqualTo(LocalTime.of(10, 30));
        assertThat(posts.gatheringDaysBefore()).containsExactly(3, 0);
        assertThat(posts.gatheringTime()).isEqualTo(LocalTime.of(7, 45));
        assertThat(posts.startDaysBefore()).containsExactly(2);
        assertThat(posts.startTime()).isEqualTo(LocalTime.of(19, 0));
        assertThat(posts.promptCatchUp()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void aSessionChangesSomeTimesAndMarksQuietWeeks() {
        CatalogFile file = read(write(dir, "data.yaml", SESSION + """
                    posts:
                      prompt: {day: Wednesday}
                      quiet-weeks: [8, 9]
                """));

        PostTimes.Overrides posts = file.sessions().get(0).posts();
        assertThat(posts.promptDay()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(posts.promptTime()).isNull();
        assertThat(posts.quietWeeks()).containsExactly(8, 9);
        assertThat(posts.over(PostTimes.DEFAULT).promptTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndTheFileIsRejected() {
        FileReading.Rejected rejected = reject(write(dir, "data.yaml", """
                network:
                  language: klingon
                  posts:
                    prompt: {day: lundo, time: "25:00"}
                    gathering-reminders: {days-before: [7, -1]}
                    prompt-catch-up-hours: beaucoup
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    posts:
                      start-reminders: {time: "9h"}
                      quiet-weeks: [14]
                """));

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key).containsExactly(
                tuple(2, "data.problem.bad-language"),
                tuple(4, "data.problem.bad-weekday"),
                tuple(4, "data.problem.bad-time"),
                tuple(5, "data.problem.negative-days"),
                tuple(6, "data.problem.bad-number"),
                tuple(13, "data.problem.bad-time"),
                tuple(14, "data.problem.week-outside"));
        assertThat(rejected.problems().get(6).args()).containsExactly(14, "animacoop-7", 13);
    }

    @Test
    void aBadTimeInAReloadKeepsTheDataInForce() {
        Path file = write(dir, "data.yaml", SESSION + "    posts: {prompt: {time: \"10:00\"}}\n");
        LiveCatalog catalog = new LiveCatalog(new YamlCatalogSource(List.of(file.toString())));
        catalog.reload();

        write(dir, "data.yaml", SESSION + "    posts: {prompt: {time: \"midi\"}}\n");
        LiveCatalog.ReloadReport report = catalog.reload();

        assertThat(report.problems()).extracting(DataProblem::key).containsExactly("data.problem.bad-time");
        assertThat(catalog.get().postTimes(catalog.get().sessions().get(0)).promptTime())
                .isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void quietWeeksBelongToSessionsNotToTheNetwork() {
        FileReading.Rejected rejected = reject(write(dir, "data.yaml", """
                network:
                  posts: {quiet-weeks: [3]}
                """ + SESSION));

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key)
                .containsExactly(tuple(2, "data.problem.quiet-weeks-in-network"));
    }

    @Test
    void aSessionSchedulesIntroductionRoundsWithDefaultsForWhatItLeavesOut() {
        CatalogFile file = read(write(dir, "data.yaml", SESSION + """
                    posts:
                      introductions: {every-weeks: 3, day: jeudi}
                """));

        IntroductionTimes rounds = file.sessions().get(0).posts().introductions();
        assertThat(rounds.everyWeeks()).isEqualTo(3);
        assertThat(rounds.day()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(rounds.time()).isEqualTo(LocalTime.of(12, 0));
    }

    @Test
    void aSessionWithoutAnIntroductionsBlockHasNoRoundsOnSchedule() {
        assertThat(read(write(dir, "data.yaml", SESSION)).sessions().get(0).posts().introductions()).isNull();
    }

    @Test
    void badIntroductionRoundsAreReportedWithTheirLines() {
        FileReading.Rejected rejected = reject(write(dir, "data.yaml", """
                network:
                  posts: {introductions: {every-weeks: 2}}
                """ + SESSION + """
                    posts:
                      introductions: {every-weeks: 0, day: jourdi, time: "midi"}
                  - id: animacoop-8
                    name: Animacoop 8
                    start: 2013-03-04
                    end: 2013-05-31
                    posts:
                      introductions: {every-weeks: deux}
                """));

        assertThat(rejected.problems()).extracting(DataProblem::line, DataProblem::key).containsExactly(
                tuple(2, "data.problem.introductions-in-network"),
                tuple(9, "data.problem.bad-every-weeks"),
                tuple(9, "data.problem.bad-weekday"),
                tuple(9, "data.problem.bad-time"),
                tuple(15, "data.problem.bad-number"));
    }
}
