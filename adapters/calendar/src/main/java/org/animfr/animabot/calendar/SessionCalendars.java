package org.animfr.animabot.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.GatheringTimes;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;

/**
 * The iCalendar text (RFC 5545) of a session, or of every session of the network, for people to subscribe to:
 * <ul>
 * <li>each gathering as an event at its place, from its time until {@link GatheringTimes#end}, written in the
 * network's time zone with its {@code VTIMEZONE};</li>
 * <li>the first and the last day of the session as all-day events;</li>
 * <li>each week with a theme as an all-day event over its days within the session, its theme in the summary.</li>
 * </ul>
 * Every event's UID is made of what it is and the session id ({@code gathering-2.animacoop-7@animabot},
 * {@code week-3.animacoop-7@animabot}, {@code start.animacoop-7@animabot}), never of its date or wording, so that a
 * calendar app updates the event when organizers move or rename it instead of showing it twice. DTSTAMP is the
 * clock's instant. ical4j writes and escapes the text. Thread-safe.
 */
public final class SessionCalendars {
    /** The product identifier written in every calendar. */
    public static final String PRODUCT_ID = "-//Anim-fr//Animabot//FR";
    static final String UID_DOMAIN = "animabot";

    private final Messages messages;
    private final Clock clock;
    private final GatheringTimes gatheringTimes;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Map<ZoneId, Optional<VTimeZone>> definitions = new ConcurrentHashMap<>();

    /** Calendars whose gatherings last as {@link GatheringTimes#DEFAULT} says. */
    public SessionCalendars(Messages messages, Clock clock) {
        this(messages, clock, GatheringTimes.DEFAULT);
    }

    public SessionCalendars(Messages messages, Clock clock, GatheringTimes gatheringTimes) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gatheringTimes = Objects.requireNonNull(gatheringTimes, "gatheringTimes");
    }

    /** The calendar of one session of the network, worded in the network's language. */
    public String session(Network network, Session session) {
        return session(network, session, network.language());
    }

    /** The calendar of one session of the network, worded in {@code language}. */
    public String session(Network network, Session session, Language language) {
        return write(network, List.of(session), language,
                messages.get(language, "calendar.name.session", session.name()));
    }

    /** The calendar of every session of the catalog, worded in the network's language. */
    public String network(Catalog catalog) {
        return network(catalog, catalog.network().language());
    }

    /** The calendar of every session of the catalog, worded in {@code language}. */
    public String network(Catalog catalog, Language language) {
        return write(catalog.network(), catalog.sessions(), language,
                messages.get(language, "calendar.name.network", catalog.network().name()));
    }

    private String write(Network network, List<Session> sessions, Language language, String name) {
        Instant stamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Times times = new Times(network.timezone(), definition(network.timezone()));
        List<CalendarComponent> components = new ArrayList<>();
        times.definition().ifPresent(components::add);
        for (Session session : sessions) {
            components.addAll(events(session, language, times, stamp));
        }
        Calendar calendar = new Calendar()
                .withProdId(PRODUCT_ID)
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(new XProperty("X-WR-CALNAME", name))
                .getFluentTarget();
        components.forEach(calendar::add);
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The calendar of " + name + " is not valid iCalendar", e);
        }
        return text.toString();
    }

    private List<VEvent> events(Session session, Language language, Times times, Instant stamp) {
        List<VEvent> events = new ArrayList<>();
        VEvent start = allDay(uid("start", session), stamp, session.start(), session.start(),
                messages.get(language, "calendar.session.start", session.name()));
        String about = startDescription(session, language);
        if (!about.isEmpty()) {
            start.add(new Description(about));
        }
        registration(session).ifPresent(link -> start.add(new Url(link)));
        events.add(start);
        events.add(allDay(uid("end", session), stamp, session.end(), session.end(),
                messages.get(language, "calendar.session.end", session.name())));
        List<Gathering> gatherings = session.gatherings();
        for (int i = 0; i < gatherings.size(); i++) {
            events.add(gathering(session, gatherings.get(i), i + 1, language, times, stamp));
        }
        for (Week week : session.weeks()) {
            LocalDate monday = session.mondayOfWeek(week.number());
            LocalDate first = later(monday, session.start());
            LocalDate last = earlier(monday.plusDays(6), session.end());
            if (!last.isBefore(first)) {
                events.add(allDay(uid("week-" + week.number(), session), stamp, first, last,
                        messages.get(language, "calendar.week", session.name(), week.number(), week.theme())));
            }
        }
        return events;
    }

    private VEvent gathering(Session session, Gathering gathering, int number, Language language, Times times,
            Instant stamp) {
        String summary = gathering.title().isBlank()
                ? messages.get(language, "calendar.gathering.untitled", session.name(), number)
                : messages.get(language, "calendar.gathering", session.name(), gathering.title());
        VEvent event = new VEvent(false);
        event.add(new Uid(uid("gathering-" + number, session)));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(times.at(gathering.at())));
        event.add(new DtEnd<>(times.at(gatheringTimes.end(gathering))));
        event.add(new Summary(summary));
        if (!gathering.place().isBlank()) {
            event.add(new Location(gathering.place()));
        }
        return event;
    }

    /** An all-day event from {@code first} to {@code last} included, that leaves people free on those days. */
    private static VEvent allDay(String uid, Instant stamp, LocalDate first, LocalDate last, String summary) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(first));
        event.add(new DtEnd<>(last.plusDays(1)));
        event.add(new Summary(summary));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    private String startDescription(Session session, Language language) {
        List<String> lines = new ArrayList<>();
        if (session.description() != null && !session.description().isBlank()) {
            lines.add(session.description().strip());
        }
        if (session.registration() != null && !session.registration().isBlank()) {
            lines.add(messages.get(language, "calendar.session.registration", session.registration().strip()));
        }
        return String.join("\n", lines);
    }

    /** The registration link when it is a web address (else it stays readable in the description only). */
    private static Optional<URI> registration(Session session) {
        if (session.registration() == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(session.registration().strip());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static String uid(String item, Session session) {
        return item + "." + session.id() + "@" + UID_DOMAIN;
    }

    /** ical4j's definition of the zone; empty for a fixed offset ("+01:00", "UTC") or a zone ical4j lacks. */
    private Optional<VTimeZone> definition(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset) {
            return Optional.empty();
        }
        return definitions.computeIfAbsent(zone, z -> {
            try {
                return Optional.ofNullable(zones.getTimeZone(z.getId())).map(TimeZone::getVTimeZone);
            } catch (RuntimeException unknown) {
                // ical4j 4.2's cache throws a NullPointerException on a zone it has no definition of
                return Optional.empty();
            }
        });
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * How local times of the network are written: with the TZID of ical4j's definition of the zone (every region
     * zone, such as Europe/Paris; an alias such as America/Montreal under the name of its definition,
     * America/Toronto, so that each TZID refers to the VTIMEZONE written), else in UTC (a fixed offset, which has
     * no VTIMEZONE).
     */
    private record Times(ZoneId zone, Optional<VTimeZone> definition) {
        Times {
            zone = definition.map(d -> ZoneId.of(d.getTimeZoneId().getValue())).orElse(zone);
        }

        Temporal at(LocalDateTime local) {
            return definition.isPresent() ? local.atZone(zone) : local.atZone(zone).toInstant();
        }
    }
}
