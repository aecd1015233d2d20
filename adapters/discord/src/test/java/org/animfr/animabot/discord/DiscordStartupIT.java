package org.animfr.animabot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.Test;

/** A wrong token or an unreachable Discord never stops the rest of the bot. */
class DiscordStartupIT {

    @Test
    void aWrongTokenIsNamedWithItsFixAndNotRetriedWhileTheCoreKeepsAnswering() throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            BotFixture core = new BotFixture();
            DiscordChatPlatform discord = new DiscordChatPlatform(
                    new DiscordSettings("not-the-token", fake.restBaseUrl(), fake.gatewayUrl(), null, 45),
                    core.commands(), core.core.completions(), BotFixture.MESSAGES);

            core.join(discord);
            await().atMost(Duration.ofSeconds(10)).until(() -> discord.status().state() == PlatformStatus.State.FAILING);

            assertThat(discord.status().reason()).isEqualTo("Discord refused the bot token: check DISCORD_TOKEN");
            int calls = fake.calls().size();
            Thread.sleep(3_000);
            assertThat(fake.calls()).as("no new login after a refused token").hasSize(calls);
            assertThat(fake.awaitIdentified(Duration.ofMillis(100))).isFalse();
            assertThat(core.ask("semaine 3")).contains("Animer une liste de discussion");
            assertThatThrownBy(() -> discord.post(new ConversationRef("discord", "1"), Outgoing.once(Reply.plain("x")))
                    .toCompletableFuture().get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeliveryException.class);
            discord.stop();
        }
    }

    @Test
    void aFailedCommandRegistrationClosesItsSessionBeforeTheNextAttempt() throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            fake.failCommandRegistrations(2);
            BotFixture core = new BotFixture();
            DiscordChatPlatform discord = new DiscordChatPlatform(
                    new DiscordSettings(FakeDiscord.BOT_TOKEN, fake.restBaseUrl(), fake.gatewayUrl(), null, 45),
                    core.commands(), core.core.completions(), BotFixture.MESSAGES);

            core.join(discord);
            await().atMost(Duration.ofSeconds(30)).until(() -> discord.status().isConnected());

            assertThat(fake.identifyCount()).as("one identify per attempt").isEqualTo(3);
            await().atMost(Duration.ofSeconds(5)).until(() -> fake.openGatewaySessions() == 1);
            assertThat(fake.registeredCommands()).isNotEmpty();
            discord.stop();
        }
    }

    @Test
    void aGatewayClosedForGoodIsNamedWithItsFixAndNotRetried() throws Exception {
        try (FakeDiscord fake = FakeDiscord.start()) {
            BotFixture core = new BotFixture();
            DiscordChatPlatform discord = new DiscordChatPlatform(
                    new DiscordSettings(FakeDiscord.BOT_TOKEN, fake.restBaseUrl(), fake.gatewayUrl(), null, 45),
                    core.commands(), core.core.completions(), BotFixture.MESSAGES);
            core.join(discord);
            await().atMost(Duration.ofSeconds(30)).until(() -> discord.status().isConnected());

            fake.closeGateway(4014);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> discord.status().state() == PlatformStatus.State.FAILING);

            assertThat(discord.status().reason()).contains("4014", "Privileged Gateway Intents");
            Thread.sleep(3_000);
            assertThat(fake.identifyCount()).as("no new session after a refusal").isEqualTo(1);
            assertThat(fake.resumeCount()).isZero();
            discord.stop();
        }
    }

    @Test
    void anUnreachableDiscordIsRetriedInTheBackground() throws Exception {
        BotFixture core = new BotFixture();
        DiscordChatPlatform discord = new DiscordChatPlatform(
                new DiscordSettings("token", "http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/", null, 45),
                core.commands(), core.core.completions(), BotFixture.MESSAGES);

        discord.start(core.bot);
        await().atMost(Duration.ofSeconds(10)).until(() -> discord.status().state() == PlatformStatus.State.FAILING);

        assertThat(discord.status().reason()).contains("Cannot reach Discord at http://127.0.0.1:9/api/v10/");
        discord.stop();
    }

    @Test
    void theTokenNeverAppearsInTheSettingsText() {
        DiscordSettings settings = new DiscordSettings("secret-token-123", null, null, null, 45);

        assertThat(settings.toString()).doesNotContain("secret-token-123");
    }
}
