package dev.redyellow.manifest;

import java.util.List;
import java.util.Map;

/** How a feature's tests are run: the manifest's {@code test} object. */
public sealed interface TestSettings {

    int timeoutSeconds();

    /** The stable identity of these settings, part of every test-cache key. */
    String describe();

    /** Built in: compile the workspace's Java sources and run JUnit Jupiter in a separate JVM. */
    record JUnit(int timeoutSeconds) implements TestSettings {
        @Override
        public String describe() {
            return "junit timeout=" + timeoutSeconds;
        }
    }

    /**
     * An argv run in the workspace without a shell. {@code reports} is an optional glob (relative to
     * the workspace) of JUnit XML files the command writes; {@code null} when absent.
     */
    record Command(List<String> command, Map<String, String> env, int timeoutSeconds, String reports)
            implements TestSettings {
        public Command {
            command = List.copyOf(command);
            env = Map.copyOf(env);
        }

        @Override
        public String describe() {
            return "command argv=" + command + " env=" + new java.util.TreeMap<>(env) + " timeout=" + timeoutSeconds
                    + " reports=" + reports;
        }
    }
}
