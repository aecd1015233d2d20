package org.animfr.animabot.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.animfr.animabot.core.chat.CommandCall;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.chat.RichText;
import org.animfr.animabot.core.chat.RichText.Bold;
import org.animfr.animabot.core.chat.RichText.Link;
import org.animfr.animabot.core.chat.RichText.Plain;
import org.animfr.animabot.core.delivery.Delivery;
import org.animfr.animabot.core.delivery.Delivery.State;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.schedule.RoomPauses.Pause;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The outbox, room pauses, reminder choices and db-scheduler's table: the behaviour both databases must show; each
 * subclass supplies a migrated, empty database.
 */
abstract class OutboxPausesRemindersContract {

    private static final ConversationRef DISCORD_CHANNEL = new ConversationRef("discord", "1234567890");
    private static final ConversationRef MATRIX_ROOM = new ConversationRef("matrix", "!abc:example.org");
    private static final PersonRef ANA = new PersonRef("matrix", "@ana:example.org");
    private static final PersonRef BOB = new PersonRef("discord", "42");
    private static final PersonRef CAMILLE = new PersonRef("console", "camille");
    private static final Target CHANNEL = new Target.Room(DISCORD_CHANNEL);
    private static final Target ROOM = new Target.Room(MATRIX_ROOM);
    private static final Target TO_ANA = new Target.Person(ANA);

    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private JdbcClient jdbc;
    private JdbcOutbox outbox;
    private JdbcRoomPauses pauses;
    private JdbcReminderChoices reminders;

    /** A database with the Flyway migrations applied and no rows. */
    protected abstract DataSource migratedEmptyDatabase();

    @BeforeEach
    void createAdapters() {
        DataSource database = migratedEmptyDatabase();
        jdbc = JdbcClient.create(database);
        // what Spring Boot auto-configures on the data source
        outbox = new JdbcOutbox(jdbc, new JdbcTransactionManager(database), clock);
        pauses = new JdbcRoomPauses(jdbc, clock);
        reminders = new JdbcReminderChoices(jdbc, clock);
    }

    /**
     * Every kind of block and span, a title, follow-ups with and without arguments, and awkward characters (a NUL,
     * which PostgreSQL refuses in text columns, is escaped in JSON).
     */
    static Reply everyKindOfReply() {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("session", "animacoop-7");
        arguments.put("week", "3");
        arguments.put("text", "l'été \"chaud\" & 100 % = ok?");
        RichText body = RichText.builder()
                .paragraph(new Bold("Semaine 3 : coopérer"),
                        new Plain(" — à vos claviers 🎉\nligne 2\t<b>pas du HTML</b>"))
                .paragraph(new Plain("Voir "), new Link("le wiki", "https://example.org/wiki?a=1&b=%20"),
                        new Plain(" ou "), new Link("https://example.org", "https://example.org"))
                .bullets(List.of(
                        List.of(new Bold("Jeudi"), new Plain(" 18 h")),
                        List.of(new Link("visio", "https://visio.example.org/room")),
                        List.of(new Plain("\\ antislash, {accolades}, [crochets], ‘guillemets’, NUL \u0000, \u0007"))))
                .paragraph(new Plain(""))
                .build();
        return new Reply(body, Reply.Visibility.PERSONAL, "Animacoop 7 : semaine 3", List.of(
                new Reply.FollowUp("Voir les regroupements", new CommandCall("gatherings", arguments),
                        "regroupements animacoop-7"),
                new Reply.FollowUp("Aide", new CommandCall("help"), "aide")));
    }

    private static Post post(String key, String text) {
        return new Post(key, Reply.plain(text), null, null);
    }

