package org.animfr.animabot.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.animfr.animabot.core.testing.TestCatalogs;
import org.junit.jupiter.api.Test;

class LiveCatalogTest {
    private final List<FileReading> readings = new ArrayList<>();
    private final LiveCatalog catalog = new LiveCatalog(() -> List.copyOf(readings));

    private static FileReading.Read file(String name, Session... sessions) {
        return new FileReading.Read(new CatalogFile(name, null, List.of(sessions), List.of()));
    }

    private static FileReading.Rejected broken(String name) {
        return new FileReading.Rejected(name, List.of(DataProblem.of(name, 3, "data.problem.bad-date", "2012-13-01")));
    }

    @Test
    void aRejectedFileKeepsItsPreviousVersionInForce() {
        readings.add(file("a.yaml", TestCatalogs.animacoop7()));
        catalog.reload();
        readings.set(0, broken("a.yaml"));

        LiveCatalog.ReloadReport report = catalog.reload();

        assertThat(report.problems()).extracting(DataProblem::line).containsExactly(3);
        assertThat(report.kept()).containsExactly("a.yaml");
        assertThat(catalog.get().byId("animacoop-7")).isPresent();
    }

    @Test
    void aFileBrokenFromTheStartLoadsNothingButTheOthersLoad() {
        readings.add(broken("a.yaml"));
        readings.add(file("b.yaml", TestCatalogs.animacoop8()));

        LiveCatalog.ReloadReport report = catalog.reload();

        assertThat(report.loaded()).containsExactly("b.yaml");
        assertThat(catalog.get().sessions()).extracting(Session::id).containsExactly("animacoop-8");
    }

    @Test
    void aSessionDefinedInTwoFilesIsRejectedInTheSecond() {
        readings.add(file("a.yaml", TestCatalogs.animacoop7()));
        readings.add(file("b.yaml", TestCatalogs.animacoop7(), TestCatalogs.animacoop8()));

        LiveCatalog.ReloadReport report = catalog.reload();

        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("data.problem.session-in-other-file"));
        assertThat(catalog.get().sessions()).extracting(Session::id).containsExactly("animacoop-7");
    }

    @Test
    void aGoodReloadReplacesTheCatalogAndBumpsTheVersion() {
        readings.add(file("a.yaml", TestCatalogs.animacoop7()));
        catalog.reload();
        long before = catalog.version();
        readings.set(0, file("a.yaml", TestCatalogs.animacoop8()));

        catalog.reload();

        assertThat(catalog.version()).isGreaterThan(before);
        assertThat(catalog.get().sessions()).extracting(Session::id).containsExactly("animacoop-8");
    }
}
