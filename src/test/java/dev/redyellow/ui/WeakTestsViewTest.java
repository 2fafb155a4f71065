package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import dev.redyellow.cycle.FeatureState;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 22 in the real window: a feature with weak tests is marked in the graph, its survivors in the details. */
@ExtendWith(ApplicationExtension.class)
class WeakTestsViewTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("dev/redyellow/test/" + UUID.randomUUID());
    private RedYellowApp app;

    @Start
    void start(Stage stage) {
        app = new RedYellowApp(AppEnvironment.under(dir, prefs));
        app.start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.window().close()).get();
        prefs.removeNode();
    }

    @Test
    void aFeatureUnderTheMinimumIsMarkedAndItsSurvivorsShown(FxRobot robot) throws Exception {
        Path manifest = ProjectFiles.samples().resolve("reasons/weak-tests.json").toAbsolutePath().normalize();
        MainWindow window = app.window();
        WaitForAsyncUtils.asyncFx(() -> window.project().open(manifest)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.project().project() != null
                && window.project().items().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Node node = robot.lookup(".feature-node").query();
        assertFalse(node.getPseudoClassStates().contains(PseudoClass.getPseudoClass("weak-tests")));

        robot.clickOn("#run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#trust-commands").tryQuery().isPresent());
        robot.clickOn("Trust and run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.metrics().completeProperty().get());
        WaitForAsyncUtils.asyncFx(() -> window.project().select("adult")).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(FeatureState.FAILED, window.project().item("adult").orElseThrow().state());
        assertTrue(robot.lookup(".feature-node").query().getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("weak-tests")), "the graph marks the feature");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#mutation-score").queryAs(Label.class)
                .getText().isEmpty());
        String shown = robot.lookup("#mutation-score").queryAs(Label.class).getText();
        assertTrue(shown.startsWith("Mutation score: 0 of 1 mutants killed (0%)"), shown);
        assertTrue(shown.contains("Surviving: adult.py:2: replaced >= with >"), shown);
    }
}
