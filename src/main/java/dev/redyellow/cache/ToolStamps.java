package dev.redyellow.cache;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tool a test run uses, as a cache-key input: the same code can pass under one python3 or
 * node and fail under another. For the junit kind, the Java runtime that runs the tests (RedYellow's
 * own). For the command kind, the program the argv starts, found as the process will find it (on
 * the command's PATH, or relative to the workspace), stamped by its real path (links followed: a
 * {@code python3} link moved to another version changes it), size and modification time; starting
 * the program to ask its version would cost a process per test run.
 *
 * <p>A program found on PATH is probed once per run (per PATH and name; {@link CacheKey#forgetProbes}): a
 * tool upgraded during a run is seen by the next, also in a JVM that runs many (the app, a daemon). A
 * program inside the workspace is probed every time.
 */
final class ToolStamps {

    private static final Map<String, String> ON_PATH = new ConcurrentHashMap<>();

    private ToolStamps() {
    }

    /** Forgets the programs found on PATH: the next key probes them again. */
    static void forget() {
        ON_PATH.clear();
    }

    private static final String JAVA_RUNTIME = javaRuntimeStamp();

    /**
     * The Java runtime the junit kind runs tests with: the JVM RedYellow runs on, by version, place,
     * the modules it has and the stamp of its module image. Two runtimes of one version at one place
     * can differ in what a project may use: the installers' runtime once held only the app's own
     * modules, so a project using {@code javax.script} did not compile there, and a rebuilt runtime
     * with every module must not be answered with those results.
     */
    static String javaRuntime() {
        return JAVA_RUNTIME;
    }

    private static String javaRuntimeStamp() {
        String modules = ModuleLayer.boot().modules().stream().map(Module::getName).sorted()
                .collect(java.util.stream.Collectors.joining(","));
        Path image = Path.of(System.getProperty("java.home"), "lib", "modules");
        String imageStamp = Files.isRegularFile(image) ? stamp(image) : "no module image";
        return "java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ") at " + System.getProperty("java.home") + ", modules "
                + dev.redyellow.files.Sha256.hex(modules.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16)
                + ", image " + imageStamp;
    }

    /**
     * The stamp of the program {@code argv[0]} names.
     *
     * @param path the PATH the command runs with (its {@code env} or RedYellow's own)
     */
    static String program(String name, String path, Path workspace) {
        if (name.contains("/") || name.contains(File.separator)) {
            try {
                Path program = Path.of(name);
                return program.isAbsolute() ? stamp(program) : inWorkspace(workspace, program);
            } catch (InvalidPathException e) {
                return "unusable program path " + name;
            }
        }
        return ON_PATH.computeIfAbsent(path + '\0' + name, k -> findOnPath(name, path));
    }

    private static String findOnPath(String name, String path) {
        for (String folder : (path == null ? "" : path).split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return stamp(candidate);
                }
            } catch (InvalidPathException e) {
                // A PATH entry that is no path cannot hold the program: look further, as the shell does.
            }
        }
        return name + " not found on PATH";
    }

    /**
     * A program the workspace holds is one of its files, whose content is part of the key already;
     * its stamp must not name the workspace's folder, which differs from run to run.
     */
    private static String inWorkspace(Path workspace, Path program) {
        try {
            Path root = workspace.toRealPath();
            Path real = workspace.resolve(program).toRealPath();
            if (real.startsWith(root)) {
                return "workspace file " + root.relativize(real).toString().replace('\\', '/');
            }
            return stamp(real);
        } catch (IOException e) {
            return program + " not in the workspace";
        }
    }

    private static String stamp(Path program) {
        try {
            Path real = program.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            return real + " size=" + attributes.size() + " modified=" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return program + " unreadable: " + e.getClass().getSimpleName();
        }
    }
}
