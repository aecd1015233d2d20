package org.animfr.animabot.discord;

import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.discord.fake.FakeDiscord;

/** The adapter pointed at a fake Discord, with the bot's real commands. */
final class DiscordTestSupport {
    private DiscordTestSupport() {}

    /** An adapter for the fixture's core, pacing its own requests at {@code perSecond}. */
    static DiscordChatPlatform discord(FakeDiscord fake, BotFixture core, int perSecond) {
        return new DiscordChatPlatform(
                new DiscordSettings(FakeDiscord.BOT_TOKEN, fake.restBaseUrl(), fake.gatewayUrl(), null, perSecond),
                core.commands(), core.core.completions(), BotFixture.MESSAGES);
    }

    /** An adapter with the bot's commands, for tests that start it with a handler of their own. */
    static DiscordChatPlatform discord(FakeDiscord fake, int perSecond) {
        return discord(fake, new BotFixture(), perSecond);
    }
}
