package dev.redyellow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.redyellow.cache.OpenedCache;
import dev.redyellow.store.RunRecord;
import dev.redyellow.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code redyellow history}: recent runs from the run store. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Lists recent runs with their outcome and metrics.")
final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--cache-db", paramLabel = "FILE", description = "the database file (default: $REDYELLOW_DB or ~/.redyellow/redyellow.db)")
    Path cacheDb;

    @Option(names = "--limit", defaultValue = "20", description = "how many runs (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "print as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenedCache opened = CacheFile.open(cacheDb, spec.commandLine().getErr())) {
            if (opened.database().isEmpty()) {
                return 1;
            }
            List<RunRecord> runs = new RunStore(opened.database().get()).recent(limit);
            if (json) {
                out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(runs));
            } else {
                out.printf("%-20s %-22s %-6s %9s %8s %10s %8s%n", "STARTED", "NAME", "GREEN", "FEATURES", "WALL S",
                        "EFFICIENCY", "WORKERS");
                for (RunRecord r : runs) {
                    long green = r.features().stream().filter(f -> f.state().equals("GREEN")).count();
                    out.printf("%-20s %-22s %-6s %4d/%-4d %8.1f %10.2f %8d%n", r.started().toString().substring(0, 19),
                            r.name(), r.allGreen() ? "yes" : "no", green, r.features().size(), r.wallSeconds(),
                            r.efficiency(), r.workers());
                }
            }
            out.flush();
            return 0;
        }
    }
}
