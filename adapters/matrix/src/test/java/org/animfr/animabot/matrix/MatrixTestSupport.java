package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import org.animfr.animabot.matrix.synapse.Synapse;

/** Things a human does in the Matrix tests that take several calls. */
final class MatrixTestSupport {
    private static final AtomicInteger SYNCS = new AtomicInteger();

    private MatrixTestSupport() {}

    /** Waits for an invitation to the user (the bot opening a direct chat), joins it, and returns the room. */
    static String awaitInvitedRoomAndJoin(Synapse synapse, Synapse.User user, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode invites = synapse.call("GET", "/_matrix/client/v3/sync?timeout=1000", user, null)
                    .path("rooms").path("invite");
            Iterator<String> rooms = invites.fieldNames();
            if (rooms.hasNext()) {
                String room = rooms.next();
                synapse.join(user, room);
                return room;
            }
        }
        throw new AssertionError("No invitation reached " + user.userId() + " within " + timeout);
    }

    /**
     * Waits for the one invitation to {@code who}, checks that it is a direct chat ({@code is_direct}) from
     * {@code inviter}, joins it and returns the room.
     */
    static String acceptDirectInvitation(Synapse synapse, Synapse.User who, String inviter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode invites = invitations(synapse, who, 1000);
            Iterator<Map.Entry<String, JsonNode>> rooms = invites.properties().iterator();
            if (rooms.hasNext()) {
                Map.Entry<String, JsonNode> invite = rooms.next();
                assertThat(invites.size()).as("invitations").isEqualTo(1);
                JsonNode member = null;
                for (JsonNode event : invite.getValue().path("invite_state").path("events")) {
                    if (event.path("type").asText().equals("m.room.member")
                            && event.path("state_key").asText().equals(who.userId())) {
                        member = event;
                    }
                }
                assertThat(member).as("the invitation's member event").isNotNull();
                assertThat(member.path("sender").asText()).isEqualTo(inviter);
                assertThat(member.path("content").path("is_direct").asBoolean()).as("is_direct").isTrue();
                synapse.join(who, invite.getKey());
                return invite.getKey();
            }
        }
        throw new AssertionError("No invitation reached " + who + " within " + timeout);
    }

    /**
     * The person's pending invitations, from a sync of its own: Synapse keeps the answer to a sync without
     * {@code since} for two minutes and gives it again to the same request, so each one names a filter of its own.
     */
    static JsonNode invitations(Synapse synapse, Synapse.User who, int timeoutMillis) {
        String filter = "{\"room\":{\"timeline\":{\"limit\":1}},\"account_data\":{\"not_types\":[\"animabot.test."
                + SYNCS.incrementAndGet() + "\"]}}";
        return synapse.call("GET", "/_matrix/client/v3/sync?timeout=" + timeoutMillis + "&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"), who, null)
                .path("rooms").path("invite");
    }
}
