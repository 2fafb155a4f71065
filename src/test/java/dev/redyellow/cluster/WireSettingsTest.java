package dev.redyellow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.manifest.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test settings reach a member as they left: a command's fork mode included (it decides warm or a process per run). */
class WireSettingsTest {

    @Test
    void aCommandKeepsItsForkMode() {
        TestSettings.Command perRun = new TestSettings.Command(List.of("python3", "-m", "pytest"), Map.of("A", "1"), 30,
                "r/*.xml", true, List.of(), TestSettings.Fork.PER_RUN);

        assertEquals(perRun, WireSettings.of(perRun).settings());
        assertEquals(perRun.withFork(TestSettings.Fork.WARM), WireSettings.of(perRun.withFork(TestSettings.Fork.WARM)).settings());
    }

    @Test
    void bothKindsKeepTheInheritedVariablesTheirKeysHold() {
        TestSettings.Command command = new TestSettings.Command(List.of("pytest"), Map.of(), 30, null, false, List.of(),
                TestSettings.Fork.WARM, List.of("FLAG"));
        TestSettings.JUnit junit = new TestSettings.JUnit(30, TestSettings.Fork.PER_RUN, 128, 10, List.of("FLAG", "OTHER"));

        assertEquals(command, WireSettings.of(command).settings());
        assertEquals(junit, WireSettings.of(junit).settings());
    }
}
