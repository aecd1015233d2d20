package org.animfr.animabot.catalog.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.Session;
import org.junit.jupiter.api.Test;

/** The demo data shipped with the application must always load, and stay meaningful for months. */
class DemoDataTest {
    private static final String DEMO = "../../config/src/main/resources/demo/animacoop-demo.yaml";

    @Test
    void theDemoFileIsReadWithoutProblems() {
        List<FileReading> readings = new YamlCatalogSource(List.of(DEMO)).readAll();

        assertThat(readings).singleElement().satisfies(reading -> assertThat(reading)
                .as("%s", reading).isInstanceOf(FileReading.Read.class));
        CatalogFile demo = ((FileReading.Read) readings.get(0)).file();
        assertThat(demo.sessions()).extracting(Session::id)
                .containsExactly("animacoop-2026-automne", "animacoop-2027-printemps");
        assertThat(demo.sessions()).allSatisfy(session -> {
            assertThat(session.weeks()).hasSize(session.weekCount()).hasSize(13);
            assertThat(session.gatherings()).hasSize(3);
        });
        assertThat(demo.faq()).hasSizeBetween(5, 6);
        assertThat(demo.sessions().get(1).end()).isAfter(LocalDate.of(2027, 5, 1));
    }
}
