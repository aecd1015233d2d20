package org.animfr.animabot.core.introduce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.delivery.Deliveries;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.delivery.Post;
import org.animfr.animabot.core.delivery.Target;
import org.animfr.animabot.core.delivery.Timers;
import org.animfr.animabot.core.dispatch.ChosenLanguages;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.learner.Learner;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.learner.Profile;
import org.animfr.animabot.core.matching.Group;
import org.animfr.animabot.core.matching.Grouping;
import org.animfr.animabot.core.matching.IntroductionMatcher;
import org.animfr.animabot.core.matching.ProjectSimilarity;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.IntroductionTimes;
import org.animfr.animabot.core.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Introduction rounds: who would be introduced to whom ({@link #plan}), the round itself ({@link #run}), and its
 * follow-up a week later. Only people who said yes and are not paused take part; a pair is never introduced twice.
 *
 * <p>A round is recorded in the {@link IntroductionLog} first, then every member's direct message in the outbox,
 * then the messages go out with their idempotency keys; a durable timer set before anything goes out finishes the
 * round after a crash, so nobody is left out and nobody gets their message twice. Thread-safe.
 */
public final class IntroductionRounds {
    private static final Logger LOG = LoggerFactory.getLogger(IntroductionRounds.class);
    /** Direct messages of a round: {@code intro/<round>/<learner>}. */
    public static final String INTRODUCTION_POST = "intro/";
    /** A member's follow-up: {@code intro-followup/<round>/<learner>}. */
    public static final String FOLLOW_UP_POST = "intro-followup/";
    /** The timer that finishes a round a crash interrupted: {@code intro-round/<round>}. */
    public static final String ROUND_TIMER = "intro-round/";
    /** A session's round on schedule, from its data: {@code intro-schedule/<session>/<local date>}. */
    public static final String SCHEDULED_ROUND = "intro-schedule/";
    private static final Duration RESUME_AFTER = Duration.ofMinutes(2);
    /** A round on schedule missed during a downtime still runs this late; later, it waits for the next one. */
    private static final Duration ROUND_CATCH_UP = Duration.ofHours(6);
    private static final int SHARED_TERMS = 4;

    private final BotMetrics metrics;
    private final LearnerDirectory directory;
    private final IntroductionLog log;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final Timers timers;
    private final Clock clock;
    private final Supplier<Catalog> catalog;
    private final ChosenLanguages languages;
    private final IntroductionWording wording;
    private final Duration followUpDelay;

    public IntroductionRounds(LearnerDirectory directory, IntroductionLog log, Outbox outbox, Deliveries deliveries,
            Timers timers, Clock clock, Supplier<Catalog> catalog, ChosenLanguages languages,
            IntroductionWording wording, Duration followUpDelay, BotMetrics metrics) {
        this.metrics = metrics;
        this.directory = directory;
        this.log = log;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.timers = timers;
        this.clock = clock;
        this.catalog = catalog;
        this.languages = languages;
        this.wording = wording;
        this.followUpDelay = followUpDelay;
    }

    /** Who takes part: one session's learners (alumni included), or the whole network's. */
    public record Scope(String sessionId) {
        public static Scope network() {
            return new Scope(null);
        }

        public boolean isNetwork() {
            return sessionId == null;
        }

        boolean includes(Profile profile) {
            return isNetwork() || sessionId.equals(profile.sessionId());
        }

        String key() {
            return isNetwork() ? "network" : sessionId;
        }
    }

    /** A group of two, or three when the count is odd, and the distinctive words they share. */
    public record PlannedGroup(List<Learner> members, List<String> sharedTerms) {}

    /**
     * The groups a round would make, and who would be left without a partner (already introduced to everyone).
     *
     * @param similarity the index the groups came from, to word the messages without building it again; null for a
     *     round read back from the log
     */
    public record Plan(List<PlannedGroup> groups, List<Learner> leftOut, ProjectSimilarity similarity) {
        public int people() {
            return groups.stream().mapToInt(g -> g.members().size()).sum();
        }
    }

    /** A round launched: its key, its groups, and whether it had already been run under that key. */
    public record Launched(String roundKey, Plan plan, boolean again) {}

    /** The groups a round would make now, nothing sent. */
    public Plan plan(Scope scope) {
        return group(participants(scope));
    }

    /** A round's key for a launch at this instant: two launches in the same minute are the same round. */
    public String roundKey(Scope scope) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return "round/" + scope.key() + "/" + minute;
    }

    /**
     * Runs the round: records it, records every member's direct message, sends them, and plans each member's
     * follow-up. Running a round key again only finishes what was not sent.
     */
    public CompletionStage<Launched> run(Scope scope, String roundKey) {
        List<Introduction> recorded = log.round(roundKey);
        boolean again = !recorded.isEmpty();
        Plan plan;
        if (again) {
            plan = recordedPlan(recorded);
        } else {
            plan = plan(scope);
            if (plan.groups().isEmpty()) {
                return CompletableFuture.completedFuture(new Launched(roundKey, plan, false));
            }
            timers.postAt(ROUND_TIMER + roundKey, clock.instant().plus(RESUME_AFTER));
            log.record(roundKey, plan.groups().stream()
                    .map(g -> g.members().stream().map(Learner::id).toList()).toList(), clock.instant());
            metrics.introductionsMade(plan.groups().size());
        }
        return send(roundKey, plan).thenApply(sent -> new Launched(roundKey, plan, again));
    }

    /**
     * One timer per round on schedule still to come, following the data: sessions whose {@code posts} say
     * {@code introductions}, every few weeks from the first week to the last; timers the data no longer calls for
     * are removed.
     */
    public synchronized void replan() {
        Instant now = clock.instant();
        Map<String, Instant> wanted = new HashMap<>();
        Catalog current = catalog.get();
        for (Session session : current.sessions()) {
            for (Map.Entry<LocalDate, Instant> round : scheduledRounds(session, current).entrySet()) {
                if (round.getValue().isAfter(now)) {
                    wanted.put(SCHEDULED_ROUND + session.id() + "/" + round.getKey(), round.getValue());
                }
            }
        }
        Map<String, Instant> existing = new HashMap<>(timers.postTimers());
        existing.keySet().removeIf(key -> !key.startsWith(SCHEDULED_ROUND));
        wanted.forEach((key, at) -> {
            if (!at.equals(existing.get(key))) {
                timers.postAt(key, at);
            }
        });
        existing.keySet().stream().filter(key -> !wanted.containsKey(key)).forEach(timers::cancelPost);
    }

    /** A round on schedule is due: run it for its session, unless the data no longer calls for it or it is stale. */
    public void scheduledRoundDue(String timerKey) {
        String rest = timerKey.substring(SCHEDULED_ROUND.length());
        int slash = rest.lastIndexOf('/');
        String sessionId = rest.substring(0, slash);
        LocalDate day = LocalDate.parse(rest.substring(slash + 1));
        Catalog current = catalog.get();
        Optional<Instant> due = current.byId(sessionId).map(s -> scheduledRounds(s, current).get(day));
        if (due.isEmpty()) {
            LOG.info("Skipped the introduction round {}: the data no longer calls for it", timerKey);
            return;
        }
        if (clock.instant().isAfter(due.get().plus(ROUND_CATCH_UP))) {
            LOG.info("Skipped the introduction round {} due at {}: the bot was down; the next one will run",
                    timerKey, due.get());
            return;
        }
        Launched launched = run(new Scope(sessionId), "round/" + sessionId + "/" + day).toCompletableFuture().join();
        LOG.info("Introduction round {} on schedule: {} groups", launched.roundKey(), launched.plan().groups().size());
    }

    /** The days and instants of a session's rounds on schedule, from its data; empty when it has none. */
    static Map<LocalDate, Instant> scheduledRounds(Session session, Catalog catalog) {
        IntroductionTimes times = session.posts().introductions();
        Map<LocalDate, Instant> rounds = new TreeMap<>();
        if (times == null) {
            return rounds;
        }
        for (int week = 1; week <= session.weekCount(); week += times.everyWeeks()) {
            LocalDate day = session.mondayOfWeek(week).with(TemporalAdjusters.nextOrSame(times.day()));
            if (!day.isBefore(session.start()) && !day.isAfter(session.end())) {
                rounds.put(day, day.atTime(times.time()).atZone(catalog.network().timezone()).toInstant());
            }
        }
        return rounds;
    }

    /** The round's timer fired: a crash stopped it half-way; finish it. */
    public void resume(String roundKey) {
        List<Introduction> recorded = log.round(roundKey);
        if (recorded.isEmpty()) {
            return;
        }
        LOG.info("Finishing the introduction round {}", roundKey);
        send(roundKey, recordedPlan(recorded)).toCompletableFuture().join();
    }

    private CompletionStage<Void> send(String roundKey, Plan plan) {
        Instant now = clock.instant();
        Catalog current = catalog.get();
        ProjectSimilarity similarity = plan.similarity() != null ? plan.similarity()
                : ProjectSimilarity.of(plan.groups().stream().flatMap(g -> g.members().stream())
                        .map(SimilarProjects::projectProfile).toList());
        List<String> keys = new ArrayList<>();
        for (PlannedGroup group : plan.groups()) {
            for (Learner member : group.members()) {
                String key = INTRODUCTION_POST + roundKey + "/" + member.id();
                List<IntroductionWording.Partner> partners = group.members().stream()
                        .filter(other -> other.id() != member.id())
                        .map(other -> new IntroductionWording.Partner(other, sharedTerms(similarity, member, other)))
                        .toList();
                Reply message = wording.introduction(languageOf(member, current), member, partners, current,
                        LocalDate.ofInstant(now, current.network().timezone()));
                outbox.record(new Post(key, message, null, null), List.of(new Target.Person(member.main().ref())));
                timers.postAt(FOLLOW_UP_POST + roundKey + "/" + member.id(), now.plus(followUpDelay));
                keys.add(key);
            }
        }
        CompletableFuture<?>[] sends = keys.stream()
                .map(key -> deliveries.sendPending(key).toCompletableFuture()).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends).whenComplete((done, failure) -> {
            timers.cancelPost(ROUND_TIMER + roundKey);
            LOG.info("Introduction round {}: {} groups, {} messages", roundKey, plan.groups().size(), keys.size());
        });
    }

    private static List<String> sharedTerms(ProjectSimilarity similarity, Learner a, Learner b) {
        return similarity.sharedTerms(Long.toString(a.id()), Long.toString(b.id()), SHARED_TERMS);
    }

    /** A member's follow-up is due: ask whether they could talk, unless they answered or are gone. */
    public void followUpDue(String postKey) {
        if (outbox.post(postKey).isPresent()) {
            deliveries.sendPending(postKey).toCompletableFuture().join();
            return;
        }
        String rest = postKey.substring(FOLLOW_UP_POST.length());
        int slash = rest.lastIndexOf('/');
        String roundKey = rest.substring(0, slash);
        long learnerId = Long.parseLong(rest.substring(slash + 1));
        Optional<Learner> learner = directory.byId(learnerId);
        List<Introduction> round = log.round(roundKey);
        Optional<Introduction> mine = round.stream().filter(i -> i.learnerId() == learnerId).findFirst();
        if (learner.isEmpty() || mine.isEmpty() || mine.get().answer() != null) {
            return;
        }
        List<Learner> partners = round.stream()
                .filter(i -> i.group() == mine.get().group() && i.learnerId() != learnerId)
                .map(i -> directory.byId(i.learnerId())).flatMap(Optional::stream).toList();
        if (partners.isEmpty()) {
            return;
        }
        Catalog current = catalog.get();
        Reply message = wording.followUp(languageOf(learner.get(), current), learner.get(), partners);
        deliveries.send(new Post(postKey, message, null, null),
                List.of(new Target.Person(learner.get().main().ref()))).toCompletableFuture().join();
    }

    /** Records the learner's answer to their latest introduction; empty when they were never introduced. */
    public Optional<List<Learner>> answer(Learner learner, FollowUpAnswer answer) {
        List<Introduction> mine = log.of(learner.id());
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        Introduction latest = mine.get(mine.size() - 1);
        log.answer(latest.roundKey(), learner.id(), answer, clock.instant());
        List<Learner> partners = log.round(latest.roundKey()).stream()
                .filter(i -> i.group() == latest.group() && i.learnerId() != learner.id())
                .map(i -> directory.byId(i.learnerId())).flatMap(Optional::stream).toList();
        return Optional.of(partners);
    }

    public IntroductionLog.Tally tally() {
        return log.tally();
    }

    private List<Learner> participants(Scope scope) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), catalog.get().network().timezone());
        return directory.consenting().stream()
                .filter(l -> l.profile().introducibleOn(today) && scope.includes(l.profile()))
                .toList();
    }

    private Plan group(List<Learner> participants) {
        if (participants.size() < 2) {
            return new Plan(List.of(), participants, null);
        }
        Map<String, Learner> byId = new HashMap<>();
        participants.forEach(l -> byId.put(Long.toString(l.id()), l));
        ProjectSimilarity similarity = ProjectSimilarity.of(
                participants.stream().map(SimilarProjects::projectProfile).toList());
        Set<IntroductionLog.Pair> met = log.pairs();
        Grouping grouping = new IntroductionMatcher().group(similarity, byId.keySet(),
                (a, b) -> met.contains(IntroductionLog.Pair.of(Long.parseLong(a), Long.parseLong(b))));
        List<PlannedGroup> groups = new ArrayList<>();
        for (Group group : grouping.groups()) {
            groups.add(new PlannedGroup(group.learnerIds().stream().map(byId::get).toList(), group.sharedTerms()));
        }
        return new Plan(groups, grouping.leftOut().stream().map(byId::get).toList(), similarity);
    }

    private Plan recordedPlan(List<Introduction> recorded) {
        Map<Integer, List<Learner>> groups = new TreeMap<>();
        for (Introduction introduction : recorded) {
            directory.byId(introduction.learnerId()).ifPresent(learner ->
                    groups.computeIfAbsent(introduction.group(), g -> new ArrayList<>()).add(learner));
        }
        return new Plan(groups.values().stream().filter(g -> g.size() >= 2)
                .map(g -> new PlannedGroup(g, List.of())).toList(), List.of(), null);
    }

    private Language languageOf(Learner learner, Catalog current) {
        return languages.languageOf(learner.main().ref()).orElse(current.network().language());
    }
}
