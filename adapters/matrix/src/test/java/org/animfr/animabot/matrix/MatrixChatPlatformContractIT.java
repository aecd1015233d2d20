package org.animfr.animabot.matrix;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatformContract;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.matrix.synapse.Synapse;

/** The shared platform contract, through Trixnity and a real Synapse. */
class MatrixChatPlatformContractIT extends ChatPlatformContract {
    private final Synapse synapse = Synapse.ensureRunning();
    private Synapse.User ana;
    private Synapse.User bot;
    private String room;
    private String directRoom;
    private int readInRoom;
    private int readInDirect;

    @Override
    protected ChatPlatform createPlatform() {
        ana = synapse.register(Synapse.unique("ana"), false);
        bot = synapse.register(Synapse.unique("animabot"), false);
        MatrixChatPlatform matrix = new MatrixChatPlatform(
                MatrixSettings.withAccessToken(synapse.baseUrl(), bot.accessToken()), new InMemorySyncTokenStore());
        return new ChatPlatform() {
            @Override
            public String name() {
                return matrix.name();
            }

            @Override
            public void start(MessageHandler handler) {
                matrix.start(handler);
                await().atMost(TIMEOUT).until(() -> matrix.status().isConnected());
                room = synapse.createRoom(ana, false, bot.userId());
                await().atMost(TIMEOUT).until(() -> synapse.isJoined(ana, room, bot.userId()));
            }

            @Override
            public PlatformStatus status() {
                return matrix.status();
            }

            @Override
            public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
                return matrix.post(conversation, message);
            }

            @Override
            public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
                return matrix.sendDirect(person, message);
            }

            @Override
            public void stop() {
                matrix.stop();
            }
        };
    }

    @Override
    protected void personWrites(String person, String conversation, String text) {
        synapse.send(ana, room, "!anim " + text);
    }

    @Override
    protected String nextTextIn(String conversation) {
        List<JsonNode> notices = synapse.awaitMessages(ana, room, Synapse.noticesFrom(bot.userId()), readInRoom + 1,
                TIMEOUT);
        return notices.get(readInRoom++).path("content").path("body").asText();
    }

    @Override
    protected String nextDirectTextTo(String person) {
        if (directRoom == null) {
            directRoom = MatrixTestSupport.awaitInvitedRoomAndJoin(synapse, ana, TIMEOUT);
        }
        List<JsonNode> notices = synapse.awaitMessages(ana, directRoom, Synapse.noticesFrom(bot.userId()),
                readInDirect + 1, TIMEOUT);
        return notices.get(readInDirect++).path("content").path("body").asText();
    }

    @Override
    protected ConversationRef conversation(String name) {
        return new ConversationRef("matrix", room);
    }

    @Override
    protected PersonRef person(String name) {
        return new PersonRef("matrix", ana.userId());
    }
}