    @Test
    void recordingGivesAPendingDeliveryPerTargetInTheirOrder() {
        Post post = new Post("prompt/animacoop-7/w3", Reply.plain("Semaine 3"), "Semaine 3",
                Instant.parse("2025-03-08T09:00:00Z"));

        List<Delivery> recorded = outbox.record(post, List.of(CHANNEL, TO_ANA, ROOM));

        assertThat(recorded).extracting(Delivery::target).containsExactly(CHANNEL, TO_ANA, ROOM);
        assertThat(recorded).allSatisfy(delivery -> {
            assertThat(delivery.postKey()).isEqualTo(post.key());
            assertThat(delivery.state()).isEqualTo(State.PENDING);
            assertThat(delivery.attempts()).isZero();
            assertThat(delivery.lastError()).isNull();
        });
        assertThat(recorded).extracting(Delivery::id).isSorted().doesNotHaveDuplicates();
        assertThat(outbox.deliveriesOf(post.key())).isEqualTo(recorded);
        assertThat(outbox.post(post.key())).contains(post);
        assertThat(outbox.delivery(recorded.get(1).id())).contains(recorded.get(1));
    }

    @Test
    void recordingTwiceChangesNothingAndKeepsTheFirstContent() {
        Post first = new Post("announce/1", Reply.plain("Première version"), "Fil",
                Instant.parse("2025-03-02T00:00:00Z"));
        Post edited = new Post("announce/1", Reply.plain("Version modifiée"), null, null);
        List<Delivery> recorded = outbox.record(first, List.of(CHANNEL, TO_ANA));
        clock.advance(Duration.ofMinutes(5));

        List<Delivery> again = outbox.record(edited, List.of(CHANNEL, TO_ANA));

        assertThat(again).isEqualTo(recorded);
        assertThat(outbox.post("announce/1")).contains(first);
    }

    @Test
    void aTargetAddedLaterGetsADeliveryAndTheOthersKeepTheirState() {
        Post post = post("announce/2", "Bonjour");
        List<Delivery> recorded = outbox.record(post, List.of(CHANNEL, ROOM));
        outbox.markSent(recorded.get(0).id(), clock.instant());
        outbox.markAttemptFailed(recorded.get(1).id(), "timeout");

        List<Delivery> again = outbox.record(post, List.of(TO_ANA, ROOM, CHANNEL));

        assertThat(again).extracting(Delivery::target).containsExactly(CHANNEL, ROOM, TO_ANA);
        assertThat(again).extracting(Delivery::state).containsExactly(State.SENT, State.PENDING, State.PENDING);
        assertThat(again).extracting(Delivery::attempts).containsExactly(0, 1, 0);
        assertThat(again.subList(0, 2)).extracting(Delivery::id)
                .containsExactly(recorded.get(0).id(), recorded.get(1).id());
    }

    @Test
    void aTargetListedTwiceGetsOneDelivery() {
        List<Delivery> recorded = outbox.record(post("announce/3", "Bonjour"), List.of(TO_ANA, TO_ANA, CHANNEL));

        assertThat(recorded).extracting(Delivery::target).containsExactly(TO_ANA, CHANNEL);
    }

    @Test
    void aPostWithNoTargetsIsRecordedAlone() {
        List<Delivery> recorded = outbox.record(post("announce/4", "Personne"), List.of());

        assertThat(recorded).isEmpty();
        assertThat(outbox.post("announce/4")).isPresent();
    }

    @Test
    void deliveriesOfOnePostAreNotAnothers() {
        outbox.record(post("announce/5", "Un"), List.of(CHANNEL));
        outbox.record(post("announce/6", "Deux"), List.of(CHANNEL, ROOM));

        assertThat(outbox.deliveriesOf("announce/5")).extracting(Delivery::target).containsExactly(CHANNEL);
        assertThat(outbox.deliveriesOf("announce/6")).extracting(Delivery::target).containsExactly(CHANNEL, ROOM);
    }

    @Test
    void aReplyWithEveryKindOfBlockAndSpanReadsBackEqual() {
        Post post = new Post("prompt/animacoop-7/w3", everyKindOfReply(), "Semaine 3 : coopérer 🎉",
                Instant.parse("2025-03-08T09:30:00.123456Z"));

        outbox.record(post, List.of(CHANNEL));

        assertThat(outbox.post(post.key())).contains(post);
    }

