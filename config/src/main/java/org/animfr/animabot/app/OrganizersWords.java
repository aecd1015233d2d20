package org.animfr.animabot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The organizers' own words for understanding questions, from a folder beside the data: example questions
 * ({@code examples*.txt}), texting words ({@code texting.txt}) and domain synonyms ({@code synonyms.txt}), in the
 * formats of the files shipped with the bot. An absent folder is no words.
 *
 * @param examples lines "INTENT language: question"
 * @param texting lines "typed => meant"
 * @param synonyms lines "word, word => concept"
 * @param files the files read, for the start-up log
 */
record OrganizersWords(List<String> examples, List<String> texting, List<String> synonyms, List<Path> files) {

    static OrganizersWords read(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new OrganizersWords(List.of(), List.of(), List.of(), List.of());
        }
        List<String> examples = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("examples") && name.endsWith(".txt")) {
                    examples.addAll(lines(file));
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder, e);
        }
        List<String> texting = lines(folder.resolve("texting.txt"));
        List<String> synonyms = lines(folder.resolve("synonyms.txt"));
        Stream.of("texting.txt", "synonyms.txt").map(folder::resolve).filter(Files::isRegularFile).forEach(files::add);
        return new OrganizersWords(List.copyOf(examples), texting, synonyms, List.copyOf(files));
    }

    /** "Understanding: 12 examples, 3 texting words, 2 synonym lines from data/understanding/…", or nothing. */
    Optional<String> describe() {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Organizers' words for understanding questions: " + count(examples) + " examples, "
                + count(texting) + " texting words, " + count(synonyms) + " synonym lines, from " + files);
    }

    private static long count(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).count();
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.copyOf(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
