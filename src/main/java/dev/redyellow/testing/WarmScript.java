package dev.redyellow.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@code command} test argvs can run in a warm script server, and the server each needs:
 * {@code python -m pytest ...} (the interpreter as the argv names it) and vitest however it is
 * launched ({@code node_modules/.bin/vitest}, {@code npx vitest}), with the workspace's own
 * {@code node_modules/vitest}. Anything else runs as a process per run.
 */
final class WarmScript {

    /** The two runners, each with its bundled server script and how many runs a server serves. */
    enum Kind {
        /** A fork per run from a server that imported pytest: nothing of a run stays in the server. */
        PYTEST("pytest", "pytest_server.py", 500),
        /** Runs in the server itself: vite's module caches grow, so a server is replaced after 50 runs. */
        VITEST("vitest", "vitest_server.mjs", 50);

        private final String label;
        private final String script;
        private final int runsPerServer;

        Kind(String label, String script, int runsPerServer) {
            this.label = label;
            this.script = script;
            this.runsPerServer = runsPerServer;
        }

        String label() {
            return label;
        }

        String scriptName() {
            return script;
        }

        int runsPerServer() {
            return runsPerServer;
        }
    }

    /**
     * What a server is started with, and so what runs may share one: the program (the interpreter
     * path as the workspace names it, with only the folder holding it resolved, so a virtualenv's
     * {@code bin/python} link still finds its {@code pyvenv.cfg}; or node), the runner module (vitest's
     * {@code dist/node.js}, resolved; "" for pytest) and the whole environment.
     */
    record Key(Kind kind, String program, String runnerModule, Map<String, String> env) {
        Key {
            env = Map.copyOf(env);
        }

        /**
         * The server's command line; {@code codeFolder} is where a pytest server's runs keep the code
         * they compiled (its {@code CodeCache}), ignored for vitest and absent when null.
         */
        List<String> command(Path script, Path codeFolder) {
            if (kind == Kind.PYTEST) {
                return codeFolder == null ? List.of(program, script.toString())
                        : List.of(program, script.toString(), codeFolder.toString());
            }
            return List.of(program, script.toString(), runnerModule);
        }
    }

    /** A run in a server: its key and the runner's arguments (the argv after the runner). */
    record Plan(Key key, List<String> args) {
        Plan {
            args = List.copyOf(args);
        }
    }

    private WarmScript() {
    }

    /**
     * Whether this argv (as the settings write it) can run warm: the effective fork mode of any
     * other is a process per run, and the test cache keys it so.
     */
    static boolean capable(List<String> argv) {
        return pytestFrom(argv) > 0
                || KnownRunner.of(argv).map(found -> found.runner() == KnownRunner.VITEST).orElse(false);
    }

    /**
     * The server and arguments for this resolved argv on this workspace with this whole environment;
     * empty when it cannot run warm (another runner, or no interpreter or vitest found).
     */
    static Optional<Plan> of(List<String> argv, Path workspace, Map<String, String> runEnv) {
        // Each run's own file for the pytest plugin ({@link PytestSkips}) goes to its child, not into the server's identity.
        Map<String, String> env = new java.util.HashMap<>(runEnv);
        env.remove(PytestSkips.FILE_VARIABLE);
        int pytestArgs = pytestFrom(argv);
        if (pytestArgs > 0) {
            return interpreter(argv.get(0), workspace, env.get("PATH"))
                    .map(program -> new Plan(new Key(Kind.PYTEST, program, "", env), argv.subList(pytestArgs, argv.size())));
        }
        Optional<KnownRunner.Found> found = KnownRunner.of(argv);
        if (found.isEmpty() || found.get().runner() != KnownRunner.VITEST) {
            return Optional.empty();
        }
        Optional<String> node = onPath("node", env.get("PATH"));
        Optional<Path> module = vitestModule(workspace);
        if (node.isEmpty() || module.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(new Key(Kind.VITEST, node.get(), module.get().toString(), env),
                argv.subList(found.get().argumentsFrom(), argv.size())));
    }

    /** The index of pytest's first argument in {@code python -m pytest ...}; 0 when the argv is not that. */
    private static int pytestFrom(List<String> argv) {
        return argv.size() >= 3 && KnownRunner.baseName(argv.get(0)).matches("python[0-9.]*")
                && argv.get(1).equals("-m") && argv.get(2).equals("pytest") ? 3 : 0;
    }

    private static Optional<String> interpreter(String program, Path workspace, String path) {
        if (!program.contains("/")) {
            return onPath(program, path);
        }
        try {
            Path named = workspace.resolve(program);
            Path folder = named.getParent();
            if (folder == null || !Files.isExecutable(named)) {
                return Optional.empty();
            }
            // The folder's real path (a run's workspace links the shared .venv in), the link itself kept.
            return Optional.of(folder.toRealPath().resolve(named.getFileName()).toString());
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> vitestModule(Path workspace) {
        Path modules = workspace.resolve("node_modules");
        try {
            Path module = modules.toRealPath().resolve("vitest/dist/node.js");
            return Files.isRegularFile(module) ? Optional.of(module) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath().toString());
                }
            } catch (InvalidPathException e) {
                // a PATH entry that is no path names no program
            }
        }
        return Optional.empty();
    }

    /** The bundled server scripts, written once per JVM to a folder of their own (again if one went away). */
    static final class Scripts {
        private static Path folder;

        private Scripts() {
        }

        static synchronized Path of(Kind kind) throws IOException {
            // a JVM that lives for days (the app, a daemon) may see the temporary folder's cleaner take them
            if (folder == null || !Files.isRegularFile(folder.resolve(kind.scriptName()))) {
                Path made = Files.createTempDirectory("redyellow-warm-scripts-");
                made.toFile().deleteOnExit();
                for (Kind each : Kind.values()) {
                    Path file = made.resolve(each.scriptName());
                    try (InputStream in = WarmScript.class.getResourceAsStream("warm/" + each.scriptName())) {
                        if (in == null) {
                            throw new IOException("the bundled server script warm/" + each.scriptName() + " is missing");
                        }
                        Files.copy(in, file);
                    }
                    file.toFile().deleteOnExit();
                }
                folder = made;
            }
            return folder.resolve(kind.scriptName());
        }
    }
}
