package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a monitor reads from the application in its own JVM, connected to the fake Discord: health per platform on
 * the management port, following the gateway down and back up, and metrics that move when people ask.
 */
class MonitoringIT {
    private static final Duration START = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private FakeDiscord discord;
    private BotProcess bot;
    private int managementPort;
    private int serverPort;

    @AfterEach
    void stop() throws InterruptedException {
        if (bot != null) {
            bot.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    @Test
    void healthFollowsTheDiscordGatewayDownAndBackUp() throws Exception {
        start();
        await().atMost(Duration.ofSeconds(30)).until(() -> discordHealth().path("status").asText().equals("UP"));
        assertThat(health().path("status").asText()).isEqualTo("UP");
        assertThat(health().at("/components/catalog/status").asText()).isEqualTo("UP");
        assertThat(health().at("/components/db/status").asText()).isEqualTo("UP");

        discord.gatewayDown(true);

        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("OUT_OF_SERVICE", "DOWN")
                .contains(discordHealth().path("status").asText()));
        assertThat(health().path("status").asText()).isIn("OUT_OF_SERVICE", "DOWN");
        assertThat(discordHealth().at("/details/reason").asText()).startsWith("Discord gateway");
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).as("alive all along")
                .isEqualTo(200);

        discord.gatewayDown(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> discordHealth().path("status").asText().equals("UP"));
        assertThat(health().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsMoveWhenPeopleAskAndNameNoOne() throws Exception {
        start();
        String channel = FakeDiscord.GENERAL_CHANNEL_ID;

        discord.sendMessage(FakeDiscord.MEMBER_ID, channel, "c'est quand le prochain regroupement ?", true);
        discord.awaitMessagesIn(channel, 1, Duration.ofSeconds(30));
        discord.sendMessage(FakeDiscord.MEMBER_ID, channel, "when is the next gathering?", true);
        discord.awaitMessagesIn(channel, 2, Duration.ofSeconds(30));
        discord.sendMessage(FakeDiscord.MEMBER_ID, channel, "semaine 3", true);
        discord.awaitMessagesIn(channel, 3, Duration.ofSeconds(30));
        discord.sendMessage(FakeDiscord.MEMBER_ID, channel, "blorp wibble zzz", true);
        discord.awaitMessagesIn(channel, 4, Duration.ofSeconds(30));

        String metrics = await().atMost(Duration.ofSeconds(10)).until(this::prometheus,
                text -> value(text, "animabot_questions_unsure_total{language=\"fr\"}") >= 1);
        assertThat(value(metrics, "animabot_questions_total{intent=\"next_gathering\",language=\"fr\"}")).isEqualTo(1);
        assertThat(value(metrics, "animabot_questions_total{intent=\"next_gathering\",language=\"en\"}")).isEqualTo(1);
        assertThat(value(metrics, "animabot_commands_total{command=\"week\"}")).isEqualTo(1);
        assertThat(value(metrics, "animabot_replies_seconds_count{kind=\"question\"}")).isEqualTo(3);
        assertThat(metrics).contains("animabot_replies_seconds_bucket{kind=\"question\",le=",
                "animabot_outbox_backlog ", "animabot_scheduler_lateness_seconds_count");
        assertThat(metrics).as("no person, channel or text in any tag")
                .doesNotContain(FakeDiscord.MEMBER_ID, channel, "blorp", "regroupement ?");
    }

    @Test
    void theManagementEndpointsAreOnTheirOwnPortOnly() throws Exception {
        start();

        assertThat(get(managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get(serverPort, "/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get(serverPort, "/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/env").statusCode()).as("only health and metrics are exposed")
                .isEqualTo(404);
    }

    private void start() throws Exception {
        discord = FakeDiscord.start();
        managementPort = freePort();
        serverPort = freePort();
        bot = BotProcess.start(BotProcess.logFile("MonitoringIT.log"), List.of(
                "--server.port=" + serverPort,
                "--management.server.port=" + managementPort,
                "--animabot.data=classpath:e2e/sessions.yaml",
                "--animabot.clock=2012-11-05T10:00:00+01:00",
                "--animabot.discord.token=" + FakeDiscord.BOT_TOKEN,
                "--animabot.discord.rest-url=" + discord.restBaseUrl(),
                "--animabot.discord.gateway-url=" + discord.gatewayUrl(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("animabot") + ";DB_CLOSE_ON_EXIT=FALSE"));
        bot.awaitLog("Discord connected", START);
    }

    private JsonNode health() throws IOException, InterruptedException {
        return JSON.readTree(get(managementPort, "/actuator/health").body());
    }

    private JsonNode discordHealth() throws IOException, InterruptedException {
        return health().at("/components/platforms/components/discord");
    }

    private String prometheus() throws IOException, InterruptedException {
        return get(managementPort, "/actuator/prometheus").body();
    }

    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
