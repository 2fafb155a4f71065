package dev.redyellow.cli;

import dev.redyellow.bench.SchedulerBench;
import java.util.concurrent.Callable;
import dev.redyellow.bench.JUnitBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redyellow bench ...}: the benchmarks, printing their tables. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs a benchmark and prints its table.",
        subcommands = {BenchCommand.Scheduler.class, BenchCommand.Cache.class, BenchCommand.Stream.class,
                BenchCommand.JUnit.class, BenchCommand.Faults.class, BenchCommand.Workspace.class,
                BenchCommand.Parity.class, BenchCommand.RealCode.class, BenchCommand.RemoteCache.class,
                BenchCommand.Mutation.class, BenchCommand.Cluster.class,
                BenchCommand.RealJs.class, BenchCommand.RealPy.class, BenchCommand.Rerun.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a benchmark: scheduler, cache, stream, junit, faults, workspace, parity, realcode, realjs, realpy, remotecache, mutation, cluster or rerun");
    }

    @Command(name = "scheduler", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Ours vs. one worker vs. level-by-level waves on synthetic graphs, at 2, 3, 4 and 8 workers.")
    static final class Scheduler implements Callable<Integer> {
        @Option(names = "--scale", defaultValue = "1.0", description = "multiplies every duration (default ${DEFAULT-VALUE})")
        double scale;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            new SchedulerBench(spec.commandLine().getOut(), scale).run();
            return 0;
        }
    }

    @Command(name = "cache", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Cache keys, hit latency, the sample cold vs warm, and the code store's heap under a budget.")
    static final class Cache implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.nio.file.Path work = java.nio.file.Files.createTempDirectory("redyellow-cachebench-");
            try {
                new dev.redyellow.bench.CacheBench(spec.commandLine().getOut(), work).run();
            } finally {
                new dev.redyellow.exec.RunFolder(work).delete();
            }
            return 0;
        }
    }

    @Command(name = "remotecache", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The shared cache's targets: a teammate's first run against a warm remote, a dead remote's cost.")
    static final class RemoteCache implements Callable<Integer> {
        @Option(names = "--repeat", defaultValue = "3", description = "runs per figure, the median printed (default ${DEFAULT-VALUE})")
        int repeat;

        @Option(names = "--remote", paramLabel = "URL", description = "a server to use (default: start nginx on a loopback port)")
        String remote;

        @Option(names = "--manifest", paramLabel = "FILE", description = "the project (default: the bundled string-tools sample)")
        java.nio.file.Path manifest;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (repeat < 1 || repeat > 50) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be between 1 and 50, was " + repeat);
            }
            java.nio.file.Path work = java.nio.file.Files.createTempDirectory("redyellow-remotecachebench-");
            try {
                new dev.redyellow.bench.RemoteCacheBench(spec.commandLine().getOut(), work, repeat)
                        .run(java.util.Optional.ofNullable(manifest), java.util.Optional.ofNullable(remote));
            } finally {
                new dev.redyellow.exec.RunFolder(work).delete();
            }
            return 0;
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Latency to a fast viewer while a slow one lags, throughput, and heap while pushing a gigabyte.")
    static final class Stream implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", defaultValue = "3", description = "seconds per rate (default ${DEFAULT-VALUE})")
        int secondsPerRate;

        @CommandLine.Parameters(index = "1", defaultValue = "1024", description = "megabytes to push (default ${DEFAULT-VALUE})")
        long megabytes;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            new dev.redyellow.bench.StreamBench(spec.commandLine().getOut()).run(secondsPerRate, megabytes);
            return 0;
        }
    }

    @Command(name = "junit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The junit kind's whole cycle on a generated Java project: a JVM per run vs. warm workers.")
    static final class JUnit implements Callable<Integer> {
        @Option(names = "--features", defaultValue = "300", description = "features of the project warm mode runs (default ${DEFAULT-VALUE})")
        int features;

        @Option(names = "--per-run-features", paramLabel = "N",
                description = "features the per-run mode runs, and warm mode beside it for the ratio (default: all of --features,"
                        + " about 10 minutes on 2 cores); 0 skips the per-run mode")
        Integer perRunFeatures;

        @Option(names = "--workers", defaultValue = "3", description = "parallel workers (default ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--runs-per-worker", paramLabel = "N", description = "runs a warm worker serves (default: the manifest default)")
        Integer runsPerWorker;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            int runs = runsPerWorker != null ? runsPerWorker : dev.redyellow.manifest.TestSettings.JUnit.DEFAULT_RUNS_PER_WORKER;
            int perRunFeatures = this.perRunFeatures != null ? this.perRunFeatures : features;
            if (runs < 1 || features < 6 || perRunFeatures < 0 || (perRunFeatures > 0 && perRunFeatures < 6) || workers < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--features and --per-run-features need at least 6 features (or 0 to skip per-run), --workers at least 1");
            }
            new JUnitBench(spec.commandLine().getOut(), features, perRunFeatures, workers, runs).run();
            return 0;
        }
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Worker members on loopback: the overhead of a remote test run, and 1, 2, 3 members on a batch.")
    static final class Cluster implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "12", description = "test runs per measurement (default ${DEFAULT-VALUE})")
        int runs;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (runs < 3 || runs > 1000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be between 3 and 1000, was " + runs);
            }
            java.nio.file.Path work = java.nio.file.Files.createTempDirectory("redyellow-clusterbench-");
            try {
                new dev.redyellow.bench.ClusterBench(spec.commandLine().getOut(), work, runs).run();
            } finally {
                new dev.redyellow.exec.RunFolder(work).delete();
            }
            return 0;
        }
    }

    @Command(name = "faults", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Each fault of issue 26 on real processes, SQLite files and FIFOs: survived, processes left, data lost.")
    static final class Faults implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.nio.file.Path work = java.nio.file.Files.createTempDirectory("redyellow-faultbench-");
            try {
                boolean clean = new dev.redyellow.bench.FaultBench(spec.commandLine().getOut(), work, RedYellowCommand::execute).run().stream()
                        .allMatch(dev.redyellow.bench.FaultBench.Row::clean);
                return clean ? 0 : 1;
            } finally {
                new dev.redyellow.exec.RunFolder(work).delete();
            }
        }
    }

    @Command(name = "workspace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "What a workspace costs: hard links vs. copies vs. cp --reflink vs. ours, with and without a 30 MB"
                    + " node_modules, on generated bases and on the given base folders.")
    static final class Workspace implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "BASE", arity = "0..*", description = "base folders to measure too")
        java.util.List<java.nio.file.Path> bases = new java.util.ArrayList<>();

        @Option(names = "--rounds", defaultValue = "15", description = "workspaces per cell (default ${DEFAULT-VALUE})")
        int rounds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.nio.file.Path work = java.nio.file.Files.createTempDirectory("redyellow-workspacebench-");
            try {
                new dev.redyellow.bench.WorkspaceBench(spec.commandLine().getOut(), work, bases, Math.max(1, rounds)).run();
            } finally {
                new dev.redyellow.exec.RunFolder(work).delete();
            }
            return 0;
        }
    }

    @Command(name = "parity", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Runs a manifest with a JVM per test run and with warm workers, N times each, without cache, and"
                    + " prints every feature whose state or test counts differ. Exit code 0: no difference, 1: some.")
    static final class Parity implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "MANIFEST", description = "the feature manifest (JSON)")
        java.nio.file.Path manifestFile;

        @Option(names = "--runs", defaultValue = "3", description = "runs per mode (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--workers", paramLabel = "N", description = "parallel workers (default: the manifest's workers)")
        Integer workers;

        @Option(names = "--daemon", description = "also time each re-run through a daemon (REDYELLOW_DAEMON=1), side by side")
        boolean daemon;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1, was " + runs);
            }
            checkWorkers(spec, workers);
            java.io.PrintWriter err = spec.commandLine().getErr();
            java.util.Optional<dev.redyellow.manifest.Manifest> loaded = ManifestArgument.load(manifestFile, err);
            if (loaded.isEmpty()) {
                return ExitCodes.BAD_INPUT;
            }
            java.util.List<String> unsupported = dev.redyellow.run.FeatureKinds.unsupported(loaded.get());
            if (!unsupported.isEmpty()) {
                unsupported.forEach(p -> err.println("redyellow: " + manifestFile + ": " + p));
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            int n = workers != null ? workers : loaded.get().workers();
            var differences = new dev.redyellow.bench.ParityBench(spec.commandLine().getOut(), loaded.get(),
                    manifestFile.toString(), runs, n).run();
            return differences.isEmpty() ? 0 : 1;
        }
    }

    /**
     * A benchmark on the real-code case (Apache Commons split into features): its workers and seed,
     * checked as a run's, and the features each benchmark defaults to.
     */
    abstract static class RealCodeCase implements Callable<Integer> {
        @Option(names = "--workers", defaultValue = "3", description = "parallel workers (default ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--seed", defaultValue = "19", description = "picks the features, declared edges and wrong "
                + "attempts (default ${DEFAULT-VALUE})")
        long seed;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        abstract int features();

        abstract void run(java.io.PrintWriter out, java.nio.file.Path home) throws Exception;

        @Override
        public Integer call() throws Exception {
            if (features() < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--features must be at least 1, was " + features());
            }
            checkWorkers(spec, workers);
            run(spec.commandLine().getOut(), java.nio.file.Path.of(System.getProperty("user.home")));
            return 0;
        }
    }

    @Command(name = "rerun", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The unchanged re-run as a user runs it: java -jar ... run MANIFEST in a new JVM, several times on one cache file.")
    static final class Rerun implements Callable<Integer> {
        @CommandLine.Parameters(index = "0", paramLabel = "MANIFEST", description = "the manifest to run")
        java.nio.file.Path manifest;

        @Option(names = "--cache-db", required = true, paramLabel = "FILE",
                description = "the cache file (filled by the first run when cold)")
        java.nio.file.Path cacheDb;

        @Option(names = "--runs", defaultValue = "5", description = "timed re-runs after the first (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--workers", description = "workers for each run (default: the run command's)")
        Integer workers;

        @Option(names = "--jvm-option", paramLabel = "OPTION", description = "a JVM option for each run, e.g. -XX:TieredStopAtLevel=1 (repeatable)")
        java.util.List<String> jvmOptions = new java.util.ArrayList<>();

        @Option(names = "--command", paramLabel = "PROGRAM",
                description = "time this installed command instead of java -jar, e.g. /usr/bin/redyellow (its own JVM options)")
        java.nio.file.Path command;

        @Option(names = "--daemon", description = "also time each re-run through a daemon (REDYELLOW_DAEMON=1), side by side")
        boolean daemon;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1: " + runs);
            }
            if (command != null && !jvmOptions.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--jvm-option is for java -jar; the command " + command + " starts its JVM with its own options");
            }
            if (command != null && daemon) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--daemon is for java -jar: the bench gives its daemon a folder of its own, which " + command + " cannot be told");
            }
            if (command != null && !java.nio.file.Files.isExecutable(command)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--command " + command + " is not an executable file");
            }
            if (!java.nio.file.Files.isRegularFile(manifest)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no manifest file " + manifest);
            }
            java.util.Optional<java.nio.file.Path> jar = dev.redyellow.bench.RerunBench.ownJar();
            if (jar.isEmpty()) {
                spec.commandLine().getErr().println("redyellow: bench rerun runs java -jar on its own jar; run it from the jar (java -jar target/redyellow.jar bench rerun ...)");
                return ExitCodes.BAD_INPUT;
            }
            return new dev.redyellow.bench.RerunBench(spec.commandLine().getOut(), jar.get(), manifest.toAbsolutePath(),
                    cacheDb.toAbsolutePath(), runs, java.util.Optional.ofNullable(workers), jvmOptions,
                    java.util.Optional.ofNullable(command)).withDaemon(daemon).run();
        }
    }

    @Command(name = "realcode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Apache Commons split into features: plain mvn test vs. the whole cycle, the re-run, every edge declared.")
    static final class RealCode extends RealCodeCase {
        @Option(names = "--features", defaultValue = "300", description = "at most this many features (default ${DEFAULT-VALUE})")
        int features;

        @Override
        int features() {
            return features;
        }

        @Override
        void run(java.io.PrintWriter out, java.nio.file.Path home) throws Exception {
            new dev.redyellow.bench.RealCodeBench(out, features, workers, seed, home).run();
        }
    }

    @Command(name = "mutation", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "The extra wall of mutation testing (--mutation, PIT) over the same real-code run without it.")
    static final class Mutation extends RealCodeCase {
        @Option(names = "--features", defaultValue = "20", description = "at most this many features (default ${DEFAULT-VALUE})")
        int features;

        @Override
        int features() {
            return features;
        }

        @Option(names = "--max-mutants", split = ",", paramLabel = "N[,N...]",
                description = "the mutants measured per class (the manifest's maxMutantsPerClass, 0: every one); with more"
                        + " than one, each cap's run is compared with the first's: wall and score differences"
                        + " (default: the manifest's, 100)")
        java.util.List<Integer> maxMutants = java.util.List.of();

        @Override
        void run(java.io.PrintWriter out, java.nio.file.Path home) throws Exception {
            for (int max : maxMutants) {
                if (max < 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "invalid option: --max-mutants must be 0 (every mutant) or more, was " + max);
                }
            }
            new dev.redyellow.bench.MutationBench(out, features, workers, seed, home, maxMutants).run();
        }
    }

    /** The run settings' workers check, as a usage error. */
    static void checkWorkers(CommandLine.Model.CommandSpec spec, Integer workers) {
        if (workers != null) {
            try {
                dev.redyellow.run.RunSettings.checkWorkers(workers);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + e.getMessage());
            }
        }
    }

    /** What {@code bench realjs} and {@code bench realpy} share: the workers, the rounds, the run. */
    abstract static class RealScript implements Callable<Integer> {
        @Option(names = "--workers", defaultValue = "2", description = "parallel workers (default ${DEFAULT-VALUE})")
        int workers;

        @Option(names = "--rounds", defaultValue = "3", description = "plain runs and cycles, one after the other;"
                + " the target is judged by their median ratio (default ${DEFAULT-VALUE})")
        int rounds;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** The bench's name: its cache folder and its reproducing command. */
        abstract String name();

        abstract java.nio.file.Path caseFolder();

        @Override
        public Integer call() throws Exception {
            return realScript(spec, name(), caseFolder(), workers, rounds);
        }
    }

    @Command(name = "realjs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "domutils (vitest, node_modules in the base): plain vitest runs vs. the whole cycle, in rounds, verdict by verdict.")
    static final class RealJs extends RealScript {
        @Option(names = "--case", defaultValue = "benchmarks/realjs/domutils", description = "the case folder (default ${DEFAULT-VALUE})")
        java.nio.file.Path caseFolder;

        @Override
        String name() {
            return "realjs";
        }

        @Override
        java.nio.file.Path caseFolder() {
            return caseFolder;
        }
    }

    @Command(name = "realpy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "pyasn1 (pytest, a virtualenv in the base): plain pytest runs vs. the whole cycle, in rounds, verdict by verdict.")
    static final class RealPy extends RealScript {
        @Option(names = "--case", defaultValue = "benchmarks/realpy/pyasn1", description = "the case folder (default ${DEFAULT-VALUE})")
        java.nio.file.Path caseFolder;

        @Override
        String name() {
            return "realpy";
        }

        @Override
        java.nio.file.Path caseFolder() {
            return caseFolder;
        }
    }

    /** Runs a real script case; exit 1 when a verdict differs from the plain run's. */
    private static int realScript(CommandLine.Model.CommandSpec spec, String name, java.nio.file.Path caseFolder, int workers,
                                  int rounds) throws Exception {
        checkWorkers(spec, workers);
        try {
            dev.redyellow.bench.RealScriptBench.checkRounds(rounds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "invalid option: " + e.getMessage());
        }
        if (!java.nio.file.Files.isRegularFile(caseFolder.resolve("case.json"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), caseFolder.toAbsolutePath()
                    + " has no case.json: run from RedYellow's checkout or name the case with --case");
        }
        int differing = new dev.redyellow.bench.RealScriptBench(spec.commandLine().getOut(), name, caseFolder, workers,
                rounds, java.nio.file.Path.of(System.getProperty("user.home"))).run();
        return differing == 0 ? 0 : 1;
    }
}
