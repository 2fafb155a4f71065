package dev.redyellow.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One test run sent to a worker member through the cluster's executor: the workspace by content
 * hash, the settings, and where to stream the output. Runs on the member with its {@link ClusterMember}.
 * A class, not a record: Hazelcast hands it its instance in a field that must not travel.
 */
final class RemoteTestRun implements Callable<WireResult>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;

    final String runId;
    final String outputTopic;
    final WorkspaceFiles files;
    final WireSettings settings;
    final List<String> selectedTests;
    final String featureId;
    /** The workspace's path on the coordinator, so paths in the result read as they would there. */
    final String coordinatorRoot;
    /**
     * What of the coordinator's environment the run's cache key holds ({@code CacheKey.environmentOf});
     * null from a coordinator of an older version, whose keys held none of it.
     */
    final java.util.Map<String, String> environment;
    private transient HazelcastInstance instance;

    RemoteTestRun(String runId, String outputTopic, WorkspaceFiles files, WireSettings settings,
                  List<String> selectedTests, String featureId, String coordinatorRoot,
                  java.util.Map<String, String> environment) {
        this.runId = runId;
        this.outputTopic = outputTopic;
        this.files = files;
        this.settings = settings;
        this.selectedTests = List.copyOf(selectedTests);
        this.featureId = featureId;
        this.coordinatorRoot = coordinatorRoot;
        this.environment = environment == null ? null : java.util.Map.copyOf(environment);
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance instance) {
        this.instance = instance;
    }

    @Override
    public WireResult call() throws Exception {
        Object member = instance == null ? null : instance.getUserContext().get(MemberConfig.NODE);
        if (!(member instanceof ClusterMember worker)) {
            throw new IllegalStateException("this member is not a RedYellow worker");
        }
        return worker.run(this, instance);
    }
}
