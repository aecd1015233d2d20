package org.animfr.animabot.core.introduce;

/** What a learner answered to "avez-vous pu échanger ?" after an introduction. */
public enum FollowUpAnswer {
    /** They met or talked. */
    MET,
    /** Not yet. */
    NOT_YET,
    /** They do not want to. */
    DECLINED
}
