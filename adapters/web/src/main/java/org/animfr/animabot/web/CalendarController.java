package org.animfr.animabot.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.animfr.animabot.calendar.SessionCalendars;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.PublicLinks;
import org.animfr.animabot.core.session.Session;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calendars people subscribe to: {@code /sessions/{id}.ics} for one session, {@code /sessions.ics} for every
 * session of the network, worded in the visitor's language. Only a session id of the data names a calendar; any
 * other path gets a 404 with a sentence saying which sessions there are.
 */
@RestController
class CalendarController {
    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    /** Calendar apps poll subscribed feeds; a few minutes of caching costs nothing when the data changes rarely. */
    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic();

    private final Supplier<Catalog> catalog;
    private final SessionCalendars calendars;
    private final Messages messages;

    CalendarController(Supplier<Catalog> catalog, SessionCalendars calendars, Messages messages) {
        this.catalog = catalog;
        this.calendars = calendars;
        this.messages = messages;
    }

    @GetMapping("/sessions.ics")
    ResponseEntity<String> network(@RequestParam(name = "lang", required = false) String picked,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        Catalog now = catalog.get();
        Language l = VisitorLanguage.of(picked, accepted, now.network().language());
        return calendar("sessions.ics", calendars.network(now, l));
    }

    @GetMapping("/sessions/{id}.ics")
    ResponseEntity<String> session(@PathVariable("id") String id,
            @RequestParam(name = "lang", required = false) String picked,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
        Catalog now = catalog.get();
        Language l = VisitorLanguage.of(picked, accepted, now.network().language());
        Optional<Session> session = now.byId(id);
        if (session.isEmpty()) {
            String known = now.sessions().stream().map(s -> PublicLinks.sessionCalendarPath(s.id()))
                    .collect(Collectors.joining("\n"));
            String body = messages.get(l, "web.calendar.unknown", shown(id), PublicLinks.NETWORK_CALENDAR_PATH)
                    + (known.isEmpty() ? "" : "\n" + known) + "\n";
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_LANGUAGE, l.code()).body(body);
        }
        return calendar(session.get().id() + ".ics", calendars.session(now.network(), session.get(), l));
    }

    private static ResponseEntity<String> calendar(String fileName, String text) {
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CACHE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(text);
    }

    /** What the visitor asked for, short and printable, to say it back without echoing anything hostile at length. */
    static String shown(String id) {
        String printable = id.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