    @Test
    void aPlainPostWithoutThreadNorEndReadsBackEqual() {
        Post post = new Post("announce/7", Reply.plain("Simple"), null, null);

        outbox.record(post, List.of(CHANNEL));

        assertThat(outbox.post(post.key())).contains(post);
    }

    @Test
    void aLongMessageIsKeptWhole() {
        String text = "Un long message, ".repeat(1_500);
        List<List<RichText.Span>> items = IntStream.range(0, 200)
                .mapToObj(i -> List.<RichText.Span>of(new Bold("Point " + i), new Plain(" : détails")))
                .toList();
        Reply reply = Reply.of(RichText.builder().paragraph(text).bullets(items).build());
        Post post = new Post("announce/8", reply, null, null);
        assertThat(ReplyJson.write(reply).length()).isGreaterThan(30_000);

        outbox.record(post, List.of(CHANNEL));

        assertThat(outbox.post(post.key())).contains(post);
    }

    @Test
    void aKeyAndTargetsAsLongAsTheColumnsAllowAreRecorded() {
        String key = "announce/" + "k".repeat(512 - "announce/".length());
        String roomId = "!" + "r".repeat(512 - "room:matrix:!".length());
        Target longRoom = new Target.Room(new ConversationRef("matrix", roomId));

        List<Delivery> recorded = outbox.record(post(key, "Long"), List.of(longRoom));

        assertThat(recorded).extracting(Delivery::target).containsExactly(longRoom);
        assertThat(outbox.post(key)).isPresent();
    }

