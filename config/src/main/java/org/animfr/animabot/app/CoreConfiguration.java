package org.animfr.animabot.app;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.animfr.animabot.catalog.yaml.YamlCatalogSource;
import org.animfr.animabot.core.chat.ChatPlatform;
import org.animfr.animabot.core.chat.ChatPlatforms;
import org.animfr.animabot.core.chat.PersonRef;
import org.animfr.animabot.core.command.Bot;
import org.animfr.animabot.core.command.CommandFeature;
import org.animfr.animabot.core.command.HelpCommand;
import org.animfr.animabot.core.command.LanguageCommand;
import org.animfr.animabot.core.command.Organizers;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.qa.QuestionAnswerer;
import org.animfr.animabot.core.room.AnnounceCommand;
import org.animfr.animabot.core.room.LanguagePreferences;
import org.animfr.animabot.core.room.LinkRoomCommand;
import org.animfr.animabot.core.room.RoomLinks;
import org.animfr.animabot.core.room.UnlinkRoomCommand;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.GatheringsCommand;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.RegisterCommand;
import org.animfr.animabot.core.session.ReloadCommand;
import org.animfr.animabot.core.session.SessionAnswers;
import org.animfr.animabot.core.session.SessionCommand;
import org.animfr.animabot.core.session.SessionsCommand;
import org.animfr.animabot.core.session.WeekCommand;
import org.animfr.animabot.persistence.PersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the core: its features in the order help lists them, its ports to the adapters, the clock. */
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
    SessionAnswers sessionAnswers(Messages messages) {
        return new SessionAnswers(messages);
    }

    @Bean
    LiveCatalog liveCatalog(AnimabotProperties properties, Messages messages) {
        LiveCatalog catalog = new LiveCatalog(new YamlCatalogSource(properties.data()));
        LiveCatalog.ReloadReport report = catalog.reload();
        for (DataProblem problem : report.problems()) {
            LOG.error("Session data rejected: {}", ReloadCommand.describe(messages, Language.EN, problem));
        }
        LOG.info("Session data: {} sessions and {} FAQ entries from {}", report.sessions(), report.faqEntries(),
                properties.data());
        return catalog;
    }

    @Bean
    QuestionAnswerer questionAnswerer(SessionAnswers answers, LiveCatalog catalog) {
        QuestionAnswerer answerer = new QuestionAnswerer(answers);
        // the FAQ index is built on the other core while the rest starts; a question asked before it is ready
        // builds it itself, so nothing waits on this thread
        Thread warmUp = new Thread(() -> answerer.warmUp(catalog), "qa-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return answerer;
    }

    @Bean
    ChatPlatforms chatPlatforms(List<ChatPlatform> platforms) {
        return new ChatPlatforms(platforms);
    }

    @Bean
    Bot bot(SessionAnswers answers, Messages messages, LiveCatalog catalog, RoomLinks links,
            LanguagePreferences languages, ChatPlatforms platforms, QuestionAnswerer questions,
            AnimabotProperties properties, Clock clock) {
        List<CommandFeature> features = List.of(
                new HelpCommand(messages),
                new SessionsCommand(answers),
                new SessionCommand(answers),
                new GatheringsCommand(answers),
                new WeekCommand(answers),
                new RegisterCommand(answers),
                new LanguageCommand(messages, languages),
                new LinkRoomCommand(answers, links),
                new UnlinkRoomCommand(messages, links),
                new AnnounceCommand(messages, links, platforms),
                new ReloadCommand(messages, catalog));
        Set<PersonRef> organizers = properties.organizers().stream().map(PersonRef::parse)
                .collect(Collectors.toSet());
        return new Bot(features, questions, messages, catalog, links, languages, new Organizers(organizers), clock);
    }
}
