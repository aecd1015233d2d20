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
 * over: tried again within seconds, wherever the retry runs, without spending the attempts of real failures.
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
    }

    @Test
    void aTargetOfAnotherInstanceIsTriedAgainWithinSecondsAndStaysPending() {
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(new OtherShard())), timers, clock);

        Deliveries.Report report = send(here, ELSEWHERE);

        assertThat(report.pending()).hasSize(1);
        assertThat(report.failed()).isEmpty();
        Delivery pending = report.pending().get(0);
        assertThat(timers.retryTimers().get(pending.id())).isBetween(NOW.plusSeconds(1), NOW.plusSeconds(3));
        assertThat(pending.lastError()).contains("not on shards 0/2");
    }

    @Test
    void aTargetOnAPlatformThatRunsInAnotherInstanceIsHandedOverToo() {
        Deliveries discordOnly = new Deliveries(outbox, new ChatPlatforms(List.of(new FakeChatPlatform("discord"))),
                timers, clock);

        Deliveries.Report report = send(discordOnly, MATRIX_ROOM);

        assertThat(report.pending()).hasSize(1);
        assertThat(timers.retryTimers().get(report.pending().get(0).id()))
                .isBetween(NOW.plusSeconds(1), NOW.plusSeconds(3));
        FakeChatPlatform matrix = new FakeChatPlatform("matrix");
        Deliveries withMatrix = new Deliveries(outbox, new ChatPlatforms(List.of(matrix)), timers, clock);
        withMatrix.retry(report.pending().get(0).id()).toCompletableFuture().join();
        assertThat(matrix.posts()).extracting(FakeChatPlatform.Sent::text).containsExactly("Regroupement jeudi");
        assertThat(outbox.delivery(report.pending().get(0).id()).orElseThrow().state())
                .isEqualTo(Delivery.State.SENT);
    }

    @Test
    void handOversOutlastTheAttemptsOfRealFailuresThenStop() {
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(new OtherShard())), timers, clock);
        long id = send(here, ELSEWHERE).pending().get(0).id();

        for (int attempt = 2; attempt < Deliveries.MAX_HANDOFFS; attempt++) {
            here.retry(id).toCompletableFuture().join();
        }
        assertThat(Deliveries.MAX_HANDOFFS).isGreaterThan(Deliveries.MAX_ATTEMPTS);
        assertThat(outbox.delivery(id).orElseThrow().state()).isEqualTo(Delivery.State.PENDING);

        here.retry(id).toCompletableFuture().join();

        Delivery given = outbox.delivery(id).orElseThrow();
        assertThat(given.state()).isEqualTo(Delivery.State.FAILED);
        assertThat(given.lastError()).contains("no instance of the bot reaches it");
    }

    @Test
    void aRealFailureStillWaitsItsBackoff() {
        FakeChatPlatform discord = new FakeChatPlatform("discord");
        discord.failing(ELSEWHERE.id());
        Deliveries here = new Deliveries(outbox, new ChatPlatforms(List.of(discord)), timers, clock);

        Delivery pending = send(here, ELSEWHERE).pending().get(0);

        assertThat(timers.retryTimers().get(pending.id())).isEqualTo(NOW.plusSeconds(30));
    }

    private Deliveries.Report send(Deliveries deliveries, ConversationRef target) {
        Post post = new Post("announcement-1", Reply.plain("Regroupement jeudi"), null, null);
        return deliveries.send(post, List.of(new Target.Room(target))).toCompletableFuture().join();
    }
}
