package org.animfr.animabot.catalog.yaml;

import static org.animfr.animabot.catalog.yaml.YamlFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.LiveCatalog;
import org.animfr.animabot.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLiveCatalogTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenEditIsReportedWithFileAndLineAndThePreviousSessionsStayInForce() {
        Path file = write(dir, "animacoop.yaml", """
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                """);
        LiveCatalog catalog = new LiveCatalog(new YamlCatalogSource(List.of(file.toString())));
        assertThat(catalog.reload().clean()).isTrue();
        write(dir, "animacoop.yaml", """
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                  - id: animacoop-8
                    name: Animacoop 8
                    start: 2013-03-04
                    end: 2013-13-31
                """);

        LiveCatalog.ReloadReport report = catalog.reload();

        assertThat(report.problems()).containsExactly(
                DataProblem.of(file.toString(), 9, "data.problem.bad-date", "2013-13-31"));
        assertThat(report.kept()).containsExactly(file.toString());
        assertThat(catalog.get().sessions()).extracting(Session::id).containsExactly("animacoop-7");
    }
}
