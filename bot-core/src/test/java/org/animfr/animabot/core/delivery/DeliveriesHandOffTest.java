package org.animfr.animabot.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.chat.DeliveryException;
import org.animfr.animabot.core.chat.Outgoing;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.testing.FakeChatPlatform;
import org.animfr.animabot.core.testing.InMemoryOutbox;
import org.animfr.animabot.core.testing.ManualTimers;
import org.junit.jupiter.api.Test;

/**
 * A delivery this instance cannot make but another can (its platform, or its Discord shard, runs there) is handed
 * over through the outbox: the instance that reaches the target takes it and sends it once; one nobody reaches is
 * given up as any failing delivery.
 */
class DeliveriesHandOffTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final ConversationRef ELSEWHERE = new ConversationRef("discord", "900");
    private static final ConversationRef MATRIX_ROOM = new ConversationRef("matrix", "!room:example.org");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final ManualTimers timers = new ManualTimers();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Discord in an instance holding another shard than the channel's. */
    private static final class OtherShard extends FakeChatPlatform {
        OtherShard() {
            super("discord");
        }

        @Override
        public synchronized CompletionStage<Void> post(ConversationRef conversation, Outgoing message) {
            return CompletableFuture.failedFuture(DeliveryException.elsewhere("Discord channel not on shards 0/2"));
        }

        @Override
        public boolean reaches(ConversationRef conversation) {
            return false;
        }
    }

    /** Discord in an instance holding all the shards but the channel's, which it knows as another's. */
    private static final class ReachingShard extends FakeChatPlatform {
        ReachingShard() {
            super("discord");
        }

        @Override
        public boolean reaches(ConversationRef conversation) {
            return conversation.equals(ELSEWHERE);
        }
    }

    @Test
    void aTargetOfAnotherInstanceIsHandedOverAndTheInstanceThatReachesItSendsIt() {
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(new OtherShard())), timers, clock);
        FakeChatPlatform reaching = new ReachingShard();
        Deliveries there = new Deliveries(outbox, new ChatPlatforms(List.of(reaching)), timers, clock);

        Deliveries.Report report = send(here, ELSEWHERE);

        assertThat(report.pending()).hasSize(1);
        Delivery pending = report.pending().get(0);
        assertThat(pending.lastError()).contains("not on shards 0/2");
        assertThat(outbox.handedOver(0, 10)).extracting(Delivery::id).containsExactly(pending.id());
        assertThat(here.sendHandedOver()).as("not for the instance that handed it over").isZero();

        assertThat(there.sendHandedOver()).isEqualTo(1);

        assertThat(reaching.posts()).extracting(FakeChatPlatform.Sent::text).containsExactly("Regroupement jeudi");
        assertThat(outbox.delivery(pending.id()).orElseThrow().state()).isEqualTo(Delivery.State.SENT);
        assertThat(outbox.handedOver(0, 10)).isEmpty();
        assertThat(there.sendHandedOver()).as("sent once").isZero();
        assertThat(reaching.posts()).hasSize(1);
    }

    @Test
    void manyHandedOverForAnInstanceThatIsDownDoNotHideThoseThisOneReaches() {
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(new OtherShard())), timers, clock);
        List<Target> targets = new java.util.ArrayList<>();
        for (int i = 0; i <= Deliveries.HANDED_OVER_PAGE; i++) {
            targets.add(new Target.Room(new ConversationRef("matrix", "!room" + i + ":example.org")));
        }
        targets.add(new Target.Room(ELSEWHERE));
        here.send(new Post("announcement-2", Reply.plain("Regroupement jeudi"), null, null), targets)
                .toCompletableFuture().join();
        FakeChatPlatform reaching = new ReachingShard();
        Deliveries there = new Deliveries(outbox, new ChatPlatforms(List.of(reaching)), timers, clock);

        assertThat(there.sendHandedOver()).isEqualTo(1);

        assertThat(reaching.posts()).extracting(FakeChatPlatform.Sent::target).containsExactly(ELSEWHERE.id());
    }

    @Test
    void aTargetOnAPlatformThatRunsInAnotherInstanceIsHandedOverToIt() {
        Deliveries discordOnly = new Deliveries(outbox, new ChatPlatforms(List.of(new FakeChatPlatform("discord"))),
                timers, clock);
        FakeChatPlatform matrix = new FakeChatPlatform("matrix");
        Deliveries withMatrix = new Deliveries(outbox, new ChatPlatforms(List.of(matrix)), timers, clock);

        Deliveries.Report report = send(discordOnly, MATRIX_ROOM);

        assertThat(report.pending()).hasSize(1);
        assertThat(discordOnly.sendHandedOver()).isZero();
        assertThat(withMatrix.sendHandedOver()).isEqualTo(1);
        assertThat(matrix.posts()).extracting(FakeChatPlatform.Sent::text).containsExactly("Regroupement jeudi");
        assertThat(outbox.delivery(report.pending().get(0).id()).orElseThrow().state())
                .isEqualTo(Delivery.State.SENT);
    }

    @Test
    void aTargetNoInstanceReachesIsGivenUpAsAnyFailingDelivery() {
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(new OtherShard())), timers, clock);
        long id = send(here, ELSEWHERE).pending().get(0).id();
        assertThat(timers.retryTimers().get(id)).as("the way back when nobody takes it").isEqualTo(NOW.plusSeconds(30));

        for (int attempt = 2; attempt < Deliveries.MAX_ATTEMPTS; attempt++) {
            here.retry(id).toCompletableFuture().join();
        }
        assertThat(outbox.delivery(id).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);
        here.retry(id).toCompletableFuture().join();

        Delivery given = outbox.delivery(id).orElseThrow();
        assertThat(given.state()).isEqualTo(Delivery.State.FAILED);
        assertThat(outbox.handedOver(0, 10)).isEmpty();
    }

    @Test
    void aHandedOverDeliveryThatFailsOtherwiseIsNoLongerHandedOver() {
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(new OtherShard())), timers, clock);
        FakeChatPlatform reaching = new ReachingShard();
        reaching.failing(ELSEWHERE.id());
        Deliveries there = new Deliveries(outbox, new ChatPlatforms(List.of(reaching)), timers, clock);
        long id = send(here, ELSEWHERE).pending().get(0).id();

        there.sendHandedOver();

        assertThat(outbox.handedOver(0, 10)).as("back to its retry timer, not taken again every second").isEmpty();
        assertThat(outbox.delivery(id).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);
        assertThat(outbox.delivery(id).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aRealFailureStillWaitsItsBackoff() {
        FakeChatPlatform discord = new FakeChatPlatform("discord");
        discord.failing(ELSEWHERE.id());
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(discord)), timers, clock);

        Delivery pending = send(here, ELSEWHERE).pending().get(0);

        assertThat(timers.retryTimers().get(pending.id())).isEqualTo(NOW.plusSeconds(30));
        assertThat(outbox.handedOver(0, 10)).isEmpty();
    }

    private Deliveries.Report send(Deliveries deliveries, ConversationRef target) {
        Post post = new Post("announcement-1", Reply.plain("Regroupement jeudi"), null, null);
        return deliveries.send(post, List.of(new Target.Room(target))).toCompletableFuture().join();
    }
}
