package org.animfr.animabot.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.IncomingMessage;
import org.animfr.animabot.core.chat.MessageRef;
import org.animfr.animabot.core.chat.Person;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.testing.BotFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An announcement is one post per organizer's request: two instances of the bot on one database, both receiving
 * the request from their platform, announce it once in each room.
 */
class AnnouncementOnceTest {
    private final BotFixture fixture = new BotFixture();

    @BeforeEach
    void linkTwoRooms() {
        fixture.links.link(new ConversationRef("test", "salon"), "animacoop-7");
        fixture.links.link(new ConversationRef("test", "atelier"), "animacoop-7");
    }

    @Test
    void aSecondInstanceHandlingTheSameRequestMakesNoSecondAnnouncement() {
        Animabot second = new Animabot(new Animabot.Ports(fixture.catalog, fixture.links, fixture.languages,
                fixture.platforms, Set.of(new PersonRef("test", "organizer")), fixture.clock, fixture.outbox,
                fixture.timers, fixture.pauses, fixture.reminders, fixture.learners, fixture.introductions,
                BotFixture.FOLLOW_UP_DELAY), BotFixture.MESSAGES, new QuestionUnderstanding());
        IncomingMessage request = organizerWrites("m-42", "admin annonce Regroupement déplacé à 14 h");

        fixture.bot.handle(request).toCompletableFuture().join();
        second.dispatcher().handle(request).toCompletableFuture().join();

        assertThat(fixture.outbox.posts()).singleElement();
        assertThat(fixture.platform.posts()).extracting(post -> post.target())
                .containsExactlyInAnyOrder("salon", "atelier");
    }

    @Test
    void twoRequestsWithTheSameTextAreTwoAnnouncements() {
        fixture.bot.handle(organizerWrites("m-1", "admin annonce Pensez au pad")).toCompletableFuture().join();
        fixture.bot.handle(organizerWrites("m-2", "admin annonce Pensez au pad")).toCompletableFuture().join();

        assertThat(fixture.outbox.posts()).hasSize(2);
        assertThat(fixture.platform.posts()).hasSize(4);
    }

    private static IncomingMessage organizerWrites(String id, String text) {
        return new IncomingMessage(new MessageRef(new ConversationRef("test", "salon"), id, null),
                new Person(new PersonRef("test", "organizer"), "organizer"), text, false, false, Instant.now());
    }
}
