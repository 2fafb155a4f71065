package dev.redyellow.cluster;

import dev.redyellow.manifest.TestSettings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A request's test settings as they travel to a member (the manifest's records are not serialisable). */
record WireSettings(String kind, int timeoutSeconds, String fork, int workerHeapMb, int runsPerWorker,
                    List<String> command, Map<String, String> env, String reports, boolean rerunDependencyTests,
                    List<String> inheritedEnv)
        implements Serializable {

    WireSettings {
        inheritedEnv = inheritedEnv == null ? List.of() : List.copyOf(inheritedEnv); // null from an older coordinator
    }

    static WireSettings of(TestSettings settings) {
        if (settings instanceof TestSettings.JUnit j) {
            return new WireSettings("junit", j.timeoutSeconds(), j.fork().manifestName(), j.workerHeapMb(),
                    j.runsPerWorker(), List.of(), Map.of(), null, false, List.copyOf(j.inheritedEnv()));
        }
        if (settings instanceof TestSettings.Command c) {
            return new WireSettings("command", c.timeoutSeconds(), c.fork().manifestName(), 0, 0, List.copyOf(c.command()),
                    Map.copyOf(c.env()), c.reports(), c.rerunDependencyTests(), List.copyOf(c.inheritedEnv()));
        }
        throw new IllegalArgumentException("unknown test kind: " + settings.describe());
    }

    TestSettings settings() {
        if (kind.equals("junit")) {
            return new TestSettings.JUnit(timeoutSeconds, TestSettings.Fork.named(fork).orElseThrow(), workerHeapMb,
                    runsPerWorker, inheritedEnv);
        }
        return new TestSettings.Command(command, env, timeoutSeconds, reports, rerunDependencyTests, List.of(),
                fork == null ? TestSettings.Command.DEFAULT_FORK : TestSettings.Fork.named(fork).orElseThrow(), inheritedEnv);
    }
}
