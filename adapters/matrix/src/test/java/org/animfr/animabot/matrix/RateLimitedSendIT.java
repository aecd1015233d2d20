package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.matrix.bridge.MatrixBridge;
import org.animfr.animabot.matrix.bridge.Notice;
import org.animfr.animabot.matrix.bridge.TrixnityBridge;
import org.junit.jupiter.api.Test;

/**
 * A homeserver that keeps answering {@code M_LIMIT_EXCEEDED}, through the real Trixnity bridge: the adapter waits as
 * long as the homeserver asks and sends the same message again (same transaction id) until it is taken, beyond
 * Trixnity's own three retries.
 */
class RateLimitedSendIT {

    @Test
    void aNoticeRefusedForRateLimitsIsSentAgainUntilTaken() throws Exception {
        List<String> sendPaths = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(5);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_matrix/client/v3/rooms/", exchange -> {
            sendPaths.add(exchange.getRequestURI().getRawPath());
            exchange.getRequestBody().readAllBytes();
            if (refusals.getAndDecrement() > 0) {
                respond(exchange, 429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too Many Requests\","
                        + "\"retry_after_ms\":50}");
            } else {
                respond(exchange, 200, "{\"event_id\":\"$taken\"}");
            }
        });
        server.start();
        try (MatrixBridge bridge = TrixnityBridge.withToken(
                "http://127.0.0.1:" + server.getAddress().getPort(), "token")) {
            List<Duration> waits = new CopyOnWriteArrayList<>();
            String eventId = Requests.patiently(() -> bridge.sendNotice("!room:localhost", "txn-1",
                    new Notice("bonjour", "<p>bonjour</p>", null, null)), waits::add).get(60, TimeUnit.SECONDS);

            assertThat(eventId).isEqualTo("$taken");
            // Trixnity retries three times on its own before the adapter waits: the adapter's waits are counted
            assertThat(waits).as("the adapter's waits, as the metrics count them").isNotEmpty()
                    .allSatisfy(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(100)));
            assertThat(sendPaths).hasSize(6);
            assertThat(sendPaths.stream().distinct()).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
