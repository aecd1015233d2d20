package org.animfr.animabot.discord;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatformContract;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;

/** The shared platform contract, through the real JDA and the fake Discord. */
class DiscordChatPlatformContractIT extends ChatPlatformContract {
    private static final String ANA = "300000000000000011";

    private FakeDiscord fake;
    private final Map<String, Integer> read = new ConcurrentHashMap<>();

    @Override
    protected ChatPlatform createPlatform() {
        fake = FakeDiscord.start();
        fake.addMember(ANA, "Ana", false);
        DiscordChatPlatform discord = DiscordTestSupport.discord(fake, 45);
        return new ChatPlatform() {
            @Override
            public String name() {
                return discord.name();
            }

            @Override
            public void start(MessageHandler handler) {
                discord.start(handler);
                await().atMost(TIMEOUT).until(() -> discord.status().isConnected());
            }

            @Override
            public PlatformStatus status() {
                return discord.status();
            }

            @Override
            public java.util.concurrent.CompletionStage<Void> post(ConversationRef conversation,
                    org.animfr.animabot.core.chat.Outgoing message) {
                return discord.post(conversation, message);
            }

            @Override
            public java.util.concurrent.CompletionStage<Void> sendDirect(PersonRef person,
                    org.animfr.animabot.core.chat.Outgoing message) {
                return discord.sendDirect(person, message);
            }

            @Override
            public void stop() {
                discord.stop();
            }
        };
    }

    @AfterEach
    void closeFake() {
        fake.close();
    }

    @Override
    protected void personWrites(String person, String conversation, String text) {
        fake.sendMessage(ANA, fake.channelId(conversation), "<@" + FakeDiscord.BOT_ID + "> " + text, true);
    }

    @Override
    protected String nextTextIn(String conversation) {
        return next(fake.channelId(conversation));
    }

    @Override
    protected String nextDirectTextTo(String person) {
        return next(fake.dmChannelOf(ANA));
    }

    private String next(String channel) {
        int index = read.merge(channel, 1, Integer::sum) - 1;
        List<JsonNode> messages = fake.awaitMessagesIn(channel, index + 1, TIMEOUT);
        JsonNode message = messages.get(index);
        StringBuilder text = new StringBuilder(message.path("content").asText());
        message.path("embeds").forEach(e -> text.append('\n').append(e.path("title").asText()).append('\n')
                .append(e.path("description").asText()));
        return text.toString();
    }

    @Override
    protected ConversationRef conversation(String name) {
        return new ConversationRef("discord", fake.channelId(name));
    }

    @Override
    protected PersonRef person(String name) {
        return new PersonRef("discord", ANA);
    }
}
