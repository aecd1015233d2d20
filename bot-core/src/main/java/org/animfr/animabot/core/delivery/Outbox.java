package org.animfr.animabot.core.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of what the bot sends on its own: posts and their deliveries. Implementations are durable (a
 * record written is there after a crash), safe to use from several threads and several instances sharing one
 * database, and idempotent where it says so.
 */
public interface Outbox {

    /**
     * Records a post and a pending delivery for each target, in one transaction. A post already recorded keeps its
     * content, and a target it already has keeps its delivery (in whatever state), so recording twice is harmless.
     *
     * @return every delivery of the post, old and new
     */
    List<Delivery> record(Post post, List<Target> targets);

    /** The post recorded with this key, if any. */
    Optional<Post> post(String key);

    /** Every delivery of the post, in the order they were recorded. */
    List<Delivery> deliveriesOf(String postKey);

    Optional<Delivery> delivery(long id);

    /** The delivery was taken by its platform at that instant. */
    void markSent(long id, Instant at);

    /** One more attempt failed, for this reason; returns how many have failed so far. Ends a hand-over. */
    int markAttemptFailed(long id, String reason);

    /**
     * One more attempt was made by an instance that does not reach the target (another instance does): counted as
     * a failed attempt, and the delivery is handed over, for {@link #handedOver} to list until it is sent, given up
     * or fails otherwise. Returns how many attempts have failed so far.
     */
    int markHandedOver(long id, String reason);

    /**
     * Pending deliveries handed over by an instance that does not reach their target, with an id above
     * {@code afterId}, by id: a page of at most {@code limit}.
     */
    List<Delivery> handedOver(long afterId, int limit);

    /** The delivery is given up, for this reason. */
    void markFailed(long id, String reason);

    /** How many deliveries are still to be sent (the backlog: waiting for their first attempt or a retry). */
    long pendingCount();

    /**
     * Forgets every delivery to the target (a person who asked to be forgotten), and the posts left without any
     * delivery.
     */
    void forgetTarget(String targetId);

    /** Forgets the post and its deliveries (a post that names someone who asked to be forgotten). */
    void forgetPost(String postKey);
}
