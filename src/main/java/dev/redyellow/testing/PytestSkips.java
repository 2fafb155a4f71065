package dev.redyellow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a pytest run's skips came from, as RedYellow's pytest plugin ({@code redyellow_pytest_skips.py}) read
 * them from each skip exception's own frames: {@code pytest.skip}, {@code pytest.xfail},
 * {@code pytest.importorskip} and {@code unittest.SkipTest}, also inside a {@code unittest.TestCase}, in
 * code that hides its frames from pytest's traceback, and whatever the argv or an ini file's {@code addopts}
 * ask pytest to print. The plugin joins every pytest run RedYellow starts (a process of its own or a warm
 * server's child) through the environment ({@code PYTEST_PLUGINS}, its folder at the end of
 * {@code PYTHONPATH}; it takes them out of the tests' environment once the session started) and writes one JSON
 * line per skipped or xfailed test to a file of the run's; the run's skipped cases are then the plugin's
 * ({@link CommandVerdict}). No option is added, and the output is pytest's own. A run that loaded it and
 * skipped tests without its file (the plugin turned off by a configuration, the file too big) cannot tell the
 * implementation's skips from the tests' own, and is no pass; nor is a run that {@code pytest.exit()} ended.
 */
final class PytestSkips implements AutoCloseable {

    static final String MODULE = "redyellow_pytest_skips";
    /** The file the plugin writes; not part of a warm server's identity ({@link WarmScript#of}). */
    static final String FILE_VARIABLE = "REDYELLOW_PYTEST_SKIPS";
    /** More than this is not read: the run's verdict does not wait on a runaway file. */
    static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A run that is not pytest's: nothing added, nothing read. */
    static final PytestSkips NONE = new PytestSkips(null, null);

    private final Path plugin;
    private final Path file;

    private PytestSkips(Path plugin, Path file) {
        this.plugin = plugin;
        this.file = file;
    }

    /** For a run of this resolved argv: the plugin's file when the argv starts pytest, else {@link #NONE}. */
    static PytestSkips forRun(List<String> argv) {
        boolean pytest = KnownRunner.of(argv).map(found -> found.runner() == KnownRunner.PYTEST).orElse(false);
        if (!pytest || ignoresEnvironment(argv)) {
            return NONE;
        }
        try {
            Path plugin = Plugin.folder();
            return new PytestSkips(plugin, plugin.resolveSibling("skips").resolve(UUID.randomUUID() + ".jsonl"));
        } catch (IOException e) {
            // Without the plugin the summary's places decide, as far as pytest prints them.
            return NONE;
        }
    }

    /**
     * Whether the interpreter is told to ignore {@code PYTHONPATH} ({@code python3 -I -m pytest}, {@code -E}): the
     * plugin could not be imported there, and pytest stops at a plugin named in {@code PYTEST_PLUGINS} that it
     * cannot import, so such a run goes without it.
     */
    static boolean ignoresEnvironment(List<String> command) {
        List<String> argv = command.subList(KnownRunner.launched(command), command.size()); // uv run python3 -I ...
        if (argv.isEmpty() || !KnownRunner.baseName(argv.get(0)).matches("python[0-9.]*(?:\\.exe)?")) {
            return false;
        }
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (KnownRunner.PYTHON_VALUE_OPTIONS.contains(arg)) {
                i++; // -W ignore: its value
                continue;
            }
            if (arg.equals("-m") || !arg.startsWith("-") || arg.startsWith("--")) {
                return false;
            }
            // a bundle of the interpreter's one-letter options ("-IB"); -m, -c, -W and -X take the rest or the next
            for (int c = 1; c < arg.length() && "mcWX".indexOf(arg.charAt(c)) < 0; c++) {
                if (arg.charAt(c) == 'I' || arg.charAt(c) == 'E') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The run's extra environment with the plugin's variables: its folder after {@code PYTHONPATH}'s entries,
     * its module before {@code PYTEST_PLUGINS}'s, as the settings or RedYellow's own environment had them (first, so
     * that it watches the marks a project plugin named there may make as it imports the project's code).
     */
    Map<String, String> env(Map<String, String> extra, Map<String, String> inherited) {
        if (file == null) {
            return extra;
        }
        Map<String, String> env = new HashMap<>(extra);
        env.put("PYTHONPATH", joined(extra, inherited, "PYTHONPATH", java.io.File.pathSeparator, plugin.toString()));
        String plugins = extra.getOrDefault("PYTEST_PLUGINS", inherited.get("PYTEST_PLUGINS"));
        env.put("PYTEST_PLUGINS", plugins == null || plugins.isEmpty() ? MODULE : MODULE + "," + plugins);
        env.put(FILE_VARIABLE, file.toString());
        return env;
    }

    private static String joined(Map<String, String> extra, Map<String, String> inherited, String name, String separator,
                                 String added) {
        String existing = extra.getOrDefault(name, inherited.get(name));
        return existing == null || existing.isEmpty() ? added : existing + separator + added;
    }

    /**
     * What the plugin said of one run.
     *
     * @param expected whether the run loaded it (a pytest run that can): then a run with skipped tests whose
     *                 places it did not say is no pass ({@link CommandVerdict})
     * @param skips    the skipped cases it wrote, each named by its pytest node id with the places of the project's
     *                 code that raised it, innermost first; empty when it wrote none (the plugin turned off, a
     *                 session cut short) or the file could not be read whole
     * @param stopped  why the session was stopped before its tests ended ({@code pytest.exit()}, an interrupt), with
     *                 where it was stopped
     */
    record Report(boolean expected, Optional<List<TestCase>> skips, Optional<String> stopped) {
        /** Of a run without the plugin. */
        static final Report NONE = new Report(false, Optional.empty(), Optional.empty());

        Report {
            skips = skips.map(List::copyOf);
        }
    }

    /** What the plugin wrote for this run. */
    Report read() {
        if (file == null) {
            return Report.NONE;
        }
        Report unread = new Report(true, Optional.empty(), Optional.empty());
        try {
            if (Files.size(file) > MAX_BYTES) {
                return unread;
            }
            List<TestCase> cases = new ArrayList<>();
            int unplaced = 0;
            String stopped = null;
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode entry = JSON.readTree(line);
                    if (entry.has("stopped")) {
                        stopped = stoppedOf(entry);
                        continue;
                    }
                    TestCase skip = caseOf(entry);
                    // every skip with a place is kept, however many the tests' own are: any may be the implementation's
                    if (!skip.skippedAt().isEmpty() || unplaced++ < FailureNames.MAX_NAMES) {
                        cases.add(skip);
                    }
                }
            }
            return new Report(true, Optional.of(cases), Optional.ofNullable(stopped));
        } catch (NoSuchFileException e) {
            return unread;
        } catch (IOException | RuntimeException e) {
            return unread; // a damaged file: as if none were written
        }
    }

    private static TestCase caseOf(JsonNode skip) throws IOException {
        JsonNode at = skip.path("at");
        if (!skip.path("test").isTextual() || !at.isArray()) {
            throw new IOException("not a skip of the plugin's: " + skip);
        }
        List<String> places = new ArrayList<>();
        at.forEach(place -> places.add(place.asText()));
        return new TestCase(skip.get("test").asText(), TestCase.Status.SKIPPED,
                FailureNames.bounded(skip.path("reason").asText("")), 0, places);
    }

    private static String stoppedOf(JsonNode entry) {
        JsonNode at = entry.path("at");
        String where = at.isArray() && !at.isEmpty() ? " (at " + at.get(0).asText() + ")" : "";
        return FailureNames.bounded(entry.path("stopped").asText("")) + where;
    }

    /** Removes the run's file. */
    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the folder goes when the JVM ends
            }
        }
    }

    /** The plugin, written once per JVM to a folder of its own, with a folder beside it for the runs' files. */
    static final class Plugin {
        private static Path folder;

        private Plugin() {
        }

        static synchronized Path folder() throws IOException {
            // a JVM that lives for days (the app, a daemon) may see the temporary folder's cleaner take it
            if (folder == null || !Files.isRegularFile(folder.resolve(MODULE + ".py"))
                    || !Files.isDirectory(folder.resolveSibling("skips"))) {
                Path made = Files.createTempDirectory("redyellow-pytest-plugin-");
                made.toFile().deleteOnExit();
                Path plugin = Files.createDirectory(made.resolve("plugin"));
                plugin.toFile().deleteOnExit();
                Path runs = Files.createDirectory(made.resolve("skips"));
                runs.toFile().deleteOnExit();
                try (InputStream in = PytestSkips.class.getResourceAsStream("warm/" + MODULE + ".py")) {
                    if (in == null) {
                        throw new IOException("the bundled pytest plugin warm/" + MODULE + ".py is missing");
                    }
                    Files.copy(in, plugin.resolve(MODULE + ".py"));
                }
                plugin.resolve(MODULE + ".py").toFile().deleteOnExit();
                // A file where Python would make its byte-code folder: it writes none, so the folder can go at exit.
                Files.createFile(plugin.resolve("__pycache__")).toFile().deleteOnExit();
                folder = plugin;
            }
            return folder;
        }
    }
}
