package dev.redyellow.cli;

import dev.redyellow.cluster.ClusterMember;
import dev.redyellow.cluster.ClusterSettings;
import dev.redyellow.manifest.TestSettings;
import dev.redyellow.testing.TestRunners;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redyellow worker --port P --join HOST:PORT,...}: a headless cluster member that runs test runs. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Joins a RedYellow cluster and runs the test runs a coordinator (run --cluster) sends it.",
                "It runs the manifest's test commands: start it only in a cluster you trust.",
                "Members share the secret in $" + ClusterSettings.SECRET_ENV + "; without it, loopback only."})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--port", required = true, paramLabel = "P", description = "the port this member listens on")
    int port;

    @Option(names = "--join", paramLabel = "HOST:PORT[,...]", defaultValue = "",
            description = "members to join (none for the first)")
    String join;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "the one address this member listens on (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--slots", paramLabel = "N", description = "test runs at once (default: the cores)")
    Integer slots;

    @Option(names = "--fork", paramLabel = "warm|perRun", description = "where junit tests run (default: each request's)")
    String fork;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        int n = slots == null ? cores : slots;
        if (n < 1 || n > 256) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--slots must be between 1 and 256, was " + n);
        }
        if (fork != null && TestSettings.Fork.named(fork).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fork must be warm or perRun, was " + fork);
        }
        ClusterSettings settings;
        try {
            settings = ClusterSettings.worker(bind, port, join, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        TestRunners runners = TestRunners.standard(Optional.ofNullable(fork).flatMap(TestSettings.Fork::named));
        ClusterMember member = ClusterMember.start(settings, n, runners);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM: the hook stops the runs (their process trees killed) before the JVM halts
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            member.close();
            stopped.countDown();
        }, "redyellow-worker-stop"));
        out.printf("RedYellow worker at %s, %d cores, %d slots; cluster of %d members%s%n", member.address(), cores, n,
                member.clusterSize(), settings.secret().isPresent() ? "" : " (no secret: loopback only)");
        out.flush();
        stopped.await();
        return 0;
    }
}
