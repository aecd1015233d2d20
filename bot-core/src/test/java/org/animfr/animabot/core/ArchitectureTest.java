package org.animfr.animabot.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the core plain Java: no framework, no platform SDK. */
class ArchitectureTest {
    private static final String CORE = "org.animfr.animabot.core";
    private static final List<String> CORE_PACKAGES = List.of(
            CORE + ".chat", CORE + ".command", CORE + ".session", CORE + ".qa", CORE + ".i18n", CORE + ".room");

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void theRuleLooksAtPackagesThatExist() {
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
                        "tools.jackson..", "com.fasterxml..", "org.animfr.animabot.persistence..",
                        "org.animfr.animabot.console..", "org.animfr.animabot.catalog..",
                        "org.animfr.animabot.app..")
                .check(core);
    }
}
