package org.animfr.animabot.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An unreachable homeserver, through the real Trixnity bridge: the bot says so, keeps trying, and stops cleanly. */
class MatrixStartupTest {

    @Test
    void anUnreachableHomeserverIsLoggedClearlyAndNeverThrows() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(MatrixChatPlatform.class);
        logger.addAppender(logs);
        MatrixChatPlatform platform = new MatrixChatPlatform(
                MatrixSettings.withAccessToken("http://127.0.0.1:" + closedPort, "syt_secret_token"),
                new InMemorySyncTokenStore());
        try {
            platform.start(message -> CompletableFuture.completedFuture(List.of()));

            await().atMost(Duration.ofSeconds(15)).until(() -> !logs.list.isEmpty());
            assertThat(logs.list.get(0).getFormattedMessage())
                    .contains("Cannot reach the Matrix homeserver at http://127.0.0.1:" + closedPort)
                    .contains("retrying in 2 s")
                    .doesNotContain("syt_secret_token");
            assertThat(platform.status().state()).isEqualTo(PlatformStatus.State.FAILING);
            assertThat(platform.status().reason()).contains("Cannot reach the homeserver")
                    .doesNotContain("syt_secret_token");
            assertThatThrownBy(() -> platform.post(new ConversationRef("matrix", "!r:x"), Outgoing.once(Reply.plain("x")))
                    .toCompletableFuture().get(1, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeliveryException.class);
        } finally {
            platform.stop();
            platform.stop();
            logger.detachAppender(logs);
        }
    }
}
