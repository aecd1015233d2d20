package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.animfr.animabot.console.ConsoleChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.discord.DiscordChatPlatform;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * With a Discord token the application runs Discord instead of the console; Discord being unreachable does not
 * stop the start-up, and the token never reaches the logs.
 */
@SpringBootTest(properties = {
        "animabot.discord.token=secret-test-token-42",
        "animabot.discord.rest-url=http://127.0.0.1:9/api/v10/",
        "animabot.discord.gateway-url=ws://127.0.0.1:9/",
        "spring.datasource.url=jdbc:h2:mem:discord-wiring;DB_CLOSE_DELAY=-1",
        "logging.level.org.animfr.animabot=debug"})
@ExtendWith(OutputCaptureExtension.class)
class DiscordWiringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ChatPlatforms platforms;

    @Test
    void aTokenStartsDiscordInsteadOfTheConsole() {
        assertThat(context.getBeansOfType(DiscordChatPlatform.class)).hasSize(1);
        assertThat(context.getBeansOfType(ConsoleChatPlatform.class)).isEmpty();
        assertThat(platforms.all()).extracting(p -> p.name()).containsExactly("discord");
    }

    @Test
    void anUnreachableDiscordIsLoggedWithoutTheToken(CapturedOutput output) {
        // the first attempt comes when the start-up work (the question model is trained then) leaves it the CPU
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(output.getAll()).contains("Cannot reach Discord"));

        assertThat(output.getAll()).doesNotContain("secret-test-token-42");
    }
}
