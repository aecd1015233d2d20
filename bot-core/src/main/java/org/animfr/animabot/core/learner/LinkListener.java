package org.animfr.animabot.core.learner;

/** Told when two learners became one, so that what other features keep by learner follows (their history). */
@FunctionalInterface
public interface LinkListener {

    /** The absorbed learner's accounts and profile now belong to the kept learner; called once, after the merge. */
    void merged(long keptId, long absorbedId);
}
