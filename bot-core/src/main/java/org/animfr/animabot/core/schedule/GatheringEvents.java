package org.animfr.animabot.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.EventSpaces;
import org.animfr.animabot.core.chat.ScheduledEvent;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.GatheringTimes;
import org.animfr.animabot.core.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gatherings in the calendars of the spaces whose rooms are linked to sessions (a Discord server's
 * scheduled events): each space shows the gatherings still to come (or under way) of every session linked to one of its rooms, at
 * their place, named as in the calendars ({@code Animacoop 7 — Lancement}) in the network's language, keyed as in
 * the calendars ({@code gathering-2.animacoop-7}) so that a moved or renamed gathering updates its event. Called
 * after each reload of the data, each link or unlink, and at each replan. Thread-safe.
 */
public final class GatheringEvents {
    private static final Logger LOG = LoggerFactory.getLogger(GatheringEvents.class);

    private final Supplier<Catalog> catalog;
    private final RoomLinks links;
    private final ChatPlatforms platforms;
    private final Clock clock;
    private final Messages messages;
    private final GatheringTimes times;

    public GatheringEvents(Supplier<Catalog> catalog, RoomLinks links, ChatPlatforms platforms, Clock clock,
            Messages messages, GatheringTimes times) {
        this.catalog = catalog;
        this.links = links;
        this.platforms = platforms;
        this.clock = clock;
        this.messages = messages;
        this.times = times;
    }

    /** Brings every space of every platform with event spaces up to date with the data and the links. */
    public void sync() {
        for (ChatPlatform platform : platforms.all()) {
            if (platform instanceof EventSpaces spaces) {
                try {
                    spaces.showEvents(wanted(platform.name(), spaces)).whenComplete((done, error) -> {
                        if (error != null) {
                            LOG.warn("Could not bring the scheduled events of {} up to date", platform.name(), error);
                        }
                    });
                } catch (RuntimeException e) {
                    // not connected yet, say: the next replan or link brings them up to date
                    LOG.info("The scheduled events of {} wait: {}", platform.name(), e.getMessage());
                }
            }
        }
    }

    /** The events each space of the platform should show. */
    Map<String, List<ScheduledEvent>> wanted(String platform, EventSpaces spaces) {
        Catalog data = catalog.get();
        Map<ConversationRef, Session> sessionOf = new LinkedHashMap<>();
        for (Session session : data.sessions()) {
            for (ConversationRef room : links.conversationsOf(session.id())) {
                if (room.platform().equals(platform)) {
                    sessionOf.put(room, session);
                }
            }
        }
        Map<String, List<ScheduledEvent>> wanted = new LinkedHashMap<>();
        if (sessionOf.isEmpty()) {
            return wanted;
        }
        Instant now = clock.instant();
        ZoneId zone = data.network().timezone();
        Language language = data.network().language();
        spaces.spacesOf(sessionOf.keySet()).forEach((space, rooms) -> {
            Set<Session> sessions = new LinkedHashSet<>();
            rooms.forEach(room -> sessions.add(sessionOf.get(room)));
            List<ScheduledEvent> events = new ArrayList<>();
            for (Session session : sessions) {
                events.addAll(events(session, zone, language, now));
            }
            wanted.put(space, events);
        });
        return wanted;
    }

    /** The session's gatherings still to come or under way, numbered as the calendars number them. */
    List<ScheduledEvent> events(Session session, ZoneId zone, Language language, Instant now) {
        List<ScheduledEvent> events = new ArrayList<>();
        List<Gathering> gatherings = session.gatherings();
        for (int i = 0; i < gatherings.size(); i++) {
            Gathering gathering = gatherings.get(i);
            Instant start = gathering.at().atZone(zone).toInstant();
            Instant end = times.end(gathering).atZone(zone).toInstant();
            // one under way stays until it ends: people look at it while they are there
            if (!end.isAfter(now)) {
                continue;
            }
            int number = i + 1;
            String name = gathering.title().isBlank()
                    ? messages.get(language, "calendar.gathering.untitled", session.name(), number)
                    : messages.get(language, "calendar.gathering", session.name(), gathering.title());
            events.add(new ScheduledEvent("gathering-" + number + "." + session.id(), name, start, end,
                    gathering.place(),
                    messages.get(language, "event.description", session.name())));
        }
        return events;
    }
}
