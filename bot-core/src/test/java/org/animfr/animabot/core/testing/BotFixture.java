package org.animfr.animabot.core.testing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.Reply;
import org.animfr.animabot.core.dispatch.CommandSpec;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.PublicLinks;

/**
 * The whole core built as the application builds it ({@link Animabot}), on two fake platforms named {@code test}
 * and {@code other}, in-memory ports, the test catalog and a fixed clock. {@code organizer} is the configured
 * organizer. A real adapter under test {@link #join joins} them.
 */
public final class BotFixture {
    public static final Messages MESSAGES = new Messages();
    /** How long after an introduction its follow-up comes, as in the application's default. */
    public static final java.time.Duration FOLLOW_UP_DELAY = java.time.Duration.ofDays(7);
    /** Shared by every fixture: it holds the Lucene index, the costly part of the core. */
    private static final QuestionUnderstanding UNDERSTANDING = new QuestionUnderstanding();

    public final FakeChatPlatform platform = new FakeChatPlatform("test");
    public final FakeChatPlatform other = new FakeChatPlatform("other");
    public final InMemoryRoomLinks links = new InMemoryRoomLinks();
    public final InMemoryLanguagePreferences languages = new InMemoryLanguagePreferences();
    public final InMemoryOutbox outbox = new InMemoryOutbox();
    public final ManualTimers timers = new ManualTimers();
    public final InMemoryRoomPauses pauses = new InMemoryRoomPauses();
    public final InMemoryReminderChoices reminders = new InMemoryReminderChoices();
    public final InMemoryLearnerDirectory learners = new InMemoryLearnerDirectory();
    public final InMemoryIntroductionLog introductions = new InMemoryIntroductionLog();
    public final MutableClock clock;
    public final ChatPlatforms platforms = new ChatPlatforms(List.of(platform, other));
    public final LiveCatalog catalog;
    private final AtomicReference<Catalog> data = new AtomicReference<>();
    private final AtomicReference<List<DataProblem>> problems = new AtomicReference<>(List.of());
    public final Animabot core;
    public final Dispatcher bot;

    public BotFixture() {
        this(TestCatalogs.catalog(), TestCatalogs.NOW);
    }

    public BotFixture(Catalog data, String now) {
        this(data, now, Set.of());
    }

    /** The core with more configured organizers. */
    public BotFixture(Catalog data, String now, Set<PersonRef> moreOrganizers) {
        this(data, now, moreOrganizers, PublicLinks.NONE, BotMetrics.NONE);
    }

    /** The core of a bot reached on the web at {@code links}. */
    public BotFixture(Catalog data, String now, PublicLinks publicLinks) {
        this(data, now, Set.of(), publicLinks, BotMetrics.NONE);
    }

    /** The core reporting what it does to {@code metrics}. */
    public BotFixture(Catalog data, String now, BotMetrics metrics) {
        this(data, now, Set.of(), PublicLinks.NONE, metrics);
    }

    private BotFixture(Catalog data, String now, Set<PersonRef> moreOrganizers, PublicLinks publicLinks,
            BotMetrics metrics) {
        this.data.set(data);
        catalog = new LiveCatalog(() -> {
            Catalog current = this.data.get();
            List<FileReading> readings = new ArrayList<>(List.of(new FileReading.Read(
                    new CatalogFile("test.yaml", current.network(), current.sessions(), current.faq()))));
            this.problems.get().stream()
                    .collect(Collectors.groupingBy(DataProblem::file, LinkedHashMap::new, Collectors.toList()))
                    .forEach((file, found) -> readings.add(new FileReading.Rejected(file, found)));
            return readings;
        });
        catalog.reload();
        clock = new MutableClock(OffsetDateTime.parse(now).toInstant());
        Set<PersonRef> organizers = new HashSet<>(moreOrganizers);
        organizers.add(new PersonRef("test", "organizer"));
        core = new Animabot(new Animabot.Ports(catalog, links, languages, platforms, organizers, clock, outbox, timers,
                pauses, reminders, learners, introductions, FOLLOW_UP_DELAY, publicLinks, metrics), MESSAGES, UNDERSTANDING);
        bot = core.dispatcher();
        platform.start(bot);
        other.start(bot);
    }

    /** A real adapter under test: it joins the running platforms and starts with the bot; returns it. */
    public <P extends ChatPlatform> P join(P adapter) {
        platforms.add(adapter);
        adapter.start(bot);
        return adapter;
    }

    /** The bot's commands, as an adapter that shows them in its own menus receives them. */
    public List<CommandSpec> commands() {
        return core.commands().specs();
    }

    /** The organizers edit their data and reload it, as {@code admin recharger} does. */
    public void reloadWith(Catalog edited) {
        data.set(edited);
        catalog.reload();
    }

    /**
     * The organizers reload their data, as {@code admin recharger} does, and each file named in the problems is
     * rejected for them, at this reading and the next ones until this is called again ({@code test.yaml} is read as
     * before); without problems, the reading is clean.
     */
    public void reloadWithProblems(DataProblem... found) {
        problems.set(List.of(found));
        catalog.reload();
    }

    /**
     * Runs the bot until the instant: the clock moves from timer to timer, each firing at its time, as the scheduler
     * fires them while the bot is up. Returns the post keys fired.
     */
    public List<String> runUntil(Instant instant) {
        List<String> fired = new ArrayList<>();
        for (Optional<Instant> next = timers.nextDue(instant); next.isPresent(); next = timers.nextDue(instant)) {
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
            fired.addAll(timers.fireDue(clock, core.timerWork()));
        }
        clock.set(instant);
        return fired;
    }

    /** The bot was down until the instant: every timer due by then fires late, at that instant. */
    public List<String> downUntil(Instant instant) {
        clock.set(instant);
        return timers.fireDue(clock, core.timerWork());
    }

    /** A learner writes in the {@code salon} conversation; returns the text of the replies. */
    public String ask(String text) {
        return say("learner", "salon", text);
    }

    public String say(String person, String conversation, String text) {
        return text(platform.say(person, conversation, text));
    }

    public static String text(List<Reply> replies) {
        return replies.stream().map(Reply::toPlainText).collect(Collectors.joining("\n"));
    }
}
