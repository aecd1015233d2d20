package org.animfr.animabot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizersWordsTest {
    @TempDir
    Path folder;

    @Test
    void theOrganizersFilesAreReadByName() throws IOException {
        Files.writeString(folder.resolve("examples-inscriptions.txt"), "# ours\nREGISTER fr: comment adhérer\n");
        Files.writeString(folder.resolve("examples.txt"), "PRICE fr: ça douille ?\n");
        Files.writeString(folder.resolve("texting.txt"), "kwand => quand\n");
        Files.writeString(folder.resolve("synonyms.txt"), "bagnole, voiture => covoiturage\n");
        Files.writeString(folder.resolve("notes.md"), "not read\n");

        OrganizersWords words = OrganizersWords.read(folder);

        assertThat(words.examples()).containsExactly("# ours", "REGISTER fr: comment adhérer", "PRICE fr: ça douille ?");
        assertThat(words.texting()).containsExactly("kwand => quand");
        assertThat(words.synonyms()).containsExactly("bagnole, voiture => covoiturage");
        assertThat(words.describe()).hasValueSatisfying(line -> assertThat(line).contains("2 examples",
                "1 texting words", "1 synonym lines"));
    }

    @Test
    void noFolderIsNoWords() {
        OrganizersWords words = OrganizersWords.read(folder.resolve("absent"));

        assertThat(words.examples()).isEmpty();
        assertThat(words.describe()).isEmpty();
    }
}
