package dev.redyellow.manifest;

import java.util.List;
import java.util.Map;

/** How a feature's tests are run: the manifest's {@code test} object. */
public sealed interface TestSettings {

    int timeoutSeconds();

    /**
     * Inherited environment variables the manifest names ({@code inheritedEnv}) because the tests read them:
     * each one's value, or its absence, is an input of the test cache's key. Those that decide a test
     * process's time zone, locale or tool options are keyed without being named (see the cache's
     * {@code InheritedEnvironment}).
     */
    List<String> inheritedEnv();

    /** These settings in one line, for messages (the test cache keys on each setting on its own). */
    String describe();

    /**
     * Built in: compile the workspace's Java sources and run JUnit Jupiter in a JVM apart from the
     * application's: a warm worker JVM reused across runs, or a fresh JVM per run.
     *
     * @param workerHeapMb  the warm worker JVM's heap limit ({@code -Xmx}), in MiB
     * @param runsPerWorker how many runs a warm worker serves before it is replaced by a fresh one
     * @param inheritedEnv  inherited variables the tests read, keyed by the test cache
     */
    record JUnit(int timeoutSeconds, Fork fork, int workerHeapMb, int runsPerWorker, List<String> inheritedEnv)
            implements TestSettings {

        public static final Fork DEFAULT_FORK = Fork.WARM;
        public static final int DEFAULT_WORKER_HEAP_MB = 256;
        public static final int DEFAULT_RUNS_PER_WORKER = 500;

        public JUnit {
            if (fork == null) {
                throw new IllegalArgumentException("fork must be given");
            }
            if (workerHeapMb < 16 || runsPerWorker < 1) {
                throw new IllegalArgumentException("worker heap must be at least 16 MiB and runs per worker at least 1");
            }
            inheritedEnv = List.copyOf(inheritedEnv);
        }

        /** Without inherited variables named by the manifest. */
        public JUnit(int timeoutSeconds, Fork fork, int workerHeapMb, int runsPerWorker) {
            this(timeoutSeconds, fork, workerHeapMb, runsPerWorker, List.of());
        }

        /**
         * The defaults for everything but the timeout: warm workers of 256 MiB, 500 runs each. A new
         * worker compiles slowly until its JIT has warmed up, so replacing workers often costs more
         * than it protects; leaks are caught after each run anyway (threads, processes, a full heap).
         */
        public JUnit(int timeoutSeconds) {
            this(timeoutSeconds, DEFAULT_FORK, DEFAULT_WORKER_HEAP_MB, DEFAULT_RUNS_PER_WORKER);
        }

        /** The same settings with another fork mode. */
        public JUnit withFork(Fork mode) {
            return new JUnit(timeoutSeconds, mode, workerHeapMb, runsPerWorker, inheritedEnv);
        }

        @Override
        public String describe() {
            return "junit timeout=" + timeoutSeconds + (inheritedEnv.isEmpty() ? "" : " inheritedEnv=" + inheritedEnv);
        }
    }

    /** Where the junit kind runs a workspace's tests, and the command kind a recognised pytest or vitest argv. */
    enum Fork {
        /** In a warm worker JVM that serves many runs, each in a fresh class loader. */
        WARM("warm"),
        /** In a JVM started for this run alone. */
        PER_RUN("perRun");

        private final String manifestName;

        Fork(String manifestName) {
            this.manifestName = manifestName;
        }

        /** The name in the manifest and on the command line. */
        public String manifestName() {
            return manifestName;
        }

        /** The mode with this manifest name, if any. */
        public static java.util.Optional<Fork> named(String name) {
            for (Fork mode : values()) {
                if (mode.manifestName.equals(name)) {
                    return java.util.Optional.of(mode);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * An argv run in the workspace without a shell. {@code reports} is an optional glob (relative to
     * the workspace) of JUnit XML files the command writes; {@code null} when absent. By default only
     * the feature's own tests run (the argv's {@code {tests}} and {@code {testModules}}, filled in
     * for known runners); {@code rerunDependencyTests} runs the argv as written, so discovery picks
     * up the dependencies' tests too (regression mode). {@code mutationCommand} (empty when absent)
     * measures the feature's mutation score when the manifest's {@code mutation} asks: its output gives
     * the killed and survived counts; it is no input of a test run, so the test cache does not key on it.
     * {@code fork}: {@link Fork#WARM} (the default) runs a recognised pytest or vitest argv in a warm
     * server that has imported the runner once; {@link Fork#PER_RUN} starts the argv as a process per
     * run. Any other argv runs as a process per run whatever it says. {@code inheritedEnv}: see
     * {@link TestSettings#inheritedEnv()}.
     */
    record Command(List<String> command, Map<String, String> env, int timeoutSeconds, String reports,
                   boolean rerunDependencyTests, List<String> mutationCommand, Fork fork, List<String> inheritedEnv)
            implements TestSettings {

        public static final Fork DEFAULT_FORK = Fork.WARM;

        public Command {
            command = List.copyOf(command);
            env = Map.copyOf(env);
            mutationCommand = mutationCommand == null ? List.of() : List.copyOf(mutationCommand);
            if (fork == null) {
                throw new IllegalArgumentException("fork must be given");
            }
            inheritedEnv = List.copyOf(inheritedEnv);
        }

        /** Without inherited variables named by the manifest. */
        public Command(List<String> command, Map<String, String> env, int timeoutSeconds, String reports,
                       boolean rerunDependencyTests, List<String> mutationCommand, Fork fork) {
            this(command, env, timeoutSeconds, reports, rerunDependencyTests, mutationCommand, fork, List.of());
        }

        /** In the default fork mode. */
        public Command(List<String> command, Map<String, String> env, int timeoutSeconds, String reports,
                       boolean rerunDependencyTests, List<String> mutationCommand) {
            this(command, env, timeoutSeconds, reports, rerunDependencyTests, mutationCommand, DEFAULT_FORK);
        }

        /**
         * The same settings running the feature's own tests only: a RED proof rests on the feature's own
         * tests failing (SPEC section 1), and a dependency's test failing beside them proves nothing.
         */
        public Command ownTestsOnly() {
            return new Command(command, env, timeoutSeconds, reports, false, mutationCommand, fork, inheritedEnv);
        }

        /** The same settings with another fork mode. */
        public Command withFork(Fork mode) {
            return new Command(command, env, timeoutSeconds, reports, rerunDependencyTests, mutationCommand, mode,
                    inheritedEnv);
        }

        /** Without a mutation command. */
        public Command(List<String> command, Map<String, String> env, int timeoutSeconds, String reports,
                       boolean rerunDependencyTests) {
            this(command, env, timeoutSeconds, reports, rerunDependencyTests, List.of());
        }

        /** Own tests only, the default. */
        public Command(List<String> command, Map<String, String> env, int timeoutSeconds, String reports) {
            this(command, env, timeoutSeconds, reports, false);
        }

        @Override
        public String describe() {
            return "command argv=" + command + " env=" + new java.util.TreeMap<>(env) + " timeout=" + timeoutSeconds
                    + " reports=" + reports + (rerunDependencyTests ? " rerunDependencyTests" : "")
                    + (fork == Fork.PER_RUN ? " fork=perRun" : "")
                    + (inheritedEnv.isEmpty() ? "" : " inheritedEnv=" + inheritedEnv);
        }
    }
}
