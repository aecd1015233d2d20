package org.animfr.animabot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.EventSpaces;
import org.animfr.animabot.core.chat.ScheduledEvent;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

/**
 * The gatherings shown in a space's own calendar (a Discord server's scheduled events) follow the links of its rooms
 * and the organizers' data. The clock is 5 November 2012: Animacoop 7 has two gatherings to come (15 November, 20
 * December), Animacoop 8 one (7 March 2013).
 */
class GatheringEventsTest {
    private final BotFixture fixture = new BotFixture();
    private final Servers servers = fixture.join(new Servers());

    @Test
    void linkingARoomShowsTheSessionsGatheringsToComeInItsServer() {
        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);

        List<ScheduledEvent> events = servers.last().get("brest");
        assertThat(events).extracting(ScheduledEvent::key)
                .containsExactly("gathering-2.animacoop-7", "gathering-3.animacoop-7");
        ScheduledEvent midWay = events.get(0);
        assertThat(midWay.name()).isEqualTo("Animacoop 7 — Regroupement de mi-parcours");
        assertThat(midWay.place()).isEqualTo("Tiers-lieu La Coop, Montpellier");
        assertThat(midWay.start()).isEqualTo(Instant.parse("2012-11-15T08:30:00Z"));
        assertThat(midWay.end()).as("until the end of the training day, in Paris")
                .isEqualTo(Instant.parse("2012-11-15T16:30:00Z"));
        assertThat(midWay.description()).contains("Animacoop 7");
    }

    @Test
    void aServerWithRoomsOfTwoSessionsShowsTheGatheringsOfBothAndOtherServersNothing() {
        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);
        servers.say("camille", "brest/atelier", "admin relier animacoop-8", true);

        Map<String, List<ScheduledEvent>> shown = servers.last();
        assertThat(shown).containsOnlyKeys("brest");
        assertThat(shown.get("brest")).extracting(ScheduledEvent::key).containsExactly(
                "gathering-2.animacoop-7", "gathering-3.animacoop-7", "gathering-1.animacoop-8");
    }

    @Test
    void aGatheringMovedInTheDataMovesItsEventUnderTheSameKey() {
        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);
        Session seven = TestCatalogs.animacoop7();
        List<Gathering> moved = new ArrayList<>(seven.gatherings());
        moved.set(1, new Gathering(LocalDateTime.of(2012, 11, 22, 10, 0), "Le Quartier, Quimper",
                "Regroupement de mi-parcours"));

        fixture.reloadWith(new Catalog(TestCatalogs.catalog().network(), List.of(withGatherings(seven, moved),
                TestCatalogs.animacoop8()), TestCatalogs.faq()));

        ScheduledEvent midWay = servers.last().get("brest").get(0);
        assertThat(midWay.key()).isEqualTo("gathering-2.animacoop-7");
        assertThat(midWay.start()).isEqualTo(Instant.parse("2012-11-22T09:00:00Z"));
        assertThat(midWay.place()).isEqualTo("Le Quartier, Quimper");
    }

    @Test
    void unlinkingTheLastRoomOfAServerTakesItsEventsAway() {
        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);

        servers.say("camille", "brest/salon", "admin delier", true);

        assertThat(servers.last()).doesNotContainKey("brest");
    }

    @Test
    void aGatheringUnderWayKeepsItsEventUntilItEnds() {
        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);
        fixture.clock.set(Instant.parse("2012-11-15T12:00:00Z"));

        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);
        assertThat(servers.last().get("brest")).extracting(ScheduledEvent::key)
                .containsExactly("gathering-2.animacoop-7", "gathering-3.animacoop-7");

        fixture.clock.set(Instant.parse("2012-11-15T16:30:00Z"));
        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);
        assertThat(servers.last().get("brest")).extracting(ScheduledEvent::key)
                .containsExactly("gathering-3.animacoop-7");
    }

    @Test
    void roomsOfOtherPlatformsAndPastGatheringsShowNothing() {
        fixture.platform.say("organizer", "salon", "admin relier animacoop-7");
        fixture.clock.set(Instant.parse("2013-01-10T10:00:00Z"));

        servers.say("camille", "brest/salon", "admin relier animacoop-7", true);

        assertThat(servers.last().get("brest")).isEmpty();
    }

    private static Session withGatherings(Session s, List<Gathering> gatherings) {
        return new Session(s.id(), s.name(), s.territory(), s.start(), s.end(), s.hours(), s.registration(),
                s.facilitators(), s.description(), gatherings, s.weeks());
    }

    /** A platform whose conversations {@code server/room} belong to servers that show scheduled events. */
    static final class Servers extends FakeChatPlatform implements EventSpaces {
        private final List<Map<String, List<ScheduledEvent>>> shown = new ArrayList<>();

        Servers() {
            super("servers");
        }

        @Override
        public Map<String, List<ConversationRef>> spacesOf(Collection<ConversationRef> conversations) {
            Map<String, List<ConversationRef>> spaces = new LinkedHashMap<>();
            for (ConversationRef room : conversations) {
                spaces.computeIfAbsent(room.id().split("/")[0], space -> new ArrayList<>()).add(room);
            }
            return spaces;
        }

        @Override
        public synchronized CompletionStage<Void> showEvents(Map<String, List<ScheduledEvent>> wanted) {
            shown.add(wanted);
            return CompletableFuture.completedFuture(null);
        }

        synchronized Map<String, List<ScheduledEvent>> last() {
            assertThat(shown).as("events were shown").isNotEmpty();
            return shown.get(shown.size() - 1);
        }
    }
}
