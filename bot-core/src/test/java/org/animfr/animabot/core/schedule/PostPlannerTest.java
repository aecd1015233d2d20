package org.animfr.animabot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.PostTimes;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

/** The plan computed from the data: which posts, when, until when, with keys that only the data decides. */
class PostPlannerTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final PostPlanner planner = new PostPlanner();

    private static Instant paris(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void eachWeekWithAPromptIsPostedOnMondayAtNineLocalTime() {
        List<PlannedPost> prompts = prompts(planner.plan(TestCatalogs.catalog(), TestCatalogs.animacoop7()));

        assertThat(prompts).hasSize(13);
        assertThat(prompts.get(0).key()).isEqualTo("prompt/animacoop-7/w1");
        assertThat(prompts.get(0).dueAt()).isEqualTo(paris(2012, 10, 1, 9, 0));
        assertThat(prompts.get(5).dueAt()).isEqualTo(paris(2012, 11, 5, 9, 0));
        assertThat(prompts.get(5).usefulUntil()).isEqualTo(paris(2012, 11, 5, 15, 0));
    }

    @Test
    void theMondayPostStaysAtNineLocalAcrossTheAutumnChangeOfTime() {
        List<PlannedPost> prompts = prompts(planner.plan(TestCatalogs.catalog(), TestCatalogs.animacoop7()));

        // summer time until Sunday 28 October 2012, winter time after
        assertThat(prompts.get(3).dueAt()).isEqualTo(Instant.parse("2012-10-22T07:00:00Z"));
        assertThat(prompts.get(4).dueAt()).isEqualTo(Instant.parse("2012-10-29T08:00:00Z"));
    }

    @Test
    void theMondayPostStaysAtNineLocalAcrossTheSpringChangeOfTime() {
        Session spring = session("printemps", LocalDate.of(2013, 3, 18), LocalDate.of(2013, 4, 12),
                List.of(), weeks(4), PostTimes.Overrides.NONE);

        List<PlannedPost> prompts = prompts(planner.plan(catalog(spring), spring));

        // winter time until Sunday 31 March 2013, summer time after
        assertThat(prompts).extracting(PlannedPost::dueAt).containsExactly(
                Instant.parse("2013-03-18T08:00:00Z"), Instant.parse("2013-03-25T08:00:00Z"),
                Instant.parse("2013-04-01T07:00:00Z"), Instant.parse("2013-04-08T07:00:00Z"));
    }

    @Test
    void aWeekWithoutPromptAQuietWeekAndAWeekAfterTheEndPostNothing() {
        List<Week> weeks = List.of(new Week(1, "Thème 1", "Consigne 1"), new Week(2, "Thème 2", ""),
                new Week(3, "Thème 3", "Consigne 3"), new Week(4, "Thème 4", "Consigne 4"));
        Session session = session("vacances", LocalDate.of(2012, 10, 1), LocalDate.of(2012, 10, 26), List.of(),
                weeks, new PostTimes.Overrides(null, null, null, null, null, null, List.of(3)));

        assertThat(prompts(planner.plan(catalog(session), session))).extracting(PlannedPost::week)
                .containsExactly(1, 4);
    }

    @Test
    void inTheFirstWeekThePromptWaitsForTheSessionToStart() {
        Session session = session("mercredi", LocalDate.of(2012, 10, 3), LocalDate.of(2012, 12, 21), List.of(),
                weeks(2), PostTimes.Overrides.NONE);

        List<PlannedPost> prompts = prompts(planner.plan(catalog(session), session));

        assertThat(prompts.get(0).dueAt()).isEqualTo(paris(2012, 10, 3, 9, 0));
        assertThat(prompts.get(1).dueAt()).isEqualTo(paris(2012, 10, 8, 9, 0));
    }

    @Test
    void aSessionMayPostOnAnotherDayAndTime() {
        Session session = session("mardi", LocalDate.of(2012, 10, 1), LocalDate.of(2012, 10, 26), List.of(),
                weeks(1), new PostTimes.Overrides(DayOfWeek.TUESDAY, LocalTime.of(10, 30), null, null, null, null,
                        List.of()));

        assertThat(prompts(planner.plan(catalog(session), session)).get(0).dueAt())
                .isEqualTo(paris(2012, 10, 2, 10, 30));
    }

    @Test
    void gatheringsAreRemindedSevenDaysAndOneDayBeforeAtSixPm() {
        List<PlannedPost> reminders = planner.plan(TestCatalogs.catalog(), TestCatalogs.animacoop7()).stream()
                .filter(p -> p.kind() == PlannedPost.Kind.GATHERING_REMINDER).toList();

        assertThat(reminders).extracting(PlannedPost::key).contains(
                "gathering/animacoop-7/2012-11-15T09:30/d7", "gathering/animacoop-7/2012-11-15T09:30/d1");
        PlannedPost dayBefore = reminders.stream()
                .filter(p -> p.key().equals("gathering/animacoop-7/2012-11-15T09:30/d1")).findFirst().orElseThrow();
        assertThat(dayBefore.dueAt()).isEqualTo(paris(2012, 11, 14, 18, 0));
        assertThat(dayBefore.usefulUntil()).isEqualTo(paris(2012, 11, 15, 9, 30));
    }

    @Test
    void aReminderThatWouldComeAfterItsGatheringIsNotPlanned() {
        Session session = session("matin", LocalDate.of(2012, 10, 1), LocalDate.of(2012, 10, 26),
                List.of(new Gathering(LocalDateTime.of(2012, 10, 10, 9, 0), "Brest", "Atelier")), List.of(),
                new PostTimes.Overrides(null, null, List.of(0, 2), null, null, null, List.of()));

        assertThat(planner.plan(catalog(session), session)).extracting(PlannedPost::key)
                .contains("gathering/matin/2012-10-10T09:00/d2")
                .doesNotContain("gathering/matin/2012-10-10T09:00/d0");
    }

    @Test
    void theSessionStartIsRemindedBeforeItsFirstDay() {
        List<PlannedPost> starts = planner.plan(TestCatalogs.catalog(), TestCatalogs.animacoop8()).stream()
                .filter(p -> p.kind() == PlannedPost.Kind.START_REMINDER).toList();

        assertThat(starts).extracting(PlannedPost::key).containsExactly("start/animacoop-8/d7", "start/animacoop-8/d1");
        assertThat(starts.get(1).dueAt()).isEqualTo(paris(2013, 3, 3, 18, 0));
        assertThat(starts.get(1).usefulUntil()).isEqualTo(paris(2013, 3, 4, 0, 0));
    }

    @Test
    void aMovedGatheringGetsNewKeysAndARemovedWeekLosesItsPrompt() {
        Session before = TestCatalogs.animacoop7();
        Session after = new Session(before.id(), before.name(), before.territory(), before.start(), before.end(),
                before.hours(), before.registration(), before.facilitators(), before.description(),
                List.of(new Gathering(LocalDateTime.of(2012, 11, 22, 9, 30), "Tiers-lieu La Coop, Montpellier",
                        "Regroupement de mi-parcours")),
                before.weeks().subList(0, 12));

        List<String> keys = planner.plan(catalog(after), after).stream().map(PlannedPost::key).toList();

        assertThat(keys).contains("gathering/animacoop-7/2012-11-22T09:30/d1")
                .doesNotContain("gathering/animacoop-7/2012-11-15T09:30/d1", "prompt/animacoop-7/w13");
    }

    @Test
    void keysAreFoundAgainInTheDataAndOnlyThere() {
        Catalog catalog = TestCatalogs.catalog();

        assertThat(planner.find(catalog, "prompt/animacoop-7/w6")).hasValueSatisfying(p -> assertThat(p.week())
                .isEqualTo(6));
        assertThat(planner.find(catalog, "prompt/animacoop-7/w14")).isEmpty();
        assertThat(planner.find(catalog, "prompt/animacoop-99/w1")).isEmpty();
        assertThat(planner.find(catalog, "announce/animacoop-7/x")).isEmpty();
    }

    @Test
    void theNetworksCatchUpWindowDecidesHowLongAMissedPromptIsWorthSending() {
        PostTimes twoHours = new PostTimes(DayOfWeek.MONDAY, LocalTime.of(9, 0), List.of(7, 1), LocalTime.of(18, 0),
                List.of(7, 1), LocalTime.of(18, 0), Duration.ofHours(2));
        Catalog catalog = new Catalog(new Network("Anim-fr", PARIS, org.animfr.animabot.core.i18n.Language.FR,
                twoHours), List.of(TestCatalogs.animacoop7()), List.of());

        PlannedPost first = prompts(planner.plan(catalog, TestCatalogs.animacoop7())).get(0);

        assertThat(first.usefulUntil()).isEqualTo(paris(2012, 10, 1, 11, 0));
    }

    private static List<PlannedPost> prompts(List<PlannedPost> posts) {
        return posts.stream().filter(p -> p.kind() == PlannedPost.Kind.PROMPT).toList();
    }

    static List<Week> weeks(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(n -> new Week(n, "Thème " + n, "Consigne " + n)).toList();
    }

    static Session session(String id, LocalDate start, LocalDate end, List<Gathering> gatherings, List<Week> weeks,
            PostTimes.Overrides posts) {
        return new Session(id, id, "", start, end, 10, null, List.of(), null, gatherings, weeks, posts);
    }

    static Catalog catalog(Session session) {
        return new Catalog(Network.DEFAULT, List.of(session), List.of());
    }
}
