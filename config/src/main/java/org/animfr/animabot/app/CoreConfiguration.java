package org.animfr.animabot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.animfr.animabot.catalog.yaml.YamlCatalogSource;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.introduce.IntroductionLog;
import org.animfr.animabot.core.learner.LearnerDirectory;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.delivery.Outbox;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.metrics.BotMetrics;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.schedule.ReminderChoices;
import org.animfr.animabot.core.schedule.RoomPauses;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.PublicLinks;
import org.animfr.animabot.persistence.PersistenceConfiguration;
import org.animfr.animabot.scheduler.DurableTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the core to its ports (the adapters), the clock and the configured organizers; the core builds the rest. */
@Configuration(proxyBeanMethods = false)
@Import(PersistenceConfiguration.class)
class CoreConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CoreConfiguration.class);

    /** The one clock of the application: answers, plans and the scheduler all read it. */
    @Bean
    Clock clock(AnimabotProperties properties) {
        boolean fixed = !properties.clock().isBlank();
        boolean running = !properties.clockStart().isBlank();
        if (fixed && running) {
            throw new IllegalArgumentException("Give animabot.clock (a fixed time) or animabot.clock-start (a time "
                    + "that then runs), not both");
        }
        if (fixed) {
            return Clock.fixed(instant("animabot.clock", properties.clock()), ZoneOffset.UTC);
        }
        Clock system = Clock.systemUTC();
        if (running) {
            Instant start = instant("animabot.clock-start", properties.clockStart());
            // from the process's start, not from now: several processes started with times computed at their
            // launch then agree, however long each took to get here
            Instant processStart = ProcessHandle.current().info().startInstant().orElseGet(system::instant);
            Duration offset = Duration.between(processStart, start);
            LOG.info("The clock started at {} with the process and runs from there (offset {} from the system clock)",
                    start, offset);
            return Clock.offset(system, offset);
        }
        return system;
    }

    private static Instant instant(String key, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must look like 2012-11-05T10:00:00+01:00, got '" + value + "'",
                    e);
        }
    }

    @Bean
    Messages messages() {
        return new Messages();
    }

    @Bean
    LiveCatalog liveCatalog(AnimabotProperties properties, Messages messages) {
        LiveCatalog catalog = new LiveCatalog(new YamlCatalogSource(properties.data()));
        LiveCatalog.ReloadReport report = catalog.reload();
        // where the organizer is looking when the bot starts: in their language (French by default), file and line
        Language language = catalog.get().network().language();
        LOG.info(messages.get(language, "startup.data", report.sessions(), report.faqEntries(),
                String.join(", ", properties.data())));
        if (!report.clean()) {
            LOG.error(messages.get(language, "startup.problems", report.problems().size()));
            for (DataProblem problem : report.problems()) {
                LOG.error("  {}", problem.describe(messages, language));
            }
        }
        return catalog;
    }

    @Bean
    QuestionUnderstanding questionUnderstanding(LiveCatalog catalog, AnimabotProperties properties) {
        OrganizersWords words = OrganizersWords.read(Path.of(properties.understanding()));
        QuestionUnderstanding understanding = new QuestionUnderstanding(words.examples(), words.texting(),
                words.synonyms());
        words.describe().ifPresent(LOG::info);
        understanding.problems().forEach(problem -> LOG.warn("{}: {}", properties.understanding(), problem));
        // the FAQ index is built on the other core while the rest starts; a question asked before it is ready
        // builds it itself, so nothing waits on this thread
        DaemonThreads.start("qa-warm-up", () -> understanding.warmUp(catalog.get().faq()));
        return understanding;
    }

    /** The running platforms: empty here, each joins when {@link PlatformRunner} starts it. */
    @Bean
    ChatPlatforms chatPlatforms() {
        return new ChatPlatforms();
    }

    /**
     * The durable timers of the automatic posts, in the application's database; {@link PlatformRunner} starts them
     * once the platforms are up, and stops them first.
     */
    @Bean
    DurableTimers durableTimers(DataSource dataSource, Clock clock, AnimabotProperties properties) {
        AnimabotProperties.Scheduler scheduler = properties.scheduler();
        return new DurableTimers(dataSource, clock, new DurableTimers.Settings(scheduler.pollingInterval(),
                scheduler.heartbeatInterval(), scheduler.missedHeartbeats(), scheduler.threads(),
                scheduler.replanEvery(), scheduler.shutdownWait()));
    }

    @Bean
    Animabot animabot(LiveCatalog catalog, RoomLinks links, LanguagePreferences languages, ChatPlatforms platforms,
            AnimabotProperties properties, Clock clock, Outbox outbox, DurableTimers timers, RoomPauses pauses,
            ReminderChoices reminders, LearnerDirectory learners, IntroductionLog introductions, Messages messages,
            QuestionUnderstanding understanding, BotMetrics metrics) {
        Set<PersonRef> organizers = properties.organizers().stream().map(PersonRef::parse)
                .collect(Collectors.toSet());
        return new Animabot(new Animabot.Ports(catalog, links, languages, platforms, organizers, clock, outbox, timers,
                pauses, reminders, learners, introductions, properties.introductions().followUpDelay(),
                PublicLinks.at(properties.publicUrl()), metrics), messages,
                understanding);
    }

    @Bean
    Dispatcher dispatcher(Animabot animabot) {
        return animabot.dispatcher();
    }
}
