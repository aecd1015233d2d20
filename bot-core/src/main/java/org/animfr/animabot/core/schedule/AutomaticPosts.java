package org.animfr.animabot.core.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.ConversationRef;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.delivery.TimerWork;
import org.animfr.animabot.core.delivery.Timers;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own posts on schedule. {@link #replan()} keeps one durable timer per post still to come, following the
 * data (a moved gathering gets new reminders, a removed week loses its prompt). When a timer fires,
 * {@link #postDue} words the post as the data says then, and sends it, once, to the session's rooms that are not
 * paused and, for reminders, to the learners who asked for them; a post missed during a downtime goes out late
 * while it is still useful, otherwise it is skipped with a log line, and an older reminder of an event is skipped
 * when a newer one is due too. Thread-safe.
 */
public final class AutomaticPosts implements TimerWork {
    private static final Logger LOG = LoggerFactory.getLogger(AutomaticPosts.class);

    private final Supplier<Catalog> catalog;
    private final RoomLinks links;
    private final RoomPauses pauses;
    private final ReminderChoices reminders;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final Timers timers;
    private final Clock clock;
    private final PostPlanner planner = new PostPlanner();
    private final PostWording wording;

    public AutomaticPosts(Supplier<Catalog> catalog, RoomLinks links, RoomPauses pauses, ReminderChoices reminders,
            Outbox outbox, Deliveries deliveries, Timers timers, Clock clock, Messages messages) {
        this.catalog = catalog;
        this.links = links;
        this.pauses = pauses;
        this.reminders = reminders;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.timers = timers;
        this.clock = clock;
        this.wording = new PostWording(messages);
    }

    /**
     * One timer per post still worth sending and not yet sent, at its time; timers of posts the data no longer
     * calls for are removed. Posts already recorded are left alone, whatever the data says now.
     */
    @Override
    public synchronized void replan() {
        Instant now = clock.instant();
        Map<String, Instant> wanted = new HashMap<>();
        for (PlannedPost post : planner.plan(catalog.get())) {
            if (now.isBefore(post.usefulUntil()) && outbox.post(post.key()).isEmpty()) {
                wanted.put(post.key(), post.dueAt());
            }
        }
        Map<String, Instant> existing = new HashMap<>(timers.postTimers());
        existing.keySet().removeIf(key -> !PlannedPost.isPlannedKey(key));
        int moved = 0;
        for (Map.Entry<String, Instant> post : wanted.entrySet()) {
            if (!post.getValue().equals(existing.get(post.getKey()))) {
                timers.postAt(post.getKey(), post.getValue());
                moved++;
            }
        }
        int removed = 0;
        for (String key : existing.keySet()) {
            if (!wanted.containsKey(key)) {
                timers.cancelPost(key);
                removed++;
            }
        }
        if (moved + removed > 0) {
            LOG.info("Automatic posts planned: {} to come, {} timers set or moved, {} removed", wanted.size(), moved,
                    removed);
        }
    }

    @Override
    public Optional<Instant> postDue(String key) {
        if (outbox.post(key).isPresent()) {
            // already recorded: a fan-out a stop interrupted, or an announcement's safety timer
            deliveries.sendPending(key).toCompletableFuture().join();
            return Optional.empty();
        }
        Catalog current = catalog.get();
        Optional<PlannedPost> planned = planner.find(current, key);
        if (planned.isEmpty()) {
            LOG.info("Skipped the post {}: the data no longer calls for it", key);
            return Optional.empty();
        }
        Instant now = clock.instant();
        PlannedPost post = planned.get();
        if (now.isBefore(post.dueAt())) {
            return Optional.of(post.dueAt());
        }
        if (!now.isBefore(post.usefulUntil())) {
            LOG.info("Skipped the post {} due at {}: the bot was down and it is no longer useful", key, post.dueAt());
            return Optional.empty();
        }
        if (supersededAt(current, post, now)) {
            LOG.info("Skipped the reminder {} due at {}: a newer reminder of the same event goes out now", key,
                    post.dueAt());
            return Optional.empty();
        }
        Optional<Post> worded = wording.word(post, current, now);
        if (worded.isEmpty()) {
            LOG.info("Skipped the post {}: its week or gathering is no longer in the data", key);
            return Optional.empty();
        }
        List<Target> targets = targets(post, current, now);
        Deliveries.Report report = deliveries.send(worded.get(), targets).toCompletableFuture().join();
        LOG.info("Posted {} (due {}): {} sent, {} to retry, {} given up", key, post.dueAt(), report.sent().size(),
                report.pending().size(), report.failed().size());
        return Optional.empty();
    }

    @Override
    public void retryDue(long deliveryId) {
        deliveries.retry(deliveryId).toCompletableFuture().join();
    }

    /** The rooms of the post's session not paused today, and for reminders the learners who asked for them. */
    private List<Target> targets(PlannedPost post, Catalog current, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, current.network().timezone());
        List<Target> targets = new ArrayList<>();
        for (ConversationRef room : links.conversationsOf(post.sessionId())) {
            if (pauses.pauseOf(room).filter(p -> p.coversDate(today)).isEmpty()) {
                targets.add(new Target.Room(room));
            }
        }
        if (post.kind().isReminder()) {
            reminders.subscribersOf(post.sessionId()).forEach(person -> targets.add(new Target.Person(person)));
        }
        return targets;
    }

    /** Whether a reminder of the same event with fewer days to go is due too: only the newest goes out. */
    private boolean supersededAt(Catalog current, PlannedPost post, Instant now) {
        if (!post.kind().isReminder()) {
            return false;
        }
        return current.byId(post.sessionId()).stream()
                .flatMap(session -> planner.plan(current, session).stream())
                .anyMatch(other -> other.event().equals(post.event()) && other.daysBefore() < post.daysBefore()
                        && !other.dueAt().isAfter(now));
    }

    /** The posts still to come for a room's session, soonest first, at most {@code count}. */
    public List<PlannedPost> upcoming(Session session, int count) {
        Instant now = clock.instant();
        return planner.plan(catalog.get(), session).stream()
                .filter(p -> p.dueAt().isAfter(now) && outbox.post(p.key()).isEmpty())
                .limit(count)
                .toList();
    }

    /** The week's prompt as it will be sent, with its plan; empty when the data calls for no prompt that week. */
    public Optional<Preview> preview(Session session, int week) {
        Catalog current = catalog.get();
        Optional<PlannedPost> planned = planner.plan(current, session).stream()
                .filter(p -> p.kind() == PlannedPost.Kind.PROMPT && p.week() == week).findFirst();
        return planned.flatMap(p -> wording.word(p, current, p.dueAt())
                .map(post -> new Preview(p, post, targets(p, current, p.dueAt()).size())));
    }

    /**
     * A post as it will go out.
     *
     * @param rooms how many rooms it would go to if it went out now
     */
    public record Preview(PlannedPost planned, Post post, int rooms) {}
}
