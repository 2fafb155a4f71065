package dev.redyellow.cluster;

import dev.redyellow.testing.TestRunner;
import dev.redyellow.testing.TestRunners;
import java.util.List;
import java.util.Map;

/**
 * A run's test runner with or without a cluster: what a launcher ({@code run --cluster}, the app's
 * setting) asks for, so it needs one line for each. Closing it leaves the cluster; the local runners
 * stay the caller's.
 */
public final class ClusterRun implements AutoCloseable {
    private final TestRunner runner;
    private final ClusterTestRunner cluster;

    private ClusterRun(TestRunner runner, ClusterTestRunner cluster) {
        this.runner = runner;
        this.cluster = cluster;
    }

    /**
     * The local runners alone when {@code cluster} is null or blank, else a coordinator joined to
     * those members; throws {@link IllegalArgumentException} naming a bad address or setting.
     */
    public static ClusterRun open(String cluster, TestRunners local, Map<String, String> env) {
        if (cluster == null || cluster.isBlank()) {
            return new ClusterRun(local, null);
        }
        ClusterTestRunner coordinator = ClusterTestRunner.start(ClusterSettings.coordinator(cluster, env), local);
        return new ClusterRun(coordinator, coordinator);
    }

    /** What is wrong with {@code --cluster VALUE} and the environment's cluster settings, if anything. */
    public static java.util.Optional<String> problem(String cluster, Map<String, String> env) {
        try {
            ClusterSettings.coordinator(cluster, env);
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    public TestRunner runner() {
        return runner;
    }

    /** The members' figures for the report; empty without a cluster. */
    public List<MemberFigures> members() {
        return cluster == null ? List.of() : cluster.members();
    }

    /** Every test run and the member that ran it; empty without a cluster. */
    public List<MemberRun> runs() {
        return cluster == null ? List.of() : cluster.runs();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
