package org.animfr.animabot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.animfr.animabot.discord.fake.Interaction;

/** The adapter pointed at a fake Discord, with the bot's real commands. */
final class DiscordTestSupport {
    private DiscordTestSupport() {}

    /** An adapter for the fixture's core, pacing its own requests at {@code perSecond}. */
    static DiscordChatPlatform discord(FakeDiscord fake, BotFixture core, int perSecond) {
        return new DiscordChatPlatform(
                new DiscordSettings(FakeDiscord.BOT_TOKEN, fake.restBaseUrl(), fake.gatewayUrl(), null, perSecond),
                core.commands(), core.core.completions(), BotFixture.MESSAGES);
    }

    /** The text a member sees in answer to an interaction, whether it came at once or after a deferral. */
    static String answerTo(Interaction interaction, Duration wait) {
        JsonNode response = interaction.awaitResponse(wait);
        if (response.get("type").asInt() == 5) {
            return text(interaction.awaitFollowUp(wait));
        }
        List<String> texts = new ArrayList<>();
        texts.add(text(response.get("data")));
        interaction.followUps().forEach(f -> texts.add(text(f)));
        return String.join("\n", texts);
    }

    /** A message as a member sees it: its content, then each embed's title and description. */
    static String text(JsonNode message) {
        StringBuilder text = new StringBuilder(message.path("content").asText(""));
        for (JsonNode embed : message.path("embeds")) {
            text.append('\n').append(embed.path("title").asText("")).append('\n')
                    .append(embed.path("description").asText(""));
        }
        return text.toString();
    }

    /** An adapter with the bot's commands, for tests that start it with a handler of their own. */
    static DiscordChatPlatform discord(FakeDiscord fake, int perSecond) {
        return discord(fake, new BotFixture(), perSecond);
    }
}
