package org.animfr.animabot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the core plain Java (no framework, no platform SDK), its packages free of cycles, and the dispatch layer
 * below the features: features depend on dispatch, never the reverse.
 */
class ArchitectureTest {
    private static final String CORE = "org.animfr.animabot.core";
    private static final List<String> CORE_PACKAGES = List.of(
            CORE + ".chat", CORE + ".chat.spi", CORE + ".dispatch", CORE + ".text", CORE + ".i18n",
            CORE + ".person", CORE + ".session", CORE + ".room", CORE + ".qa", CORE + ".delivery",
            CORE + ".schedule", CORE + ".learner", CORE + ".matching", CORE + ".introduce", CORE + ".privacy",
            CORE + ".metrics");
    private static final String[] FEATURES = {
        CORE + ".person..", CORE + ".session..", CORE + ".room..", CORE + ".qa..", CORE + ".delivery..",
        CORE + ".schedule..", CORE + ".learner..", CORE + ".matching..", CORE + ".introduce..", CORE + ".privacy.."};

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void theRulesLookAtPackagesThatExist() {
        for (String pkg : CORE_PACKAGES) {
            assertThat(core.containPackage(pkg)).as(pkg).isTrue();
            assertThat(core.getPackage(pkg).getClasses()).as(pkg).isNotEmpty();
        }
    }

    @Test
    void coreDependsOnNoFrameworkNorPlatform() {
        noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "net.dv8tion..", "de.connect2x..", "net.folivo..", "io.ktor..",
                        "kotlin..", "kotlinx..", "jakarta.persistence..", "org.flywaydb..", "org.yaml..",
                        "tools.jackson..", "com.fasterxml..", "java.util.logging..", "io.micrometer..",
                        "org.animfr.animabot.persistence..", "org.animfr.animabot.console..",
                        "org.animfr.animabot.catalog..", "org.animfr.animabot.discord..",
                        "org.animfr.animabot.matrix..", "org.animfr.animabot.app..")
                .check(core);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().matching(CORE + ".(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void dispatchKnowsOnlyTheChatPortsTheBundlesAndTheTextFold() {
        noClasses().that().resideInAPackage(CORE + ".dispatch..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(core);
    }

    @Test
    void theChatPortsKnowNoFeature() {
        noClasses().that().resideInAPackage(CORE + ".chat..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .orShould().dependOnClassesThat().resideInAPackage(CORE + ".dispatch..")
                .check(core);
    }
}
