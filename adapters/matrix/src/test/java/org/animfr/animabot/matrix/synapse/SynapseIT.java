package org.animfr.animabot.matrix.synapse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.animfr.animabot.matrix.synapse.Synapse.Response;
import org.animfr.animabot.matrix.synapse.Synapse.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The test homeserver itself: people can register, meet in a room, talk, and be given power. */
class SynapseIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static Synapse synapse;

    @BeforeAll
    static void startSynapse() {
        synapse = Synapse.ensureRunning();
    }

    @Test
    void invitedUserJoinsAndReadsWhatTheOwnerWrote() {
        User ana = synapse.register(Synapse.unique("ana"), false);
        User bob = synapse.register(Synapse.unique("bob"), false);

        String room = synapse.createRoom(ana, false);
        synapse.invite(ana, room, bob.userId());
        synapse.join(bob, room);
        String sent = synapse.sendHtml(ana, room, "Bonjour *Bob*", "Bonjour <em>Bob</em>");

        List<JsonNode> read = synapse.awaitMessages(bob, room, e -> e.path("sender").asText().equals(ana.userId()),
                1, TIMEOUT);
        assertThat(read).singleElement().satisfies(event -> {
            assertThat(event.path("event_id").asText()).isEqualTo(sent);
            assertThat(event.path("content").path("body").asText()).isEqualTo("Bonjour *Bob*");
            assertThat(event.path("content").path("formatted_body").asText()).isEqualTo("Bonjour <em>Bob</em>");
        });
        assertThat(synapse.isJoined(ana, room, bob.userId())).isTrue();
    }

    @Test
    void powerLevelSetByTheOwnerIsReadBackFromRoomState() {
        User ana = synapse.register(Synapse.unique("ana"), false);
        User bob = synapse.register(Synapse.unique("bob"), false);
        String room = synapse.createRoom(ana, false, bob.userId());
        synapse.join(bob, room);

        synapse.setPowerLevel(ana, room, bob.userId(), 50);

        JsonNode levels = synapse.powerLevels(bob, room); // GET /rooms/{roomId}/state/m.room.power_levels
        assertThat(levels.path("users").path(bob.userId()).asInt()).isEqualTo(50);
        assertThat(levels.path("users").path(ana.userId()).asInt()).isEqualTo(100);
    }

    @Test
    void registeringAnExistingUserLogsInAgain() {
        String name = Synapse.unique("Ana");
        User first = synapse.register(name, false);

        User again = synapse.register(name, false);

        assertThat(again.userId()).isEqualTo(first.userId()).isEqualTo(synapse.userId(name));
        assertThat(again.accessToken()).isNotEqualTo(first.accessToken());
    }

    @Test
    void longPollingSyncReturnsWhenAMessageArrives() {
        User ana = synapse.register(Synapse.unique("ana"), false);
        String room = synapse.createRoom(ana, false);
        String since = synapse.syncNextBatch(ana);

        String sent = synapse.send(ana, room, "ping");
        JsonNode sync = synapse.syncSince(ana, since, 5_000);

        assertThat(sync.path("rooms").path("join").path(room).path("timeline").path("events").findValuesAsText(
                "event_id")).contains(sent);
    }

    @Test
    void onlyTheUserWithALoweredMessageLimitIsToldToSlowDown() {
        User admin = synapse.register(Synapse.unique("admin"), true);
        User ana = synapse.register(Synapse.unique("ana"), false);
        User bob = synapse.register(Synapse.unique("bob"), false);
        String room = synapse.createRoom(admin, false, ana.userId(), bob.userId());
        synapse.join(ana, room);
        synapse.join(bob, room);

        synapse.overrideMessageRateLimit(admin, ana.userId(), 1, 1);
        List<Response> fromAna = IntStream.range(0, 3).mapToObj(i -> synapse.trySend(ana, room, "a" + i)).toList();
        List<Response> fromBob = IntStream.range(0, 3).mapToObj(i -> synapse.trySend(bob, room, "b" + i)).toList();

        assertThat(fromAna).extracting(Response::errcode).contains("M_LIMIT_EXCEEDED");
        assertThat(fromAna).filteredOn(r -> r.status() == 429).isNotEmpty();
        assertThat(fromBob).extracting(Response::status).containsOnly(200);
    }
}
