package dev.redyellow.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hazelcast logs through java.util.logging ({@code hazelcast.logging.type=jdk}); its INFO lines
 * (partition tables, join progress) and its warnings (every reconnect to a member that left, the
 * internal-API notice) would bury the user's console, so only its errors pass. What matters to a
 * user, a member leaving mid-run or a refused join, RedYellow says itself.
 */
final class HazelcastLogging {
    /** Held so the configured level is not lost when the logger is collected. */
    private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

    private HazelcastLogging() {
    }

    static void quieten() {
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "jdk");
        }
        HAZELCAST.setLevel(Level.SEVERE);
    }
}
