package org.animfr.animabot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.MessageHandler;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.PlatformStatus;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.animfr.animabot.core.testing.BotFixture;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's posts on schedule, through the whole core with durable timers fired by hand: what goes where, when,
 * once; and what happens around downtimes, pauses, data changes and failures. The clock starts on Monday 5 November
 * 2012 at 10:00 in Paris, in week 6 of Animacoop 7, after that week's prompt.
 */
class AutomaticPostsTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ConversationRef SALON = new ConversationRef("test", "salon");
    private static final ConversationRef ROOM_B = new ConversationRef("other", "room-b");

    private BotFixture fixture;

    @BeforeEach
    void linkTwoRoomsOnTwoPlatformsAndStart() {
        fixture = new BotFixture();
        fixture.links.link(SALON, "animacoop-7");
        fixture.links.link(ROOM_B, "animacoop-7");
        fixture.core.automaticPosts().replan();
        // the bot starts an hour after week 6's prompt was due: it goes out late, once
        assertThat(fixture.runUntil(fixture.clock.instant())).containsExactly("prompt/animacoop-7/w6");
        assertThat(fixture.platform.posts()).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("semaine 6"));
        fixture.platform.clearSent();
        fixture.other.clearSent();
    }

    private static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2012, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void timersAreSetForThePostsToComeAndNotForThosePast() {
        assertThat(fixture.timers.postTimers())
                .containsEntry("prompt/animacoop-7/w7", paris(11, 12, 9, 0))
                .containsEntry("gathering/animacoop-7/2012-11-15T09:30/d1", paris(11, 14, 18, 0))
                .containsKey("start/animacoop-8/d7")
                .doesNotContainKeys("prompt/animacoop-7/w5", "prompt/animacoop-7/w6",
                        "gathering/animacoop-7/2012-10-04T09:30/d1");
        fixture.core.automaticPosts().replan();
        assertThat(fixture.timers.postTimers()).doesNotContainKey("prompt/animacoop-7/w6");
    }

    @Test
    void theWeeklyPromptReachesEveryLinkedRoomOnEveryPlatformAtItsTimeAndStartsAThread() {
        assertThat(fixture.runUntil(paris(11, 12, 8, 59))).doesNotContain("prompt/animacoop-7/w7");

        assertThat(fixture.runUntil(paris(11, 12, 9, 0))).containsExactly("prompt/animacoop-7/w7");

        FakeChatPlatform.Sent post = about(fixture.platform, "semaine 7").get(0);
        assertThat(post.target()).isEqualTo("salon");
        assertThat(post.text()).contains("Animacoop 7, semaine 7 : Licences libres et biens communs",
                "Consigne : Consigne de la semaine 7");
        assertThat(post.threadName()).isEqualTo("Semaine 7 — Licences libres et biens communs");
        assertThat(about(fixture.other, "semaine 7")).hasSize(1);
    }

    @Test
    void aThreadNameCutToDiscordsLengthNeverSplitsAnEmoji() {
        // "Semaine 7 — " is 12 characters: the emoji's two halves sit on either side of the 99-character cut
        String theme = "x".repeat(98 - 12) + "🌱 Licences libres et biens communs";
        Session seven = TestCatalogs.animacoop7();
        fixture.reloadWith(new Catalog(Network.DEFAULT, List.of(new Session(seven.id(), seven.name(),
                seven.territory(), seven.start(), seven.end(), seven.hours(), seven.registration(),
                seven.facilitators(), seven.description(), seven.gatherings(), seven.weeks().stream()
                        .map(w -> w.number() == 7 ? new Week(7, theme, w.prompt()) : w).toList()),
                TestCatalogs.animacoop8()), List.of()));

        fixture.runUntil(paris(11, 12, 9, 0));

        String name = about(fixture.platform, "semaine 7").get(0).threadName();
        assertThat(name).hasSizeLessThanOrEqualTo(100).endsWith("…");
        assertThat(name.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void thePostsComeInTheNetworksLanguageWhateverTheOrganizersLanguage() {
        fixture.say("organizer", "salon", "langue en");
        Network english = new Network("Anim-en", PARIS, org.animfr.animabot.core.i18n.Language.EN,
                org.animfr.animabot.core.session.PostTimes.DEFAULT);
        fixture.reloadWith(new Catalog(english, TestCatalogs.catalog().sessions(), TestCatalogs.faq()));

        fixture.runUntil(paris(11, 12, 9, 0));

        assertThat(about(fixture.platform, "week 7")).singleElement().satisfies(p -> assertThat(p.text())
                .contains("Animacoop 7, week 7: Licences libres", "Prompt: Consigne de la semaine 7"));
    }

    @Test
    void aPostIsSentOnceHoweverOftenItsTimerFires() {
        fixture.runUntil(paris(11, 12, 9, 0));

        fixture.core.automaticPosts().postDue("prompt/animacoop-7/w7");
        fixture.core.automaticPosts().replan();
        fixture.runUntil(paris(11, 12, 9, 30));

        assertThat(about(fixture.platform, "semaine 7")).hasSize(1);
        assertThat(about(fixture.other, "semaine 7")).hasSize(1);
        assertThat(fixture.timers.postTimers()).doesNotContainKey("prompt/animacoop-7/w7");
    }

    @Test
    void aRoomLinkedDuringWeekSixGetsTheComingPostsOnly() {
        ConversationRef late = new ConversationRef("test", "nouveau-salon");
        fixture.links.link(late, "animacoop-7");

        fixture.runUntil(paris(11, 12, 9, 0));

        assertThat(fixture.platform.posts()).filteredOn(p -> p.target().equals("nouveau-salon"))
                .extracting(FakeChatPlatform.Sent::text)
                .anySatisfy(t -> assertThat(t).contains("semaine 7"))
                .noneSatisfy(t -> assertThat(t).contains("semaine 6"));
    }

    @Test
    void aPausedRoomGetsNothingUntilItsPauseEndsAndAnUnlinkedRoomNothingMore() {
        fixture.pauses.pause(SALON, new RoomPauses.Pause(java.time.LocalDate.of(2012, 11, 13)));
        fixture.links.unlink(ROOM_B);

        fixture.runUntil(paris(11, 12, 9, 0));
        assertThat(fixture.platform.posts()).isEmpty();
        assertThat(fixture.other.posts()).isEmpty();

        fixture.runUntil(paris(11, 15, 9, 0));
        assertThat(fixture.platform.posts()).singleElement()
                .satisfies(p -> assertThat(p.text()).contains("Rappel — Animacoop 7 : Regroupement de mi-parcours",
                        "Demain, jeudi 15 novembre 2012 à 9 h 30", "Tiers-lieu La Coop, Montpellier",
                        "https://animacoop.example.org/inscription-7"));
    }

    @Test
    void aLearnerWhoAskedForRemindersGetsThemDirectlyButNotThePrompts() {
        fixture.platform.say("lea", "salon", "rappels oui");

        fixture.runUntil(paris(11, 14, 18, 0));

        assertThat(fixture.platform.directs()).extracting(FakeChatPlatform.Sent::target).containsOnly("lea");
        assertThat(fixture.platform.directs()).extracting(FakeChatPlatform.Sent::text).satisfiesExactly(
                weekBefore -> assertThat(weekBefore).contains("Regroupement de mi-parcours", "Dans 7 jours"),
                dayBefore -> assertThat(dayBefore).contains("Regroupement de mi-parcours", "Demain"));
        assertThat(fixture.platform.posts()).extracting(FakeChatPlatform.Sent::text)
                .anySatisfy(t -> assertThat(t).contains("semaine 7"));
    }

    @Test
    void aPromptMissedDuringADowntimeGoesOutLateWithinSixHours() {
        fixture.clock.set(paris(11, 12, 14, 30));
        fixture.core.automaticPosts().postDue("prompt/animacoop-7/w7");

        assertThat(about(fixture.platform, "semaine 7")).hasSize(1);
    }

    @Test
    void aPromptMissedForLongerIsSkippedAndNoOldPostStormsTheRoom() {
        // down from Monday 5 to Monday 19 November, 10:00: week 7's prompt, both reminders of the gathering of
        // the 15th (it is over) are no longer useful; week 8's prompt, due at 09:00, still is
        fixture.downUntil(paris(11, 19, 10, 0));

        assertThat(fixture.platform.posts()).extracting(FakeChatPlatform.Sent::text).singleElement()
                .satisfies(t -> assertThat(t).contains("semaine 8"));
    }

    @Test
    void afterADowntimeOnlyTheNewestReminderOfAnEventGoesOut() {
        fixture.clock.set(paris(11, 14, 20, 0));
        fixture.core.automaticPosts().postDue("gathering/animacoop-7/2012-11-15T09:30/d7");
        fixture.core.automaticPosts().postDue("gathering/animacoop-7/2012-11-15T09:30/d1");

        assertThat(fixture.platform.posts()).extracting(FakeChatPlatform.Sent::text)
                .filteredOn(t -> t.contains("Regroupement de mi-parcours")).singleElement()
                .satisfies(t -> assertThat(t).contains("Demain"));
    }

    @Test
    void afterADataChangeTheTimersFollowAMovedGatheringAndARemovedWeek() {
        Session before = TestCatalogs.animacoop7();
        Session moved = new Session(before.id(), before.name(), before.territory(), before.start(), before.end(),
                before.hours(), before.registration(), before.facilitators(), before.description(),
                List.of(new Gathering(LocalDateTime.of(2012, 11, 22, 9, 30), "Tiers-lieu La Coop, Montpellier",
                        "Regroupement de mi-parcours")),
                before.weeks().stream().filter(w -> w.number() != 7).toList());

        fixture.reloadWith(new Catalog(Network.DEFAULT, List.of(moved, TestCatalogs.animacoop8()), List.of()));

        assertThat(fixture.timers.postTimers())
                .containsKey("gathering/animacoop-7/2012-11-22T09:30/d1")
                .doesNotContainKeys("gathering/animacoop-7/2012-11-15T09:30/d1", "prompt/animacoop-7/w7");
        fixture.runUntil(paris(11, 21, 18, 0));
        assertThat(fixture.platform.posts()).extracting(FakeChatPlatform.Sent::text)
                .noneSatisfy(t -> assertThat(t).contains("semaine 7"))
                .anySatisfy(t -> assertThat(t).contains("jeudi 22 novembre 2012"));
    }

    @Test
    void aPostAlreadySentIsNeverSentAgainBecauseItsTextChanged() {
        fixture.runUntil(paris(11, 12, 9, 0));
        Session before = TestCatalogs.animacoop7();
        Session edited = new Session(before.id(), before.name(), before.territory(), before.start(), before.end(),
                before.hours(), before.registration(), before.facilitators(), before.description(),
                before.gatherings(), before.weeks().stream().map(w -> w.number() == 7
                        ? new org.animfr.animabot.core.session.Week(7, w.theme(), "Nouvelle consigne") : w).toList());

        fixture.reloadWith(new Catalog(Network.DEFAULT, List.of(edited, TestCatalogs.animacoop8()), List.of()));
        fixture.core.automaticPosts().postDue("prompt/animacoop-7/w7");

        assertThat(about(fixture.platform, "semaine 7")).singleElement()
                .satisfies(p -> assertThat(p.text()).doesNotContain("Nouvelle consigne"));
        assertThat(fixture.timers.postTimers()).doesNotContainKey("prompt/animacoop-7/w7");
    }

    @Test
    void aPlatformThatIsDownIsRetriedWithGrowingDelaysUntilItTakesThePost() {
        fixture.runUntil(paris(11, 12, 8, 0));
        fixture.other.clearSent();
        fixture.other.failing("room-b");
        fixture.runUntil(paris(11, 12, 9, 0));
        assertThat(fixture.other.posts()).isEmpty();
        assertThat(fixture.timers.retryTimers().values()).containsExactly(paris(11, 12, 9, 0).plusSeconds(30));

        fixture.runUntil(paris(11, 12, 9, 1));
        assertThat(fixture.timers.retryTimers().values()).containsExactly(paris(11, 12, 9, 0).plusSeconds(90));
        fixture.other.notFailing("room-b");
        fixture.runUntil(paris(11, 12, 9, 3));

        assertThat(fixture.other.posts()).singleElement().satisfies(p -> assertThat(p.text()).contains("semaine 7"));
        assertThat(about(fixture.platform, "semaine 7")).hasSize(1);
        assertThat(fixture.timers.retryTimers()).isEmpty();
    }

    @Test
    void aConversationThatIsGoneIsGivenUpAfterAFewAttemptsWithoutHoldingTheOthers() {
        fixture.runUntil(paris(11, 12, 8, 0));
        GoneRoom gone = new GoneRoom();
        fixture.platforms.add(gone);
        fixture.links.link(new ConversationRef("gone", "deleted-channel"), "animacoop-7");

        fixture.runUntil(paris(11, 12, 9, 0));
        assertThat(about(fixture.platform, "semaine 7")).hasSize(1);
        fixture.runUntil(paris(11, 12, 10, 0));

        assertThat(gone.attempts).hasValue(3);
        assertThat(fixture.outbox.deliveriesOf("prompt/animacoop-7/w7"))
                .filteredOn(d -> d.target().id().equals("room:gone:deleted-channel")).singleElement()
                .satisfies(d -> assertThat(d.state()).isEqualTo(Delivery.State.FAILED));
        assertThat(fixture.timers.retryTimers()).isEmpty();
    }

    @Test
    void aFanOutInterruptedByAStopIsFinishedWhenTheTimerFiresAgainAndNothingIsDoubled() {
        fixture.runUntil(paris(11, 12, 8, 0));
        fixture.other.failing("room-b");
        fixture.runUntil(paris(11, 12, 9, 0));
        // as if the bot stopped after sending to one room: the other delivery is still pending
        fixture.other.notFailing("room-b");

        fixture.core.automaticPosts().postDue("prompt/animacoop-7/w7");

        assertThat(about(fixture.platform, "semaine 7")).hasSize(1);
        assertThat(about(fixture.other, "semaine 7")).hasSize(1);
    }

    @Test
    void sendingAgainADeliveryThePlatformAlreadyTookMakesNoSecondMessage() {
        fixture.runUntil(paris(11, 12, 9, 0));
        Delivery delivered = fixture.outbox.deliveriesOf("prompt/animacoop-7/w7").get(0);
        List<FakeChatPlatform.Sent> before = fixture.platform.posts();
        FakeChatPlatform.Sent prompt = about(fixture.platform, "semaine 7").get(0);

        // as if the bot crashed between the platform taking it and writing it down
        fixture.platform.post(SALON, new Outgoing(prompt.reply(), delivered.idempotencyKey(), null));

        assertThat(fixture.platform.posts()).isEqualTo(before);
    }

    private static List<FakeChatPlatform.Sent> about(FakeChatPlatform platform, String fragment) {
        return platform.posts().stream().filter(p -> p.text().contains(fragment)).toList();
    }

    /** A platform whose only conversation was deleted. */
    private static final class GoneRoom implements ChatPlatform {
        final AtomicInteger attempts = new AtomicInteger();
        final List<Outgoing> posted = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "gone";
        }

        @Override
        public void start(MessageHandler handler) {}

        @Override
        public CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(DeliveryException.gone("Unknown Channel", null));
        }

        @Override
        public CompletionStage<Void> sendDirect(PersonRef person, Outgoing message) {
            return CompletableFuture.failedFuture(DeliveryException.gone("Unknown user", null));
        }

        @Override
        public PlatformStatus status() {
            return PlatformStatus.CONNECTED;
        }

        @Override
        public void stop() {}
    }
}
