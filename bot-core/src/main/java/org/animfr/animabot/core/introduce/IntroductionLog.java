package org.animfr.animabot.core.introduce;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The history of introductions: who was introduced to whom in which round, and the follow-up answers. It is what
 * keeps a pair from being introduced twice, until one of them is erased. Implementations are durable, thread-safe
 * and safe to share between instances on one database.
 */
public interface IntroductionLog {

    /**
     * Records a round's groups (learner ids, group number = index) at an instant, in one transaction. Recording a
     * round that is already recorded changes nothing, so a round retried after a crash keeps its first groups.
     */
    void record(String roundKey, List<List<Long>> groups, Instant at);

    /** Every learner's place in the round, by group then learner id; empty when the round was never recorded. */
    List<Introduction> round(String roundKey);

    /** Every introduction of the learner, oldest first. */
    List<Introduction> of(long learnerId);

    /** Every pair of learners ever introduced together, as {@link Pair}s with the smaller id first. */
    Set<Pair> pairs();

    /** Records the learner's follow-up answer in the round; false when they were not in it. */
    boolean answer(String roundKey, long learnerId, FollowUpAnswer answer, Instant at);

    /** Counts over every round: learners introduced, and their answers. */
    Tally tally();

    /** After two accounts were joined: the absorbed learner's history becomes the kept one's. */
    void move(long fromLearnerId, long toLearnerId);

    /** Forgets every introduction of the learner. */
    void forget(long learnerId);

    /** Two learners, the smaller id first. */
    record Pair(long first, long second) {
        public static Pair of(long a, long b) {
            return a < b ? new Pair(a, b) : new Pair(b, a);
        }
    }

    /**
     * @param introduced introductions made (one per learner and round)
     * @param met answered that they met
     * @param notYet answered not yet
     * @param declined answered they would rather not
     */
    record Tally(int introduced, int met, int notYet, int declined) {
        public int unanswered() {
            return introduced - met - notYet - declined;
        }
    }
}
