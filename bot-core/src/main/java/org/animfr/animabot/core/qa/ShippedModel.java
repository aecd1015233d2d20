package org.animfr.animabot.core.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The intent model trained at build time from the shipped examples, so that the bot starts without training it
 * (training takes a few seconds of CPU on a small server). {@link #main} writes it next to the classes during the
 * build; {@link #load} reads it back, or says there is none (a build that skipped the step: then the model is
 * trained at start as before). Organizers' own examples, texting words or synonyms change what the model reads,
 * so with them it is always trained at start.
 */
public final class ShippedModel {
    static final String FOLDER = "model/";
    private static final String MODEL = FOLDER + "intents.bin";
    private static final String WORDS = FOLDER + "in-scope-words.txt";
    private static final String TERMS = FOLDER + "in-scope-terms.txt";

    private ShippedModel() {}

    /** Trains the model on the shipped examples and writes it into the folder given (the build's classes). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]).resolve("org/animfr/animabot/core/qa");
        QuestionUnderstanding.Model model = new QuestionUnderstanding().train();
        Files.createDirectories(folder.resolve(FOLDER));
        try (OutputStream out = Files.newOutputStream(folder.resolve(MODEL))) {
            model.classifier().write(out);
        }
        Files.write(folder.resolve(WORDS), model.inScope().stream().sorted().toList(), StandardCharsets.UTF_8);
        Files.write(folder.resolve(TERMS), model.inScopeTerms().stream().sorted().toList(), StandardCharsets.UTF_8);
    }

    static Optional<QuestionUnderstanding.Model> load() {
        try (InputStream model = ShippedModel.class.getResourceAsStream(MODEL);
                InputStream words = ShippedModel.class.getResourceAsStream(WORDS);
                InputStream terms = ShippedModel.class.getResourceAsStream(TERMS)) {
            if (model == null || words == null || terms == null) {
                return Optional.empty();
            }
            return Optional.of(new QuestionUnderstanding.Model(IntentClassifier.load(model), lines(words),
                    lines(terms)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped intent model", e);
        }
    }

    private static Set<String> lines(InputStream in) throws IOException {
        return Set.copyOf(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    }
}
