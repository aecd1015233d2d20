package org.animfr.animabot.catalog.yaml;

import static org.animfr.animabot.catalog.yaml.YamlFiles.reject;
import static org.animfr.animabot.catalog.yaml.YamlFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.animfr.animabot.core.i18n.Language;
import org.animfr.animabot.core.i18n.Messages;
import org.animfr.animabot.core.session.FileReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per way a file can fail to be YAML, or UTF-8: what the organizer reads (in French, by default), with
 * the line and how to fix it, instead of SnakeYAML's English.
 */
class YamlSyntaxProblemsTest {
    private static final Messages MESSAGES = new Messages();

    @TempDir
    Path dir;

    private List<String> seen(String yaml) {
        return seen(reject(write(dir, "data.yaml", yaml)), Language.FR);
    }

    /** The problems as an organizer reads them, the file named as written in the folder. */
    private static List<String> seen(FileReading.Rejected rejected, Language language) {
        return rejected.problems().stream()
                .map(problem -> problem.describe(MESSAGES, language).replace(rejected.name(), "data.yaml"))
                .toList();
    }

    @Test
    void everyLineIndentedWithATabIsReportedAtOnce() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                \tname: Animacoop 7
                    start: 2012-10-01
                \tend: 2012-12-28
                """);

        assertThat(seen).containsExactly(
                "data.yaml, ligne 3 : une tabulation sert d’indentation : remplacez-la par des espaces",
                "data.yaml, ligne 5 : une tabulation sert d’indentation : remplacez-la par des espaces");
    }

    @Test
    void aTabReadsInEnglishForAnEnglishSpeakingOrganizer() {
        FileReading.Rejected rejected = reject(write(dir, "data.yaml", "network:\n\tname: Anim-fr\n"));

        assertThat(seen(rejected, Language.EN))
                .containsExactly("data.yaml, line 2: a tab is used for indentation: replace it with spaces");
    }

    @Test
    void anUnquotedQuestionMarkInsideBracketsAsksForDoubleQuotes() {
        List<String> seen = seen("""
                faq:
                  - question: "C’est gratuit ?"
                    phrasings: [combien ca coute ?, prix]
                    answer: Oui.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : entre [ ], « ? » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : \"combien ca coute ?\"");
    }

    @Test
    void anUnquotedColonInsideBracketsAsksForDoubleQuotesThoughYamlReadsAKeyAndValue() {
        List<String> seen = seen("""
                faq:
                  - question: Quand ?
                    phrasings: [horaires : le matin, quand]
                    answer: Le lundi.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : entre [ ], « : » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : \"horaires : le matin\"");
    }

    @Test
    void aColonInAListItemAsksForDoubleQuotesThoughYamlReadsAKeyAndValue() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    start: 2012-10-01
                    end: 2012-12-28
                    facilitators:
                      - Marie : animatrice
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 7 : « : » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : \"Marie : animatrice\"");
    }

    @Test
    void anUnquotedColonInsideBracesAsksForDoubleQuotesAroundTheValue() {
        List<String> seen = seen("""
                sessions:
                  - {id: animacoop-7, name: Animacoop: la suite, start: 2012-10-01, end: 2012-12-28}
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 2 : entre { }, « : » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : name: \"Animacoop: la suite\"");
    }

    @Test
    void aHashInsideBracketsIsReportedWhereItCutsTheLineNotWhereYamlNoticed() {
        List<String> seen = seen("""
                faq:
                  - question: Combien ?
                    phrasings: [prix #1, tarif]
                    answer: Rien.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : entre [ ], « # » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : \"prix #1\"");
    }

    @Test
    void aColonInsideAValueAsksForDoubleQuotes() {
        List<String> seen = seen("""
                faq:
                  - question: Horaires : le matin ?
                    answer: Oui.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 2 : « : » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : question: \"Horaires : le matin ?\"");
    }

    @Test
    void aValueStartingWithAnAtSignAsksForDoubleQuotes() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    facilitators: @marie
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : « @ » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : facilitators: \"@marie\"");
    }

    @Test
    void anApostropheInsideSingleQuotesAsksForDoubleQuotes() {
        List<String> seen = seen("""
                faq:
                  - question: 'C'est gratuit ?'
                    answer: Oui.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 2 : « ' » a un sens particulier en YAML : "
                + "mettez le texte entre guillemets doubles, ainsi : question: \"C'est gratuit ?\"");
    }

    @Test
    void aKeyLessIndentedThanItsBlockIsToBeAlignedOnTheKeyAbove() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                   start: 2012-10-01
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 4 : « start » n’est pas aligné avec les lignes de son "
                + "bloc : mettez devant autant d’espaces que devant « name », ligne 3");
    }

    @Test
    void aKeyMoreIndentedThanItsBlockIsToBeAlignedOnTheKeyAbove() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                      start: 2012-10-01
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 4 : « start » n’est pas aligné avec les lignes de son "
                + "bloc : mettez devant autant d’espaces que devant « name », ligne 3");
    }

    @Test
    void aKeyMisalignedAfterANestedListIsAlignedOnItsOwnBlock() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    gatherings:
                      - date: 2012-11-15T09:30
                        place: Brest
                   weeks:
                      - {number: 1, theme: Se présenter}
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 6 : « weeks » n’est pas aligné avec les lignes de son "
                + "bloc : mettez devant autant d’espaces que devant « gatherings », ligne 3");
    }

    @Test
    void aListItemMisalignedWithTheOthersIsReportedAtItsDash() {
        List<String> seen = seen("""
                faq:
                  - question: Qui ?
                    answer: Nous.
                 - question: Quand ?
                   answer: Lundi.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 4 : « - question » n’est pas aligné avec les lignes de "
                + "son bloc : mettez devant autant d’espaces que devant « - question », ligne 2");
    }

    @Test
    void aQuoteNeverClosedIsReportedWhereItOpens() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    name: "Animacoop 7
                    start: 2012-10-01
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : le guillemet « \" » ouvert sur cette ligne n’est "
                + "jamais refermé : ajoutez « \" » à la fin du texte");
    }

    @Test
    void aQuoteNeverClosedIsReportedWhereItOpensEvenWhenAnotherQuoteFollows() {
        List<String> seen = seen("""
                sessions:
                  - id: animacoop-7
                    name: "Animacoop 7
                    start: 2012-10-01
                    territory: "Pays de Brest"
                    end: 2012-12-28
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : le guillemet « \" » ouvert sur cette ligne n’est "
                + "jamais refermé : ajoutez « \" » à la fin du texte");
    }

    @Test
    void aBracketNeverClosedIsReportedWhereItOpens() {
        List<String> seen = seen("""
                faq:
                  - phrasings: [prix, tarif
                    question: Combien ?
                    answer: Rien.
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 2 : le « [ » ouvert sur cette ligne n’est jamais "
                + "refermé : ajoutez « ] » après le dernier élément");
    }

    @Test
    void aKeyGluedToItsValueAsksForASpace() {
        List<String> seen = seen("""
                network:
                  name:Anim-fr
                  timezone: Europe/Paris
                """);

        assertThat(seen).containsExactly(
                "data.yaml, ligne 2 : une clé doit être suivie de « : » et d’une espace : écrivez name: Anim-fr");
    }

    @Test
    void aKeyWithoutColonAsksForOne() {
        List<String> seen = seen("""
                network:
                  name: Anim-fr
                  timezone Europe/Paris
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 3 : une clé doit être suivie de « : » et d’une espace : "
                + "écrivez timezone: Europe/Paris");
    }

    @Test
    void aBackslashInsideDoubleQuotesAsksToDoubleIt() {
        List<String> seen = seen("""
                network:
                  name: "C:\\Animacoop"
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 2 : entre guillemets doubles, « \\ » annonce un caractère "
                + "spécial : écrivez « \\\\ » pour une barre oblique inverse");
    }

    @Test
    void anyOtherSyntaxErrorIsStillWordedInFrenchWithYamlsDetail() {
        List<String> seen = seen("""
                sessions:
                  - !!java.io.File {id: animacoop-7}
                """);

        assertThat(seen).containsExactly("data.yaml, ligne 2 : le YAML est mal formé "
                + "(Global tag is not allowed: tag:yaml.org,2002:java.io.File)");
    }

    @Test
    void aFileSavedInLatin1IsReportedAtItsFirstBadLineWithHowToSaveIt() throws IOException {
        Path file = dir.resolve("data.yaml");
        Files.write(file, """
                sessions:
                  - id: animacoop-7
                    name: Animacoop 7
                    territory: Pays de Brest
                    description: Former à la coopération, semaine après semaine
                    weeks:
                      - {number: 1, theme: Se présenter}
                """.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(seen(reject(file), Language.FR)).containsExactly("data.yaml, ligne 5 : le fichier n’est pas en "
                + "UTF-8 : cette ligne et une autre contiennent des caractères d’un autre codage "
                + "(Latin-1 par exemple) ; enregistrez le fichier en UTF-8");
    }

    @Test
    void aFileWithOneLatin1LineSaysSo() throws IOException {
        Path file = dir.resolve("data.yaml");
        Files.write(file, "faq: [{question: Qui ?, answer: L\u00e9quipe}]\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(seen(reject(file), Language.FR)).containsExactly("data.yaml, ligne 1 : le fichier n’est pas en "
                + "UTF-8 : cette ligne contient des caractères d’un autre codage (Latin-1 par exemple) ;"
                + " enregistrez le fichier en UTF-8");
    }
}