    @Test
    void aRecordingThatFailsLeavesNeitherPostNorDeliveries() {
        Target tooLong = new Target.Room(new ConversationRef("matrix", "!" + "x".repeat(600)));

        assertThatThrownBy(() -> outbox.record(post("announce/9", "Rien"), List.of(CHANNEL, tooLong)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(outbox.post("announce/9")).isEmpty();
        assertThat(outbox.deliveriesOf("announce/9")).isEmpty();
    }

    @Test
    void aSentDeliveryIsMarkedWithItsInstant() {
        Delivery delivery = outbox.record(post("announce/10", "Envoyé"), List.of(CHANNEL)).get(0);
        Instant sentAt = Instant.parse("2025-03-01T09:00:01.5Z");

        outbox.markSent(delivery.id(), sentAt);

        assertThat(outbox.delivery(delivery.id())).hasValueSatisfying(sent -> {
            assertThat(sent.state()).isEqualTo(State.SENT);
            assertThat(sent.attempts()).isZero();
        });
        assertThat(jdbc.sql("SELECT sent_at FROM delivery WHERE id = :id").param("id", delivery.id())
                .query((row, number) -> row.getObject("sent_at", OffsetDateTime.class).toInstant()).single())
                .isEqualTo(sentAt);
    }

    @Test
    void aHandedOverDeliveryIsListedUntilItIsSentGivenUpOrFailsOtherwise() {
        List<Delivery> recorded = outbox.record(post("announce/12", "Ailleurs"), List.of(CHANNEL, ROOM, TO_ANA));
        Delivery channel = recorded.get(0);
        Delivery room = recorded.get(1);
        Delivery ana = recorded.get(2);

        assertThat(outbox.markHandedOver(channel.id(), "Discord channel not on shards 0/2")).isEqualTo(1);
        outbox.markHandedOver(room.id(), "Platform matrix does not run in this instance");
        outbox.markHandedOver(ana.id(), "Platform matrix does not run in this instance");
        assertThat(outbox.handedOver(0, 10)).extracting(Delivery::id)
                .containsExactly(channel.id(), room.id(), ana.id());
        assertThat(outbox.handedOver(0, 2)).extracting(Delivery::id).containsExactly(channel.id(), room.id());
        assertThat(outbox.handedOver(room.id(), 2)).as("the next page").extracting(Delivery::id)
                .containsExactly(ana.id());
        assertThat(outbox.handedOver(0, 10).get(0).lastError()).isEqualTo("Discord channel not on shards 0/2");

        outbox.markSent(channel.id(), clock.instant());
        outbox.markFailed(room.id(), "given up");
        assertThat(outbox.handedOver(0, 10)).extracting(Delivery::id).containsExactly(ana.id());

        assertThat(outbox.markAttemptFailed(ana.id(), "M_FORBIDDEN")).isEqualTo(2);
        assertThat(outbox.handedOver(0, 10)).isEmpty();
        assertThat(outbox.delivery(ana.id())).hasValueSatisfying(pending -> {
            assertThat(pending.state()).isEqualTo(State.PENDING);
            assertThat(pending.lastError()).isEqualTo("M_FORBIDDEN");
        });
    }

    @Test
    void eachFailedAttemptCountsAndKeepsTheLastReason() {
        Delivery delivery = outbox.record(post("announce/11", "Essais"), List.of(ROOM)).get(0);

        int first = outbox.markAttemptFailed(delivery.id(), "timeout");
        int second = outbox.markAttemptFailed(delivery.id(), "rate limited");
        int third = outbox.markAttemptFailed(delivery.id(), "502 Bad Gateway");

        assertThat(List.of(first, second, third)).containsExactly(1, 2, 3);
        assertThat(outbox.delivery(delivery.id())).hasValueSatisfying(pending -> {
            assertThat(pending.state()).isEqualTo(State.PENDING);
            assertThat(pending.attempts()).isEqualTo(3);
            assertThat(pending.lastError()).isEqualTo("502 Bad Gateway");
        });
    }

    @Test
    void concurrentFailedAttemptsAreAllCounted() throws Exception {
        Delivery delivery = outbox.record(post("announce/12", "Essais"), List.of(ROOM)).get(0);

        List<Integer> counts = AtOnce.run(Collections.nCopies(8,
                (Callable<Integer>) () -> outbox.markAttemptFailed(delivery.id(), "timeout")));

        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(outbox.delivery(delivery.id())).hasValueSatisfying(d -> assertThat(d.attempts()).isEqualTo(8));
    }

    @Test
    void aGivenUpDeliveryIsFailedWithItsReason() {
        Delivery delivery = outbox.record(post("announce/13", "Abandon"), List.of(TO_ANA)).get(0);
        outbox.markAttemptFailed(delivery.id(), "Unknown room");

        outbox.markFailed(delivery.id(), "no longer useful");

        assertThat(outbox.delivery(delivery.id())).contains(
                new Delivery(delivery.id(), "announce/13", TO_ANA, State.FAILED, 1, "no longer useful"));
    }

    @Test
    void aLongOrOddReasonIsStoredShortened() {
        Delivery delivery = outbox.record(post("announce/14", "Erreurs"), List.of(CHANNEL)).get(0);
        String reason = "boom\0" + "é".repeat(5_000);

        outbox.markAttemptFailed(delivery.id(), reason);

        String stored = outbox.delivery(delivery.id()).orElseThrow().lastError();
        assertThat(stored).hasSize(JdbcOutbox.MAX_ERROR_LENGTH).startsWith("boom\uFFFDéé").endsWith("é…");
    }

    @Test
    void unknownPostsAndDeliveriesAreEmpty() {
        outbox.record(post("announce/15", "Là"), List.of(CHANNEL));

        assertThat(outbox.post("announce/unknown")).isEmpty();
        assertThat(outbox.deliveriesOf("announce/unknown")).isEmpty();
        assertThat(outbox.delivery(987_654_321L)).isEmpty();
    }

    @Test
    void markingAnUnknownDeliveryFails() {
        assertThatThrownBy(() -> outbox.markSent(987_654_321L, clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.markAttemptFailed(987_654_321L, "timeout"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.markFailed(987_654_321L, "gone"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentRecordingsOfTheSamePostsLeaveOneDeliveryPerTarget() throws Exception {
        List<Post> posts = IntStream.range(0, 50).mapToObj(i -> post("announce/race-" + i, "Course " + i)).toList();
        List<Target> targets = List.of(CHANNEL, ROOM, TO_ANA);

        List<List<List<Delivery>>> byThread = AtOnce.run(Collections.nCopies(8, () -> {
            List<List<Delivery>> recorded = new ArrayList<>();
            for (Post post : posts) {
                recorded.add(outbox.record(post, targets));
            }
            return recorded;
        }));

        for (int i = 0; i < posts.size(); i++) {
            List<Delivery> deliveries = outbox.deliveriesOf(posts.get(i).key());
            assertThat(deliveries).extracting(Delivery::target).containsExactlyElementsOf(targets);
            for (List<List<Delivery>> recorded : byThread) {
                assertThat(recorded.get(i)).isEqualTo(deliveries);
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery").query(Integer.class).single()).isEqualTo(150);
    }

    @Test
    void concurrentRecordingsAddingTargetsInDifferentOrdersLeaveOneDeliveryPerTarget() throws Exception {
        Post post = post("announce/race", "Course");
        outbox.record(post, List.of(CHANNEL));
        List<Target> people = IntStream.range(0, 20)
                .<Target>mapToObj(i -> new Target.Person(new PersonRef("discord", "person-" + i))).toList();
        List<Target> reversed = new ArrayList<>(people);
        Collections.reverse(reversed);

        AtOnce.run(IntStream.range(0, 8).<Callable<List<Delivery>>>mapToObj(
                i -> () -> outbox.record(post, i % 2 == 0 ? people : reversed)).toList());

        assertThat(outbox.deliveriesOf(post.key())).extracting(Delivery::target)
                .hasSize(21).doesNotHaveDuplicates().contains(CHANNEL).containsAll(people);
    }

    @Test
    void aPauseUntilADateIsReadBack() {
        pauses.pause(DISCORD_CHANNEL, new Pause(LocalDate.of(2025, 8, 31)));

        assertThat(pauses.pauseOf(DISCORD_CHANNEL)).contains(new Pause(LocalDate.of(2025, 8, 31)));
        assertThat(pauses.pauseOf(MATRIX_ROOM)).isEmpty();
        assertThat(pauses.pauseOf(new ConversationRef("matrix", DISCORD_CHANNEL.id()))).isEmpty();
    }

    @Test
    void aPauseUntilResumedHasNoEnd() {
        pauses.pause(MATRIX_ROOM, new Pause(null));

        assertThat(pauses.pauseOf(MATRIX_ROOM)).contains(new Pause(null));
    }

    @Test
    void pausingAgainReplacesThePause() {
        pauses.pause(MATRIX_ROOM, new Pause(LocalDate.of(2025, 8, 31)));
        pauses.pause(MATRIX_ROOM, new Pause(null));
        assertThat(pauses.pauseOf(MATRIX_ROOM)).contains(new Pause(null));

        pauses.pause(MATRIX_ROOM, new Pause(LocalDate.of(2025, 12, 24)));

        assertThat(pauses.pauseOf(MATRIX_ROOM)).contains(new Pause(LocalDate.of(2025, 12, 24)));
    }

    @Test
    void resumeReturnsTrueOnceThenFalse() {
        pauses.pause(DISCORD_CHANNEL, new Pause(null));

        boolean first = pauses.resume(DISCORD_CHANNEL);
        boolean second = pauses.resume(DISCORD_CHANNEL);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(pauses.pauseOf(DISCORD_CHANNEL)).isEmpty();
    }

    @Test
    void resumingARoomNeverPausedReturnsFalse() {
        pauses.pause(DISCORD_CHANNEL, new Pause(null));

        assertThat(pauses.resume(MATRIX_ROOM)).isFalse();
        assertThat(pauses.pauseOf(DISCORD_CHANNEL)).isPresent();
    }

    @Test
    void subscribersComeInTheOrderTheySubscribed() {
        reminders.subscribe(BOB, "animacoop-7");
        clock.advance(Duration.ofMinutes(1));
        reminders.subscribe(ANA, "animacoop-7");
        clock.advance(Duration.ofMinutes(1));
        reminders.subscribe(CAMILLE, "animacoop-7");
        reminders.subscribe(ANA, "animacoop-8");

        assertThat(reminders.subscribersOf("animacoop-7")).containsExactly(BOB, ANA, CAMILLE);
        assertThat(reminders.subscribersOf("animacoop-8")).containsExactly(ANA);
        assertThat(reminders.subscribersOf("nobody-here")).isEmpty();
    }

    @Test
    void subscribingTwiceKeepsOneChoiceAndItsPlace() {
        reminders.subscribe(ANA, "animacoop-7");
        clock.advance(Duration.ofMinutes(1));
        reminders.subscribe(BOB, "animacoop-7");
        clock.advance(Duration.ofMinutes(1));

        reminders.subscribe(ANA, "animacoop-7");

        assertThat(reminders.subscribersOf("animacoop-7")).containsExactly(ANA, BOB);
        assertThat(reminders.sessionsOf(ANA)).containsExactly("animacoop-7");
    }

    @Test
    void unsubscribeReturnsTrueOnceThenFalse() {
        reminders.subscribe(ANA, "animacoop-7");
        reminders.subscribe(ANA, "animacoop-8");

        boolean first = reminders.unsubscribe(ANA, "animacoop-7");
        boolean second = reminders.unsubscribe(ANA, "animacoop-7");

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(reminders.unsubscribe(BOB, "animacoop-8")).isFalse();
        assertThat(reminders.subscribersOf("animacoop-7")).isEmpty();
        assertThat(reminders.sessionsOf(ANA)).containsExactly("animacoop-8");
    }

    @Test
    void aPersonsSessionsComeInTheOrderTheyWereChosen() {
        reminders.subscribe(ANA, "session-b");
        clock.advance(Duration.ofMinutes(1));
        reminders.subscribe(ANA, "session-a");
        reminders.subscribe(new PersonRef("discord", ANA.id()), "session-c");

        assertThat(reminders.sessionsOf(ANA)).containsExactly("session-b", "session-a");
        assertThat(reminders.sessionsOf(BOB)).isEmpty();
    }

    @Test
    void concurrentSubscriptionsOfOnePersonLeaveOneChoice() throws Exception {
        AtOnce.run(Collections.nCopies(8, (Callable<Void>) () -> {
            reminders.subscribe(BOB, "animacoop-7");
            return null;
        }));

        assertThat(reminders.subscribersOf("animacoop-7")).containsExactly(BOB);
    }

    @Test
    void theSchedulerTableTakesALongInstanceAndBinaryData() {
        String instance = "prompt/" + "i".repeat(248);
        byte[] data = new byte[1_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        OffsetDateTime at = OffsetDateTime.parse("2025-03-01T10:00:00Z");

        // the columns and calls of db-scheduler's insert: setObject(byte[]) for the data, read with getBytes
        jdbc.sql("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked,
                                                     version, priority)
                        VALUES (:name, :instance, :data, :at, :picked, 1, 0)""")
                .param("name", "post")
                .param("instance", instance)
                .param("data", data)
                .param("at", at)
                .param("picked", false)
                .update();
        jdbc.sql("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        VALUES ('replan', 'recurring', :at, FALSE, 1)""")
                .param("at", at)
                .update();
        jdbc.sql("""
                        UPDATE scheduled_tasks
                        SET picked = TRUE, picked_by = :by, last_heartbeat = :at, version = version + 1
                        WHERE task_name = 'post' AND task_instance = :instance AND version = 1""")
                .param("by", "h".repeat(50))
                .param("at", at)
                .param("instance", instance)
                .update();

        assertThat(instance).hasSize(255);
        assertThat(jdbc.sql("SELECT task_data FROM scheduled_tasks WHERE task_instance = :instance")
                .param("instance", instance)
                .query((row, number) -> row.getBytes("task_data")).single()).isEqualTo(data);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'replan' AND task_data IS NULL")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM scheduled_tasks
                        WHERE picked AND version = 2 AND execution_time <= :now""")
                .param("now", OffsetDateTime.parse("2025-03-01T11:00:00+01:00"))
                .query(Integer.class).single()).isEqualTo(1);
    }
}
