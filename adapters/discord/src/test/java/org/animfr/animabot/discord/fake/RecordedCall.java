package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One REST call the fake Discord received, whatever its outcome.
 *
 * @param method the HTTP method
 * @param path the path below {@code /api/v10/}, without the query, e.g. {@code channels/110000000000000001/messages}
 * @param route the route template that served it, e.g. {@code POST channels/{channel}/messages}; null when no route
 *     matched (the call got a 404), so tests can assert that the bot used no unexpected route
 * @param body the JSON body, a {@code MissingNode} when there was none (a {@code TextNode} when it was not JSON)
 * @param status the HTTP status the fake answered
 * @param time when the call arrived
 */
public record RecordedCall(String method, String path, String route, JsonNode body, int status, Instant time) {

    /** True when a route of the fake served the call (even with an error), false for an unknown route. */
    public boolean routed() {
        return route != null;
    }

    @Override
    public String toString() {
        return status + " " + method + " " + path;
    }
}
