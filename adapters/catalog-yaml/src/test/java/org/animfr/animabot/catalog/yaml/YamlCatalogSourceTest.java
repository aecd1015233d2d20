package org.animfr.animabot.catalog.yaml;

import static org.animfr.animabot.catalog.yaml.YamlFiles.read;
import static org.animfr.animabot.catalog.yaml.YamlFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FaqEntry;
import org.animfr.animabot.core.session.FileReading;
import org.animfr.animabot.core.session.Gathering;
import org.animfr.animabot.core.session.Network;
import org.animfr.animabot.core.session.Session;
import org.animfr.animabot.core.session.Week;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlCatalogSourceTest {
    @TempDir
    Path dir;

    @Test
    void aValidFileReadsIntoTheExactSessionsAndFaq() {
        Path file = write(dir, "animacoop.yaml", """
                network: {name: Anim-fr Bretagne, timezone: America/Montreal}
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    territory: Pays de Brest et Languedoc-Roussillon
                    start: 2012-10-01
                    end: 2012-12-28
                    hours: 100
                    registration: https://animacoop.example.org/inscription
                    facilitators: [Maëlle, Yann]
                    description: |
                      Une formation-action
                      en deux lignes.
                    notes: ignored by the bot
                    gatherings:
                      - {date: 2012-12-20 14:00, place: Brest, end: "16:30"}
                      - {date: 2012-10-04T09:30, place: "Maison des associations, Brest", title: Lancement}
                    weeks:
                      - {number: 2, theme: Outils, prompt: Essayez un pad.}
                      - {number: 1, theme: Se présenter}
                  - id: animacoop-8
                    name: Animacoop 8
                    start: 2013-03-04
                    end: "2013-05-31"
                faq:
                  - question: Combien ça coûte ?
                    answer: C’est gratuit.
                    phrasings: [c est gratuit, prix]
                  - {question: "Qui contacter ?", answer: L’équipe.}
                """);

        CatalogFile catalog = read(file);

        assertThat(catalog.name()).isEqualTo(file.toString());
        assertThat(catalog.network()).isEqualTo(new Network("Anim-fr Bretagne", ZoneId.of("America/Montreal")));
        assertThat(catalog.sessions()).containsExactly(
                new Session("animacoop-7", "Animacoop 7", "Pays de Brest et Languedoc-Roussillon",
                        LocalDate.of(2012, 10, 1), LocalDate.of(2012, 12, 28), 100,
                        "https://animacoop.example.org/inscription", List.of("Maëlle", "Yann"),
                        "Une formation-action\nen deux lignes.",
                        List.of(new Gathering(LocalDateTime.of(2012, 10, 4, 9, 30), "Maison des associations, Brest",
                                        "Lancement"),
                                new Gathering(LocalDateTime.of(2012, 12, 20, 14, 0), "Brest", "", LocalTime.of(16, 30))),
                        List.of(new Week(1, "Se présenter", ""), new Week(2, "Outils", "Essayez un pad."))),
                new Session("animacoop-8", "Animacoop 8", "", LocalDate.of(2013, 3, 4), LocalDate.of(2013, 5, 31),
                        0, null, List.of(), null, List.of(), List.of()));
        assertThat(catalog.faq()).containsExactly(
                new FaqEntry("Combien ça coûte ?", List.of("c est gratuit", "prix"), "C’est gratuit."),
                new FaqEntry("Qui contacter ?", List.of(), "L’équipe."));
    }

    @Test
    void aFileWithoutNetworkDeclaresNone() {
        Path file = write(dir, "faq.yaml", """
                faq:
                  - {question: "Qui contacter ?", answer: L’équipe.}
                """);

        assertThat(read(file).declaredNetwork()).isEmpty();
    }

    @Test
    void aNetworkWithoutNameOrZoneTakesTheDefaults() {
        Path file = write(dir, "network.yaml", "network: {}\n");

        assertThat(read(file).network()).isEqualTo(Network.DEFAULT);
    }

    @Test
    void aFolderGivesItsYamlFilesSortedByNameEachNamedFolderSlashFile() {
        Path folder = dir.resolve("data");
        write(folder, "b.yaml", "faq: []\n");
        write(folder, "a.yml", "faq: []\n");
        write(folder, "notes.txt", "not yaml");
        write(folder, ".b.yaml.swp.yaml", "faq: []\n");
        write(folder, "sub/c.yaml", "faq: []\n");

        List<FileReading> readings = new YamlCatalogSource(List.of(folder.toString())).readAll();

        assertThat(readings).extracting(FileReading::name).containsExactly(folder + "/a.yml", folder + "/b.yaml");
        assertThat(readings).allMatch(FileReading.Read.class::isInstance);
    }

    @Test
    void readingsComeInTheOrderOfTheLocations() {
        Path second = write(dir, "second.yaml", "faq: []\n");
        Path first = write(dir, "first.yaml", "faq: []\n");

        List<FileReading> readings = new YamlCatalogSource(List.of(second.toString(), first.toString())).readAll();

        assertThat(readings).extracting(FileReading::name).containsExactly(second.toString(), first.toString());
    }

    @Test
    void aClasspathLocationReadsTheResource() {
        List<FileReading> readings = new YamlCatalogSource(List.of("classpath:catalog/sample.yaml")).readAll();

        assertThat(readings).singleElement().isInstanceOfSatisfying(FileReading.Read.class, read -> {
            assertThat(read.name()).isEqualTo("classpath:catalog/sample.yaml");
            assertThat(read.file().sessions()).extracting(Session::id).containsExactly("animacoop-8");
            assertThat(read.file().faq()).hasSize(1);
        });
    }

    @Test
    void aMissingClasspathResourceIsRejectedAsNotFound() {
        List<FileReading> readings = new YamlCatalogSource(List.of("classpath:catalog/absent.yaml")).readAll();

        assertThat(readings).singleElement().isInstanceOfSatisfying(FileReading.Rejected.class, rejected ->
                assertThat(rejected.problems()).containsExactly(
                        DataProblem.of("classpath:catalog/absent.yaml", 0, "data.problem.file-not-found")));
    }

    @Test
    void aMissingFileIsRejectedAsNotFound() {
        String missing = dir.resolve("absent.yaml").toString();

        List<FileReading> readings = new YamlCatalogSource(List.of(missing)).readAll();

        assertThat(readings).containsExactly(new FileReading.Rejected(missing,
                List.of(DataProblem.of(missing, 0, "data.problem.file-not-found"))));
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedAtItsFirstLineInAnotherEncoding() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "faq:\n  - {question: Qui ?, answer: L\u00e9quipe}\n  - {question: O\u00f9 ?, answer: Ici}\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        FileReading.Rejected rejected = YamlFiles.reject(file);

        assertThat(rejected.problems()).containsExactly(DataProblem.of(file.toString(), 2, "data.problem.not-utf8", 1));
    }

    @Test
    void aBlankLocationIsAConfigurationError() {
        assertThatThrownBy(() -> new YamlCatalogSource(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
