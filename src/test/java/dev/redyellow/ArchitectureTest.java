package dev.redyellow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine never depends on JavaFX, the UI or the command line (STYLE.md, "Layout"). */
class ArchitectureTest {
    private static final String[] ENGINE = {"dev.redyellow.manifest..", "dev.redyellow.graph..", "dev.redyellow.cycle..",
        "dev.redyellow.exec..", "dev.redyellow.testing..", "dev.redyellow.implement..", "dev.redyellow.cache..",
        "dev.redyellow.store..", "dev.redyellow.stream..", "dev.redyellow.files..", "dev.redyellow.cluster..",
        "dev.redyellow.run..",
        "dev.redyellow.bench.."};

    /** The engine's parts, below the run that wires them. */
    private static final String[] PARTS = {"dev.redyellow.manifest..", "dev.redyellow.graph..", "dev.redyellow.cycle..",
        "dev.redyellow.exec..", "dev.redyellow.testing..", "dev.redyellow.implement..", "dev.redyellow.cache..",
        "dev.redyellow.store..", "dev.redyellow.stream..", "dev.redyellow.files..", "dev.redyellow.cluster.."};

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
    void packagesHaveNoCycles() {
        SlicesRuleDefinition.slices().matching("dev.redyellow.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theEngineBelowTheRunNeverUsesTheRunOrTheBenchmarks() {
        // ui/cli -> run -> the engine's parts: a part that reached up into the run would tie it to one wiring
        noClasses().that().resideInAnyPackage(PARTS).should().dependOnClassesThat()
                .resideInAnyPackage("dev.redyellow.run..", "dev.redyellow.bench..").check(classes);
    }

    @Test
    void theFrontEndsStartRunsOnlyThroughTheLauncher() {
        // one way to run: the window and the command line wire a run once, in run.RunLauncher
        noClasses().that().resideInAnyPackage("dev.redyellow.ui..", "dev.redyellow.cli..").should()
                .dependOnClassesThat().haveFullyQualifiedName("dev.redyellow.run.RunEngine").check(classes);
    }

    @Test
    void filesDependOnNothingOfTheProduct() {
        noClasses().that().resideInAPackage("dev.redyellow.files..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.redyellow")
                .orShould().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.redyellow.files..")
                .check(classes);
    }

    @Test
    void theEngineNeverWritesToTheStandardStreams() {
        // output goes through the streams, a PrintWriter the caller gives, or System.Logger (JabRef's rule);
        // testing.worker runs inside the warm test JVM, whose standard streams are its protocol and what
        // the tests print (it takes and restores them around each run)
        noClasses().that().resideInAnyPackage(PARTS)
                .and().resideOutsideOfPackage("dev.redyellow.testing.worker..")
                .should().accessField(System.class, "out").orShould()
                .accessField(System.class, "err").check(classes);
    }

    @Test
    void theDaemonsClientLoadsNothingButTheJdkAndTheFiles() {
        // the launcher runs it first: a run the daemon answers must not pay for picocli, the engine or JavaFX
        noClasses().that().resideInAPackage("dev.redyellow.daemon..").should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "jdk.net..", "dev.redyellow.daemon..", "dev.redyellow.files..",
                        "dev.redyellow.concurrent..").check(classes);
    }

    @Test
    void theWaitsDependOnNothingButTheJdk() {
        // the daemon's client uses them: what they load, it loads
        noClasses().that().resideInAPackage("dev.redyellow.concurrent..").should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "dev.redyellow.concurrent..").check(classes);
    }

    @Test
    void theRulesSeeTheEngine() {
        // guards the rules above against passing on an empty import
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.redyellow.run.RunEngine"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("dev.redyellow.ui.RedYellowApp"));
    }
}
