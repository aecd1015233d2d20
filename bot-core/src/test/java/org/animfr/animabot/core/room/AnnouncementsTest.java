package org.animfr.animabot.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An announcement waits for the platforms' answers without holding the organizer's message up. */
class AnnouncementsTest {
    private final BotFixture fixture = new BotFixture();
    private final SlowPlatform slow = new SlowPlatform("slow");

    @BeforeEach
    void linkARoomOfASlowPlatformAndTheOrganizersRoom() {
        fixture.platforms.add(slow);
        fixture.links.link(new ConversationRef("slow", "room-s"), "animacoop-7");
        fixture.say("organizer", "salon", "admin relier animacoop-7");
    }

    @Test
    void theAnnouncementDoesNotWaitForASlowPlatform() {
        CompletableFuture<List<Reply>> replies = organizerSays("admin annonce Bonjour");

        assertThat(replies).isNotDone();
        assertThat(slow.posted).singleElement()
                .satisfies(post -> assertThat(post.toPlainText()).isEqualTo("Annonce — Animacoop 7\nBonjour"));
        assertThat(fixture.platform.posts()).singleElement()
                .satisfies(post -> assertThat(post.text()).isEqualTo("Annonce — Animacoop 7\nBonjour"));
    }

    @Test
    void theOrganizerIsToldOnceTheSlowPlatformHasTakenIt() {
        CompletableFuture<List<Reply>> replies = organizerSays("admin annonce Bonjour");

        slow.deliveries.forEach(delivery -> delivery.complete(null));

        assertThat(replies).succeedsWithin(Duration.ofSeconds(5)).satisfies(r -> {
            assertThat(BotFixture.text(r)).isEqualTo("Annonce envoyée dans 2 salons de Animacoop 7.");
            assertThat(r).allSatisfy(reply -> assertThat(reply.visibility()).isEqualTo(Reply.Visibility.PERSONAL));
        });
    }

    @Test
    void theOrganizerIsToldWhichRoomsTheSlowPlatformRefused() {
        CompletableFuture<List<Reply>> replies = organizerSays("admin annonce Bonjour");

        slow.deliveries.forEach(delivery -> delivery.completeExceptionally(new DeliveryException("rate limited")));

        assertThat(replies).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(r -> assertThat(BotFixture.text(r)).isEqualTo(
                        "Annonce envoyée dans 1 salon sur 2. Pas encore arrivée dans : slow:room-s ; je réessaie "
                                + "de moi-même et le note dans le journal si j’abandonne."));
        assertThat(fixture.timers.retryTimers()).hasSize(1);
    }

    @Test
    void aPlatformThatThrowsInsteadOfFailingCountsAsARefusal() {
        slow.throwing = true;

        CompletableFuture<List<Reply>> replies = organizerSays("admin annonce Bonjour");

        assertThat(replies).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(r -> assertThat(BotFixture.text(r)).contains("1 salon sur 2", "slow:room-s"));
    }

    private CompletableFuture<List<Reply>> organizerSays(String text) {
        IncomingMessage message = new IncomingMessage(
                new MessageRef(new ConversationRef("test", "salon"), "m-announce", null),
                new Person(new PersonRef("test", "organizer"), "organizer"), text, false, false, Instant.now());
        return fixture.bot.handle(message).toCompletableFuture();
    }

    /** A platform whose posts complete only when the test says so. */
    private static final class SlowPlatform implements ChatPlatform {
        final List<CompletableFuture<Void>> deliveries = new ArrayList<>();
        final List<Reply> posted = new ArrayList<>();
        volatile boolean throwing;
        private final String name;

        SlowPlatform(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(MessageHandler handler) {}

        @Override
        public synchronized CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
            if (throwing) {
                throw new IllegalStateException("socket closed");
            }
            posted.add(message.message());
            CompletableFuture<Void> delivery = new CompletableFuture<>();
            deliveries.add(delivery);
            return delivery;
        }

        @Override
        public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
            return CompletableFuture.failedFuture(new DeliveryException("no direct messages here"));
        }

        @Override
        public PlatformStatus status() {
            return PlatformStatus.CONNECTED;
        }

        @Override
        public void stop() {}
    }
}
