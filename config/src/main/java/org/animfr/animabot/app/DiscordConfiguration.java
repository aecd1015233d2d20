package org.animfr.animabot.app;

import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.spi.PlatformState;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.discord.DiscordChatPlatform;
import org.animfr.animabot.discord.DiscordSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Discord adapter, when a bot token is configured ({@code DISCORD_TOKEN} or {@code animabot.discord.token}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${animabot.discord.token:}'.isBlank()")
class DiscordConfiguration {

    @Bean
    DiscordChatPlatform discordChatPlatform(AnimabotProperties properties, Animabot animabot, Messages messages,
            PlatformState state, BotMetrics metrics) {
        AnimabotProperties.Discord discord = properties.discord();
        DiscordSettings settings = new DiscordSettings(discord.token(), discord.restUrl(), discord.gatewayUrl(),
                discord.organizerRole(), discord.requestsPerSecond(), discord.shardRange());
        DiscordChatPlatform platform = new DiscordChatPlatform(settings, animabot.commands().specs(),
                animabot.completions(), messages, state);
        platform.measure(metrics);
        return platform;
    }
}
