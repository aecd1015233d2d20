package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.matrix.MatrixChatPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * With a homeserver and a token the application runs Matrix instead of the console; an unreachable homeserver
 * does not stop the start-up, and the token never reaches the logs.
 */
@SpringBootTest(properties = {
        "animabot.matrix.homeserver=http://127.0.0.1:9",
        "animabot.matrix.access-token=secret-matrix-token-77",
        "spring.datasource.url=jdbc:h2:mem:matrix-wiring;DB_CLOSE_DELAY=-1",
        "logging.level.org.animfr.animabot=debug"})
@ExtendWith(OutputCaptureExtension.class)
class MatrixWiringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ChatPlatforms platforms;

    @Autowired
    PlatformState state;

    @Test
    void aHomeserverStartsMatrixInsteadOfTheConsole() {
        assertThat(context.getBeansOfType(MatrixChatPlatform.class)).hasSize(1);
        assertThat(context.getBeansOfType(ConsoleChatPlatform.class)).isEmpty();
        assertThat(platforms.all()).extracting(p -> p.name()).containsExactly("matrix");
    }

    @Test
    void anUnreachableHomeserverIsLoggedWithoutTheToken(CapturedOutput output) {
        // the first attempt comes when the start-up work (the question model is trained then) leaves it the CPU
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(output.getAll())
                .contains("Cannot reach the Matrix homeserver at http://127.0.0.1:9"));

        assertThat(output.getAll()).doesNotContain("secret-matrix-token-77");
        assertThat(state.get("matrix", "sync-token")).isEmpty();
    }
}
