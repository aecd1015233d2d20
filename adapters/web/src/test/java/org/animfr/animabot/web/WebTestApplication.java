package org.animfr.animabot.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.Catalog;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The web side alone, as the application wires it, on the test network of four sessions at 2012-11-05 10:00 (week
 * 6 of Animacoop 7; Animacoop 6 is over, 8 and 9 are coming).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebConfiguration.class)
class WebTestApplication {

    @Bean
    Clock clock() {
        return Clock.fixed(OffsetDateTime.parse(TestCatalogs.NOW).toInstant(), java.time.ZoneOffset.UTC);
    }

    @Bean
    Messages messages() {
        return new Messages();
    }

    @Bean
    LiveCatalog liveCatalog() {
        Catalog network = TestCatalogs.network();
        LiveCatalog catalog = new LiveCatalog(() -> List.<FileReading>of(new FileReading.Read(
                new CatalogFile("network.yaml", network.network(), network.sessions(), network.faq()))));
        catalog.reload();
        return catalog;
    }
}
