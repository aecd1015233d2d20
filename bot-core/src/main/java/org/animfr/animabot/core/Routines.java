package org.animfr.animabot.core;

import java.time.Instant;
import java.util.Optional;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.introduce.IntroductionRounds;
import org.animfr.animabot.core.schedule.AutomaticPosts;

/**
 * What the durable timers call, routed by the timer's key: introductions' follow-ups and interrupted rounds to the
 * rounds, every other post to the posts on schedule. Thread-safe.
 */
final class Routines implements TimerWork {
    private final AutomaticPosts posts;
    private final IntroductionRounds rounds;

    Routines(AutomaticPosts posts, IntroductionRounds rounds) {
        this.posts = posts;
        this.rounds = rounds;
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
    }
}
