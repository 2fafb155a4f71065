package dev.redyellow.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.Map;

/**
 * The Hazelcast configuration of a RedYellow member: TCP/IP join with the listed members only (no
 * multicast, no cloud auto-detection), listening on one address (never every interface), no phone
 * home, failure detection in seconds rather than a minute, and the cluster name of the secret.
 */
final class MemberConfig {
    static final String ROLE = "redyellow.role";
    static final String SLOTS = "redyellow.slots";
    static final String CORES = "redyellow.cores";
    /**
     * Set by a member that compares its environment with the run's cache keys before each run (since
     * 2026-12-07): one without it runs in whatever environment it has, so it gets no runs.
     */
    static final String CHECKS_ENVIRONMENT = "redyellow.checksEnvironment";
    static final String WORKER = "worker";
    static final String COORDINATOR = "coordinator";
    static final String EXECUTOR = "redyellow-tests";
    static final String BLOBS = "redyellow-blobs";
    /** Where a member keeps its {@link ClusterMember} in the user context, for tasks to find it. */
    static final String NODE = "redyellow.node";

    private MemberConfig() {
    }

    static Config of(ClusterSettings settings, String role, int slots, Map<String, Object> userContext) {
        Config config = new Config();
        config.setClusterName(settings.clusterName());
        config.setInstanceName("redyellow-" + role + "-" + Long.toHexString(System.nanoTime()));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", System.getProperty("hazelcast.logging.type", "jdk"));
        // bind to the given address only: Hazelcast's default is every interface
        config.setProperty("hazelcast.socket.bind.any", "false");
        // RedYellow's own stop (the worker command's hook) closes test processes first
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        // a member killed with -9 is noticed in seconds, so its runs are re-run soon
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.setProperty("hazelcast.jmx", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port() == 0 ? 5701 : settings.port());
        network.setPortAutoIncrement(settings.port() == 0);
        network.setPortCount(100);
        network.getInterfaces().setEnabled(true).addInterface(settings.bindHost());
        network.getRestApiConfig().setEnabled(false);
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2).setMembers(settings.join());
        if (settings.join().isEmpty()) {
            join.getTcpIpConfig().addMember(settings.bindHost() + ":" + network.getPort());
        }

        config.getMemberAttributeConfig().setAttribute(ROLE, role);
        config.getMemberAttributeConfig().setAttribute(SLOTS, Integer.toString(slots));
        config.getMemberAttributeConfig().setAttribute(CHECKS_ENVIRONMENT, "1");
        config.getMemberAttributeConfig().setAttribute(CORES,
                Integer.toString(Runtime.getRuntime().availableProcessors()));
        // the run's concurrency is the coordinator's scheduler's; the executor never queues behind it
        config.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(64));
        // blobs are content-addressed: shared by every run, dropped when unused for ten minutes
        config.addMapConfig(new MapConfig(BLOBS).setBackupCount(1).setMaxIdleSeconds(600));
        config.getUserContext().putAll(userContext);
        return config;
    }
}
