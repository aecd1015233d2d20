package org.animfr.animabot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One REST call the fake Discord received, whatever its outcome.
 *
 * @param method the HTTP method
 * @param path the path below {@code /api/v10/}, without the query, e.g. {@code channels/110000000000000001/messages}
 * @param route the route template that served it, e.g. {@code POST channels/{channel}/messages}; null when no route
 *     matched (the call got a 404), so tests can assert that the bot used no unexpected route
 * @param body the JSON body (for a multipart/form-data request, its {@code payload_json}), a {@code MissingNode}
 *     when there was none (a {@code TextNode} when it was not JSON)
 * @param status the HTTP status the fake answered
 * @param time when the call arrived
 * @param files the files uploaded with it (the {@code files[n]} parts of a multipart request), in order; empty for
 *     a JSON request
 */
public record RecordedCall(String method, String path, String route, JsonNode body, int status, Instant time,
        List<UploadedFile> files) {

    public RecordedCall {
        files = List.copyOf(files);
    }

    /** A call without files. */
    public RecordedCall(String method, String path, String route, JsonNode body, int status, Instant time) {
        this(method, path, route, body, status, time, List.of());
    }

    /** True when a route of the fake served the call (even with an error), false for an unknown route. */
    public boolean routed() {
        return route != null;
    }

    @Override
    public String toString() {
        return status + " " + method + " " + path + (files.isEmpty() ? "" : " with " + files.size() + " file(s)");
    }
}
