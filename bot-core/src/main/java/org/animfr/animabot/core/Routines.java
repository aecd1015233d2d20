package org.animfr.animabot.core;

import java.time.Instant;
import java.util.Optional;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.introduce.IntroductionRounds;
import org.animfr.animabot.core.schedule.AutomaticPosts;
import org.animfr.animabot.core.schedule.GatheringEvents;

/**
 * What the durable timers call, routed by the timer's key: introductions' follow-ups and interrupted rounds to the
 * rounds, every other post to the posts on schedule; a replan also brings the spaces' scheduled events up to date.
 * Thread-safe.
 */
final class Routines implements TimerWork {
    private final AutomaticPosts posts;
    private final IntroductionRounds rounds;
    private final GatheringEvents events;

    Routines(AutomaticPosts posts, IntroductionRounds rounds, GatheringEvents events) {
        this.posts = posts;
        this.rounds = rounds;
        this.events = events;
    }

    @Override
    public Optional<Instant> postDue(String postKey) {
        if (postKey.startsWith(IntroductionRounds.FOLLOW_UP_POST)) {
            rounds.followUpDue(postKey);
            return Optional.empty();
        }
        if (postKey.startsWith(IntroductionRounds.SCHEDULED_ROUND)) {
            rounds.scheduledRoundDue(postKey);
            return Optional.empty();
        }
        if (postKey.startsWith(IntroductionRounds.ROUND_TIMER)) {
            rounds.resume(postKey.substring(IntroductionRounds.ROUND_TIMER.length()));
            return Optional.empty();
        }
        return posts.postDue(postKey);
    }

    @Override
    public void retryDue(long deliveryId) {
        posts.retryDue(deliveryId);
    }

    @Override
    public void replan() {
        posts.replan();
        rounds.replan();
        events.sync();
    }
}
