package org.animfr.animabot.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import org.animfr.animabot.matrix.synapse.Synapse;

/** Things a human does in the Matrix tests that take several calls. */
final class MatrixTestSupport {
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
}
