package dev.redyellow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine never depends on JavaFX, the UI or the command line (STYLE.md, "Layout"). */
class ArchitectureTest {
    private static final String[] ENGINE = {"dev.redyellow.manifest..", "dev.redyellow.graph..", "dev.redyellow.cycle..",
        "dev.redyellow.exec..", "dev.redyellow.testing..", "dev.redyellow.implement..", "dev.redyellow.cache..",
        "dev.redyellow.store..", "dev.redyellow.stream..", "dev.redyellow.run..", "dev.redyellow.bench.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.redyellow");
    }

    @Test
    void engineNeverUsesJavaFx() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.controlsfx..").check(classes);
    }

    @Test
    void engineNeverUsesTheUiOrTheCommandLine() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("dev.redyellow.ui..", "dev.redyellow.cli..").check(classes);
    }

    @Test
    void commandLineNeverUsesJavaFx() {
        noClasses().that().resideInAPackage("dev.redyellow.cli..").should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "dev.redyellow.ui..").check(classes);
    }

    @Test
    void theRulesSeeTheEngine() {
        // guards the rules above against passing on an empty import
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.redyellow.run.RunEngine"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.redyellow.ui.RedYellowApp"));
    }
}
