package org.animfr.animabot.catalog.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.animfr.animabot.core.session.CatalogSource;
import org.animfr.animabot.core.session.DataProblem;
import org.animfr.animabot.core.session.FileReading;

/**
 * Reads the organizers' YAML files, afresh at each call, each file on its own.
 *
 * <p>A location is one of:
 * <ul>
 *   <li>a file path ({@code data/animacoop.yaml});</li>
 *   <li>a folder path: every {@code *.yaml} and {@code *.yml} file directly in it (not in sub-folders), sorted
 *       by name, hidden files (starting with a dot) left out; each is named {@code folder/file.yaml};</li>
 *   <li>{@code classpath:some/file.yaml}: one file among the application's resources.</li>
 * </ul>
 * A location that does not exist gives one {@link FileReading.Rejected} with {@code data.problem.file-not-found}.
 * Each file becomes one {@link FileReading}, named as its location is configured; the readings come in the
 * order of the locations.
 *
 * <p>The format of a file (UTF-8), every top-level key optional:
 * <pre>
 * network: {name: Anim-fr, timezone: Europe/Paris}   # name and timezone default to these
 * sessions:
 *   - id: animacoop-7            # required, unique in the file; lower case, digits, dashes
 *     name: Animacoop 7          # required
 *     territory: Pays de Brest   # optional
 *     start: 2012-10-01          # required, YYYY-MM-DD
 *     end: 2012-12-28            # required
 *     hours: 100                 # optional whole number, 0 when absent
 *     registration: https://…    # optional
 *     facilitators: [Name, Name] # optional list of texts (a single text is a list of one)
 *     description: free text     # optional
 *     gatherings:                # optional; date YYYY-MM-DDTHH:MM or "YYYY-MM-DD HH:MM" (seconds optional)
 *       - {date: 2012-11-15T09:30, place: "…", title: "…"}    # date and place required, title optional
 *     weeks:                     # optional; number (from 1) and theme required, prompt optional
 *       - {number: 3, theme: "…", prompt: "…"}
 * faq:
 *   - {question: "…", answer: "…", phrasings: ["…", "…"]}   # phrasings optional
 * </pre>
 * Inside brackets or braces ({@code [a, b]}, {@code {a: b}}), a text containing {@code ?}, {@code :}, {@code #} or
 * a comma must be quoted ({@code ["C’est gratuit ?"]}), as YAML requires; otherwise the file is reported as
 * malformed, with the line and the fix in the organizer's words (so are tabs, misaligned lines, unclosed quotes
 * and brackets). A file that is not UTF-8 is rejected with the first line holding other bytes.
 * Any other key, at any level, is allowed and ignored (organizers may keep their own notes in the file, for
 * example {@code notes:}, {@code contact:} or {@code season:}). A key written twice in the same mapping is a
 * problem. A file with any problem is rejected whole, with all its problems found in one reading, each with its
 * line; the checks include the core's {@link org.animfr.animabot.core.session.SessionRules}.
 *
 * <p>Only plain YAML is read (the node tree, never Java objects); tags are ignored and every value is read
 * as text, then parsed. Instances are immutable and thread-safe; calls never throw for bad content.
 */
public final class YamlCatalogSource implements CatalogSource {
    private static final String CLASSPATH = "classpath:";

    private final List<String> locations;

    /**
     * @param locations file paths, folder paths or {@code classpath:} resources, non-null and non-blank;
     *     surrounding spaces are ignored
     * @throws IllegalArgumentException when a location is blank
     */
    public YamlCatalogSource(List<String> locations) {
        this.locations = Objects.requireNonNull(locations, "locations").stream()
                .map(location -> {
                    if (Objects.requireNonNull(location, "location").isBlank()) {
                        throw new IllegalArgumentException("A data file location is blank");
                    }
                    return location.strip();
                })
                .toList();
    }

    /** The locations as configured (stripped). */
    public List<String> locations() {
        return locations;
    }

    @Override
    public List<FileReading> readAll() {
        List<FileReading> readings = new ArrayList<>();
        for (String location : locations) {
            if (location.startsWith(CLASSPATH)) {
                readings.add(readResource(location));
            } else if (Files.isDirectory(Path.of(location))) {
                readings.addAll(readFolder(location));
            } else {
                readings.add(readFile(location, Path.of(location)));
            }
        }
        return readings;
    }

    private static List<FileReading> readFolder(String location) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(Path.of(location))) {
            files = entries.filter(YamlCatalogSource::isDataFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of(unreadable(location, e));
        }
        String prefix = location.endsWith("/") || location.endsWith("\\") ? location : location + "/";
        return files.stream().map(file -> readFile(prefix + file.getFileName(), file)).toList();
    }

    private static boolean isDataFile(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"))
                && Files.isRegularFile(path);
    }

    private static FileReading readFile(String name, Path path) {
        if (!Files.exists(path)) {
            return notFound(name);
        }
        try {
            return CatalogFileReader.read(name, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return notFound(name);
        } catch (IOException e) {
            return unreadable(name, e);
        }
    }

    private static FileReading readResource(String location) {
        String resource = location.substring(CLASSPATH.length()).strip();
        while (resource.startsWith("/")) {
            resource = resource.substring(1);
        }
        URL url = classLoader().getResource(resource);
        if (resource.isEmpty() || url == null) {
            return notFound(location);
        }
        try (InputStream in = url.openStream()) {
            return CatalogFileReader.read(location, in.readAllBytes());
        } catch (IOException e) {
            return unreadable(location, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : YamlCatalogSource.class.getClassLoader();
    }

    private static FileReading notFound(String name) {
        return new FileReading.Rejected(name, List.of(DataProblem.of(name, 0, "data.problem.file-not-found")));
    }

    private static FileReading unreadable(String name, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new FileReading.Rejected(name, List.of(DataProblem.of(name, 0, "data.problem.unreadable", reason)));
    }
}
