package org.animfr.animabot.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DateProperty;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

class SessionCalendarsTest {
    private static final Messages MESSAGES = new Messages();
    private static final Instant NOW = Instant.parse("2012-11-05T09:00:00Z");
    private static final Network NETWORK = Network.DEFAULT;

    private final SessionCalendars calendars = new SessionCalendars(MESSAGES, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSessionHasOneEventPerGatheringPerWeekAndForItsStartAndEnd() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7()));

        assertThat(events(calendar)).hasSize(3 + 13 + 2);
        assertThat(calendar.getProperty(Property.PRODID)).get().extracting(Property::getValue)
                .isEqualTo(SessionCalendars.PRODUCT_ID);
        assertThat(calendar.getProperty("X-WR-CALNAME")).get().extracting(Property::getValue)
                .isEqualTo("Animacoop 7 — agenda");
    }

    @Test
    void uidsAreUniqueAndTheSameFromOneBuildToTheNext() throws Exception {
        SessionCalendars later = new SessionCalendars(MESSAGES, Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC));

        List<String> first = uids(parse(calendars.session(NETWORK, TestCatalogs.animacoop7())));
        List<String> second = uids(parse(later.session(NETWORK, TestCatalogs.animacoop7())));

        assertThat(first).doesNotHaveDuplicates().containsExactlyElementsOf(second)
                .contains("gathering-2.animacoop-7@animabot", "week-3.animacoop-7@animabot",
                        "start.animacoop-7@animabot", "end.animacoop-7@animabot");
    }

    @Test
    void aMovedAndRenamedGatheringKeepsItsUidSoCalendarAppsUpdateIt() throws Exception {
        Session before = TestCatalogs.animacoop7();
        List<Gathering> moved = new ArrayList<>(before.gatherings());
        moved.set(1, new Gathering(LocalDateTime.of(2012, 11, 16, 10, 0), "Salle des fêtes, Sète", "Mi-parcours"));
        Session after = withGatherings(before, moved);

        VEvent event = event(parse(calendars.session(NETWORK, after)), "gathering-2.animacoop-7@animabot");

        assertThat(event.getLocation().getValue()).isEqualTo("Salle des fêtes, Sète");
        assertThat(event.getSummary().getValue()).isEqualTo("Animacoop 7 — Mi-parcours");
    }

    @Test
    void gatheringsAreInParisTimeWithTheVTimezoneOfParis() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7()));
        VEvent launch = event(calendar, "gathering-1.animacoop-7@animabot");

        assertThat(startZone(launch)).isEqualTo("Europe/Paris");
        assertThat(launch.getDateTimeStart().getValue()).isEqualTo("20121004T093000");
        assertThat(zoneIds(calendar)).containsExactly("Europe/Paris");
        assertThat(ZonedDateTime.from(launch.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(Instant.parse("2012-10-04T07:30:00Z"));
    }

    @Test
    void aGatheringHasItsPlaceAndLastsUntilTheEndOfTheTrainingDay() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7()));
        VEvent midway = event(calendar, "gathering-2.animacoop-7@animabot");
        VEvent closing = event(calendar, "gathering-3.animacoop-7@animabot");

        assertThat(midway.getLocation().getValue()).isEqualTo("Tiers-lieu La Coop, Montpellier");
        assertThat(midway.getSummary().getValue()).isEqualTo("Animacoop 7 — Regroupement de mi-parcours");
        assertThat(midway.getDateTimeEnd().getValue()).isEqualTo("20121115T173000");
        assertThat(closing.getDateTimeStart().getValue()).isEqualTo("20121220T140000");
        assertThat(closing.getDateTimeEnd().getValue()).isEqualTo("20121220T173000");
    }

    @Test
    void anUntitledGatheringIsNamedByItsNumber() throws Exception {
        Session session = withGatherings(TestCatalogs.animacoop8(),
                List.of(new Gathering(LocalDateTime.of(2013, 3, 7, 9, 30), "Café des images, Caen", "")));

        VEvent event = event(parse(calendars.session(NETWORK, session)), "gathering-1.animacoop-8@animabot");

        assertThat(event.getSummary().getValue()).isEqualTo("Animacoop 8 — regroupement 1");
    }

    @Test
    void theWeeksAreAllDayEventsOverTheirDaysWithinTheSession() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7()));
        VEvent third = event(calendar, "week-3.animacoop-7@animabot");
        VEvent last = event(calendar, "week-13.animacoop-7@animabot");

        assertThat(third.getSummary().getValue())
                .isEqualTo("Animacoop 7 — semaine 3 : Animer une liste de discussion");
        assertAllDay(third, "20121015", "20121022");
        assertAllDay(last, "20121224", "20121229");
        assertThat(third.getTimeTransparency().getValue()).isEqualTo("TRANSPARENT");
    }

    @Test
    void theStartAndEndOfTheSessionAreAllDayEventsWithTheRegistrationLink() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7()));
        VEvent start = event(calendar, "start.animacoop-7@animabot");
        VEvent end = event(calendar, "end.animacoop-7@animabot");

        assertThat(start.getSummary().getValue()).isEqualTo("Animacoop 7 : début de la formation");
        assertAllDay(start, "20121001", "20121002");
        assertThat(start.getDescription().getValue())
                .isEqualTo("Formation-action à l’animation de projets coopératifs.\n"
                        + "Inscription : https://animacoop.example.org/inscription-7");
        assertThat(start.getProperty(Property.URL)).get().extracting(Property::getValue)
                .isEqualTo("https://animacoop.example.org/inscription-7");
        assertThat(end.getSummary().getValue()).isEqualTo("Animacoop 7 : fin de la formation");
        assertAllDay(end, "20121228", "20121229");
    }

    @Test
    void aSessionWithoutGatheringsNorWeeksStillGivesAValidCalendar() throws Exception {
        Session bare = new Session("animacoop-10", "Animacoop 10", "", LocalDate.of(2014, 3, 3),
                LocalDate.of(2014, 5, 30), 100, null, List.of(), null, List.of(), List.of());

        Calendar calendar = parse(calendars.session(NETWORK, bare));

        assertThat(calendar.validate().hasErrors()).isFalse();
        assertThat(uids(calendar)).containsExactly("start.animacoop-10@animabot", "end.animacoop-10@animabot");
        assertThat(event(calendar, "start.animacoop-10@animabot").getProperty(Property.URL)).isEmpty();
    }

    @Test
    void everyCalendarIsValidICalendar() throws Exception {
        assertThat(parse(calendars.session(NETWORK, TestCatalogs.animacoop7())).validate().hasErrors()).isFalse();
        assertThat(parse(calendars.network(TestCatalogs.network())).validate().hasErrors()).isFalse();
    }

    @Test
    void commasSemicolonsNewlinesAndAccentsInAThemeSurviveTheRoundTrip() throws Exception {
        String theme = "Écrire, relire ; partager\nà plusieurs — « wikis » \\ pads: œuvre\tcommune";
        Session session = withWeeks(TestCatalogs.animacoop8(), List.of(new Week(1, theme, "")));

        String text = calendars.session(NETWORK, session);
        VEvent week = event(parse(text), "week-1.animacoop-8@animabot");

        assertThat(week.getSummary().getValue()).isEqualTo("Animacoop 8 — semaine 1 : " + theme);
        assertThat(text.replace("\r\n ", "")).contains("Écrire\\, relire \\; partager\\nà plusieurs");
    }

    @Test
    void theNetworkCalendarHoldsEverySessionWithOneTimeZone() throws Exception {
        Catalog network = TestCatalogs.network();

        Calendar calendar = parse(calendars.network(network));

        int expected = network.sessions().stream()
                .mapToInt(s -> s.gatherings().size() + s.weeks().size() + 2).sum();
        assertThat(events(calendar)).hasSize(expected);
        assertThat(uids(calendar)).doesNotHaveDuplicates()
                .contains("gathering-3.animacoop-6@animabot", "week-12.animacoop-9@animabot");
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(calendar.getProperty("X-WR-CALNAME")).get().extracting(Property::getValue)
                .isEqualTo("Anim-fr — agenda des formations");
    }

    @Test
    void englishWordingIsUsedWhenAsked() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7(), Language.EN));

        assertThat(event(calendar, "week-3.animacoop-7@animabot").getSummary().getValue())
                .isEqualTo("Animacoop 7 — week 3: Animer une liste de discussion");
        assertThat(event(calendar, "start.animacoop-7@animabot").getSummary().getValue())
                .isEqualTo("Animacoop 7: training starts");
    }

    @Test
    void everyEventIsStampedWithTheClocksInstant() throws Exception {
        Calendar calendar = parse(calendars.session(NETWORK, TestCatalogs.animacoop7()));

        assertThat(events(calendar)).allSatisfy(event ->
                assertThat(event.getDateStamp()).get().extracting(DateProperty::getDate).isEqualTo(NOW));
    }

    @Test
    void aNetworkInAnotherZoneWritesItsOwnTimeZone() throws Exception {
        Network martinique = new Network("Anim-fr Caraïbes", ZoneId.of("America/Martinique"));

        Calendar calendar = parse(calendars.session(martinique, TestCatalogs.animacoop7()));

        assertThat(startZone(event(calendar, "gathering-1.animacoop-7@animabot"))).isEqualTo("America/Martinique");
        assertThat(zoneIds(calendar)).containsExactly("America/Martinique");
    }

    @Test
    void aZoneAliasIsWrittenUnderTheNameOfItsDefinitionSoEveryTzidHasItsVTimezone() throws Exception {
        Network montreal = new Network("Réseau Québec", ZoneId.of("America/Montreal"));

        Calendar calendar = parse(calendars.session(montreal, TestCatalogs.animacoop7()));
        VEvent launch = event(calendar, "gathering-1.animacoop-7@animabot");

        assertThat(zoneIds(calendar)).containsExactly(startZone(launch));
        assertThat(ZonedDateTime.from(launch.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(Instant.parse("2012-10-04T13:30:00Z"));
    }

    @Test
    void aNetworkAtAFixedOffsetWritesItsGatheringsInUtc() throws Exception {
        Network offset = new Network("Anim-fr", ZoneOffset.ofHours(1));

        Calendar calendar = parse(calendars.session(offset, TestCatalogs.animacoop7()));

        assertThat(calendar.getComponents(Component.VTIMEZONE)).isEmpty();
        assertThat(event(calendar, "gathering-1.animacoop-7@animabot").getDateTimeStart().getValue())
                .isEqualTo("20121004T083000Z");
        assertThat(calendar.validate().hasErrors()).isFalse();
    }

    private static String startZone(VEvent event) {
        return event.getDateTimeStart().<TzId>getParameter(Parameter.TZID).orElseThrow().getValue();
    }

    private static List<String> zoneIds(Calendar calendar) {
        return calendar.<VTimeZone>getComponents(Component.VTIMEZONE).stream()
                .map(tz -> tz.getTimeZoneId().getValue()).toList();
    }

    private static void assertAllDay(VEvent event, String first, String endExclusive) {
        assertThat(event.getDateTimeStart().getValue()).isEqualTo(first);
        assertThat(event.getDateTimeStart().<Value>getParameter(Parameter.VALUE)).contains(Value.DATE);
        assertThat(event.getDateTimeEnd().getValue()).isEqualTo(endExclusive);
        assertThat(event.getDateTimeEnd().<Value>getParameter(Parameter.VALUE)).contains(Value.DATE);
    }

    private static Calendar parse(String text) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static List<String> uids(Calendar calendar) {
        return events(calendar).stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
    }

    private static VEvent event(Calendar calendar, String uid) {
        return events(calendar).stream().filter(e -> e.getUid().orElseThrow().getValue().equals(uid)).findFirst()
                .orElseThrow(() -> new AssertionError("No event " + uid + " in " + uids(calendar)));
    }

    private static Session withGatherings(Session s, List<Gathering> gatherings) {
        return new Session(s.id(), s.name(), s.territory(), s.start(), s.end(), s.hours(), s.registration(),
                s.facilitators(), s.description(), gatherings, s.weeks(), s.posts());
    }

    private static Session withWeeks(Session s, List<Week> weeks) {
        return new Session(s.id(), s.name(), s.territory(), s.start(), s.end(), s.hours(), s.registration(),
                s.facilitators(), s.description(), s.gatherings(), weeks, s.posts());
    }
}
