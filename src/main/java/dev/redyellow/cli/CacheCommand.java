package dev.redyellow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redyellow.cache.CacheStats;
import dev.redyellow.cache.OpenedCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code redyellow cache stats|clear|invalidate|why}: the test cache file. */
@Command(name = "cache", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows, clears or explains the test cache.",
        subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class, CacheCommand.Invalidate.class, CacheCommand.Why.class})
final class CacheCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a cache command is needed: stats, clear, invalidate or why");
    }

    /** The options every cache command shares. */
    static class CacheOptions {
        @Option(names = "--cache-db", paramLabel = "FILE", description = "the cache file (default: $REDYELLOW_DB or ~/.redyellow/redyellow.db)")
        Path cacheDb;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        OpenedCache open() {
            return CacheFile.open(cacheDb, spec.commandLine().getErr());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Requests, hits, time saved, entries and size.")
    static final class Stats extends CacheOptions implements Callable<Integer> {
        @Option(names = "--json", description = "print as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (OpenedCache opened = open()) {
                CacheStats s = opened.cache().stats();
                if (json) {
                    out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
                } else {
                    out().printf("requests %d, hits %d, misses %d, hit rate %.1f%%, saved %.1f s%n", s.requests(), s.hits(),
                            s.misses(), s.hitRate() * 100, s.savedSeconds());
                    out().printf("entries %d, %d bytes, evictions %d, invalidations %d%n", s.entries(), s.bytes(),
                            s.evictions(), s.invalidations());
                }
                out().flush();
                return opened.enabled() ? 0 : 1;
            }
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Drops every entry and resets the counters.")
    static final class Clear extends CacheOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            try (OpenedCache opened = open()) {
                long entries = opened.cache().stats().entries();
                opened.cache().clear();
                out().println("cleared " + entries + " entries");
                out().flush();
                return opened.enabled() ? 0 : 1;
            }
        }
    }

    @Command(name = "invalidate", mixinStandardHelpOptions = true,
            description = "Drops the entries of a feature and of every feature whose workspace held its code, "
                    + "or, with --file, the entries whose workspace held that file.")
    static final class Invalidate extends CacheOptions implements Callable<Integer> {
        @Parameters(paramLabel = "FEATURE", arity = "0..1")
        String feature;

        @Option(names = "--file", paramLabel = "PATH",
                description = "a workspace path, /-separated, such as src/tools/slug.py")
        String file;

        @Override
        public Integer call() {
            if ((feature == null) == (file == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "name either a FEATURE or --file PATH (one of them)");
            }
            try (OpenedCache opened = open()) {
                if (file != null) {
                    String path = file.strip().replace('\\', '/');
                    int dropped = opened.cache().invalidateFile(path);
                    out().println("dropped " + dropped + " entries whose workspace held " + path);
                } else {
                    int dropped = opened.cache().invalidateFeature(feature);
                    out().println("dropped " + dropped + " entries of " + feature);
                }
                out().flush();
                return opened.enabled() ? 0 : 1;
            }
        }
    }

    @Command(name = "why", mixinStandardHelpOptions = true,
            description = "Names the inputs that differ between a feature's newest entry (its current key) and "
                    + "its nearest earlier entry: the same inputs present, then the fewest changed, then the newest.")
    static final class Why extends CacheOptions implements Callable<Integer> {
        @Parameters(paramLabel = "FEATURE")
        String feature;

        @Override
        public Integer call() {
            try (OpenedCache opened = open()) {
                var explanation = opened.cache().why(feature);
                out().println(explanation.map(e -> e.describe())
                        .orElse(feature + ": fewer than two cache entries, nothing to compare"));
                out().flush();
                return explanation.isPresent() ? 0 : 1;
            }
        }
    }
}
