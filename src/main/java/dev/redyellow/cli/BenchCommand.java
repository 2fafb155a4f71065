package dev.redyellow.cli;

import dev.redyellow.bench.SchedulerBench;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redyellow bench ...}: the benchmarks, printing their tables. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs a benchmark and prints its table.",
        subcommands = {BenchCommand.Scheduler.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: scheduler");
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
}
