package org.animfr.animabot.catalog.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.animfr.animabot.core.session.CatalogFile;
import org.animfr.animabot.core.session.FileReading;

/** Test helpers: write YAML into a folder and read it back through the source. */
final class YamlFiles {
    private YamlFiles() {
    }

    static Path write(Path folder, String name, String yaml) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FileReading readOne(Path file) {
        List<FileReading> readings = new YamlCatalogSource(List.of(file.toString())).readAll();
        assertThat(readings).hasSize(1);
        return readings.get(0);
    }

    static CatalogFile read(Path file) {
        FileReading reading = readOne(file);
        assertThat(reading).isInstanceOf(FileReading.Read.class);
        return ((FileReading.Read) reading).file();
    }

    static FileReading.Rejected reject(Path file) {
        FileReading reading = readOne(file);
        assertThat(reading).isInstanceOf(FileReading.Rejected.class);
        return (FileReading.Rejected) reading;
    }
}
