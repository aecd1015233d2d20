package org.animfr.animabot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.junit.jupiter.api.Test;

/** The running platforms, by name, as the core posts through them. */
class ChatPlatformsTest {
    private final FakeChatPlatform test = new FakeChatPlatform("test");
    private final ChatPlatforms platforms = new ChatPlatforms(List.of(test));

    @Test
    void aPostGoesToThePlatformOfTheConversation() {
        CompletionStage<Void> post = platforms.post(new ConversationRef("test", "salon"), Outgoing.once(Reply.plain("Bonjour")));

        assertThat(post.toCompletableFuture()).isCompleted();
        assertThat(test.posts()).singleElement().satisfies(sent -> {
            assertThat(sent.target()).isEqualTo("salon");
            assertThat(sent.text()).isEqualTo("Bonjour");
        });
    }

    @Test
    void aPostToAPlatformThatIsNotRunningFailsItsStage() {
        CompletionStage<Void> post = platforms.post(new ConversationRef("matrix", "!room:x"), Outgoing.once(Reply.plain("Bonjour")));

        assertThat(post.toCompletableFuture()).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(DeliveryException.class)
                .withMessageContaining("matrix");
    }

    @Test
    void aDirectMessageToAPlatformThatIsNotRunningFailsItsStage() {
        CompletionStage<Void> sent = platforms.sendDirect(new PersonRef("matrix", "@ana:x"), Outgoing.once(Reply.plain("Bonjour")));

        assertThat(sent.toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void aPlatformThatThrowsGivesAFailedStageInstead() {
        ChatPlatform throwing = new ThrowingPlatform();
        platforms.add(throwing);

        CompletionStage<Void> post = platforms.post(new ConversationRef("throwing", "room"), Outgoing.once(Reply.plain("Bonjour")));

        assertThat(post.toCompletableFuture()).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(DeliveryException.class)
                .withMessageContaining("socket closed");
    }

    @Test
    void twoPlatformsWithTheSameNameAreRefused() {
        assertThatThrownBy(() -> platforms.add(new FakeChatPlatform("test")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test");
        assertThat(platforms.all()).containsExactly(test);
    }

    @Test
    void platformsAreListedInTheOrderTheyJoined() {
        FakeChatPlatform other = new FakeChatPlatform("other");
        platforms.add(other);

        assertThat(platforms.all()).containsExactly(test, other);
    }

    private static final class ThrowingPlatform implements ChatPlatform {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public void start(MessageHandler handler) {}

        @Override
        public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
            throw new IllegalStateException("socket closed");
        }

        @Override
        public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
            throw new IllegalStateException("socket closed");
        }

        @Override
        public PlatformStatus status() {
            return PlatformStatus.failing("socket closed");
        }

        @Override
        public void stop() {}
    }
}
