package dev.redyellow.cluster;

import dev.redyellow.files.Sha256;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How this process takes part in a cluster: the address it listens on, the members it joins, and
 * the shared secret that names the cluster. Validated once, here; every problem names the value.
 *
 * @param bindHost   the one address this member listens on (never every interface)
 * @param port       the port it listens on; the coordinator's 0 means "the first free from 5701"
 * @param join       the members to join, {@code host:port}; empty for the first member
 * @param secret     the shared secret ({@value #SECRET_ENV}); empty: loopback only
 * @param localSlots how many test runs the coordinator runs itself at once while workers are there
 *                   (with no worker left it runs every test run itself)
 */
public record ClusterSettings(String bindHost, int port, List<String> join, Optional<String> secret, int localSlots) {

    /** The environment variable holding the shared secret. */
    public static final String SECRET_ENV = "REDYELLOW_CLUSTER_SECRET";
    /** The environment variable naming the coordinator's listening address (default loopback). */
    public static final String BIND_ENV = "REDYELLOW_CLUSTER_BIND";
    /** The environment variable naming the coordinator's own slots (default 0). */
    public static final String LOCAL_SLOTS_ENV = "REDYELLOW_CLUSTER_LOCAL_SLOTS";

    public ClusterSettings {
        join = List.copyOf(join);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (localSlots < 0 || localSlots > 256) {
            throw new IllegalArgumentException("local slots must be between 0 and 256, was " + localSlots);
        }
        for (String address : join) {
            hostOf(address);
        }
        if (isWildcard(bindHost)) {
            throw new IllegalArgumentException("a member listens on one address, not on every interface (" + bindHost + ")");
        }
        if (secret.isPresent() && secret.get().isBlank()) {
            secret = Optional.empty();
        }
        if (secret.isEmpty()) {
            List<String> open = new ArrayList<>();
            if (!isLoopback(bindHost)) {
                open.add(bindHost);
            }
            join.stream().filter(a -> !isLoopback(hostOf(a))).forEach(open::add);
            if (!open.isEmpty()) {
                throw new IllegalArgumentException("without " + SECRET_ENV + " a cluster may use loopback addresses only, "
                        + "not " + String.join(", ", open) + ": set the same secret on every member");
            }
        }
    }

    /** A worker member's settings: listens on {@code bindHost:port}, joins {@code join} (comma-separated, may be empty). */
    public static ClusterSettings worker(String bindHost, int port, String join, Map<String, String> env) {
        if (port < 1) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, was " + port);
        }
        return new ClusterSettings(bindHost, port, addresses(join), secretOf(env), 0);
    }

    /** The coordinator's settings for {@code --cluster HOST:PORT[,...]}, the rest from the environment. */
    public static ClusterSettings coordinator(String cluster, Map<String, String> env) {
        List<String> join = addresses(cluster);
        if (join.isEmpty()) {
            throw new IllegalArgumentException("--cluster needs at least one HOST:PORT");
        }
        String slots = env.getOrDefault(LOCAL_SLOTS_ENV, "0");
        int local;
        try {
            local = Integer.parseInt(slots.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LOCAL_SLOTS_ENV + " must be a whole number, was \"" + slots + "\"", e);
        }
        return new ClusterSettings(env.getOrDefault(BIND_ENV, "127.0.0.1").strip(), 0, join, secretOf(env), local);
    }

    /**
     * The Hazelcast cluster name: derived from the secret, so a member started without it (or with
     * another) is in another cluster and its join is refused. The secret itself never travels.
     */
    public String clusterName() {
        if (secret.isEmpty()) {
            return "redyellow-loopback";
        }
        return "redyellow-" + Sha256.hex("redyellow-cluster\0" + secret.get()).substring(0, 32);
    }

    private static Optional<String> secretOf(Map<String, String> env) {
        return Optional.ofNullable(env.get(SECRET_ENV)).filter(s -> !s.isBlank());
    }

    /** The comma-separated {@code host:port} list, each checked. */
    static List<String> addresses(String list) {
        List<String> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String part : list.split(",")) {
            String address = part.strip();
            if (!address.isEmpty()) {
                hostOf(address);
                out.add(address);
            }
        }
        return out;
    }

    /** The host of {@code host:port}; throws naming the address when it is not one. */
    static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 1 || colon == address.length() - 1) {
            throw new IllegalArgumentException("\"" + address + "\" is not HOST:PORT");
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("\"" + address + "\": the port must be between 1 and 65535");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + address + "\": the port is not a number", e);
        }
        return address.substring(0, colon);
    }

    private static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host \"" + host + "\"", e);
        }
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host \"" + host + "\"", e);
        }
    }
}
