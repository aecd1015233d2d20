package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.matrix.synapse.Synapse;
import org.junit.jupiter.api.Test;

/** The adapter against a real Synapse, through the real Trixnity bridge: invited, it joins and answers. */
class MatrixSmokeIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theBotJoinsWhenInvitedAndAnswersACommandWithANoticeReply() {
        Synapse synapse = Synapse.ensureRunning();
        Synapse.User ana = synapse.register(Synapse.unique("ana"), false);
        Synapse.User bot = synapse.register(Synapse.unique("animabot"), false);
        MatrixChatPlatform platform = new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken()), new InMemorySyncTokenStore());
        try {
            platform.start(message -> CompletableFuture.completedFuture(List.of(Reply.plain("echo: " + message.text()))));
            await().atMost(TIMEOUT).until(() -> platform.status().isConnected());

            String room = synapse.createRoom(ana, false, bot.userId());
            await().atMost(TIMEOUT).until(() -> synapse.isJoined(ana, room, bot.userId()));
            String ping = synapse.send(ana, room, "!anim ping");

            JsonNode answer = synapse.awaitMessages(ana, room, Synapse.noticesFrom(bot.userId()), 1, TIMEOUT).get(0);
            JsonNode content = answer.get("content");
            assertThat(content.path("body").asText()).isEqualTo("echo: ping");
            assertThat(content.path("format").asText()).isEqualTo("org.matrix.custom.html");
            assertThat(content.path("formatted_body").asText()).isEqualTo("<p>echo: ping</p>");
            assertThat(content.path("m.relates_to").path("m.in_reply_to").path("event_id").asText()).isEqualTo(ping);
        } finally {
            platform.stop();
        }
    }
}
