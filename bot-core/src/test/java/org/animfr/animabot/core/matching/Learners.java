package org.animfr.animabot.core.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-written learners of {@code projects.tsv}, with the theme a facilitator would group them by. */
record Learners(List<ProjectProfile> profiles, Map<String, String> themes) {
    static Learners load() {
        List<ProjectProfile> profiles = new ArrayList<>();
        Map<String, String> themes = new LinkedHashMap<>();
        for (String line : read("projects.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 5) {
                throw new IllegalStateException("Five fields expected: " + line);
            }
            List<String> keywords = fields[3].isBlank() ? List.of()
                    : Arrays.stream(fields[3].split(",")).map(String::strip).toList();
            profiles.add(new ProjectProfile(fields[0], fields[4], keywords, fields[2]));
            themes.put(fields[0], fields[1]);
        }
        return new Learners(List.copyOf(profiles), Map.copyOf(themes));
    }

    /** The other learners of the same theme. */
    List<String> partnersOf(String learnerId) {
        String theme = themes.get(learnerId);
        return profiles.stream().map(ProjectProfile::learnerId)
                .filter(id -> !id.equals(learnerId) && themes.get(id).equals(theme))
                .toList();
    }

    private static String read(String name) {
        try (InputStream in = Learners.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
