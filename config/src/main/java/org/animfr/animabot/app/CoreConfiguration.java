package org.animfr.animabot.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.stream.Collectors;
import org.animfr.animabot.catalog.yaml.YamlCatalogSource;
import org.animfr.animabot.core.Animabot;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.chat.spi.DaemonThreads;
import org.animfr.animabot.core.dispatch.Dispatcher;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.person.LanguagePreferences;
import org.animfr.animabot.core.qa.QuestionUnderstanding;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.persistence.PersistenceConfiguration;
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

    @Bean
    Clock clock(AnimabotProperties properties) {
        if (properties.clock().isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(OffsetDateTime.parse(properties.clock().strip()).toInstant(),
                    java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("animabot.clock must look like 2012-11-05T10:00:00+01:00, got '"
                    + properties.clock() + "'", e);
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
        for (DataProblem problem : report.problems()) {
            LOG.error("Session data rejected: {}", problem.describe(messages, Language.EN));
        }
        LOG.info("Session data: {} sessions and {} FAQ entries from {}", report.sessions(), report.faqEntries(),
                properties.data());
        return catalog;
    }

    @Bean
    QuestionUnderstanding questionUnderstanding(LiveCatalog catalog) {
        QuestionUnderstanding understanding = new QuestionUnderstanding();
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

    @Bean
    Animabot animabot(LiveCatalog catalog, RoomLinks links, LanguagePreferences languages, ChatPlatforms platforms,
            AnimabotProperties properties, Clock clock, Messages messages, QuestionUnderstanding understanding) {
        Set<PersonRef> organizers = properties.organizers().stream().map(PersonRef::parse)
                .collect(Collectors.toSet());
        return new Animabot(new Animabot.Ports(catalog, links, languages, platforms, organizers, clock), messages,
                understanding);
    }

    @Bean
    Dispatcher dispatcher(Animabot animabot) {
        return animabot.dispatcher();
    }
}
