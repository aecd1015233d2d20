package org.animfr.animabot.web;

import java.time.Clock;
import org.animfr.animabot.calendar.SessionCalendars;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.LiveCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web side of the bot: the public page and the calendars, read from the catalog in force. The application
 * imports it when it serves HTTP; it needs the catalog, the messages and the clock.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(WebConfiguration.class);

    @Bean
    CalendarController calendarController(LiveCatalog catalog, Messages messages, Clock clock) {
        return new CalendarController(catalog, new SessionCalendars(messages, clock), messages);
    }

    @Bean
    PublicPageController publicPageController(LiveCatalog catalog, Messages messages, Clock clock) {
        return new PublicPageController(catalog, new PublicPage(messages, clock));
    }

    /** Tells the admin where the page is, in the network's language: the port is known only once it listens. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> publicPageAddress(LiveCatalog catalog, Messages messages) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) {
                LOG.info(messages.get(catalog.get().network().language(), "startup.web",
                        Integer.toString(event.getWebServer().getPort())));
            }
        };
    }
}
