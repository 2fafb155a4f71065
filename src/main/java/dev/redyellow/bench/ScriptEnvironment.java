package dev.redyellow.bench;

import dev.redyellow.files.Sha256;
import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The dependency folder a real case's base holds, put in place the way a user would: for a
 * JavaScript case, {@code npm ci} of the committed package.json and lock file, once, in a cache
 * folder named by the lock's hash ({@code ~/.redyellow/realjs/npm-<hash>/}), then copied (links and
 * modes kept, {@code cp -a}) into each folder that needs it; for a Python case, a virtualenv made by
 * {@code python3 -m venv --without-pip --system-site-packages}, so the interpreter's own pytest serves
 * it (no package index is needed) and its {@code bin/} is symbolic links, as in any virtualenv.
 */
public final class ScriptEnvironment {

    private final ProcessRunner processes = new ProcessRunner(64 * 1024);
    private final Path cache;

    /** @param cache where the npm install is kept between runs */
    public ScriptEnvironment(Path cache) {
        this.cache = cache;
    }

    /** Puts the case's dependency folder into {@code folder}; returns a line saying what it did. */
    public String provide(ScriptCase project, Path folder) throws IOException, InterruptedException {
        return switch (project.shared()) {
            case "node_modules" -> nodeModules(project, folder);
            case ".venv", "venv" -> virtualenv(folder.resolve(project.shared()));
            default -> throw new IOException(project.folder().resolve("case.json") + ": shared must be node_modules, .venv or venv, was "
                    + project.shared());
        };
    }

    private String nodeModules(ScriptCase project, Path folder) throws IOException, InterruptedException {
        byte[] lock = Files.readAllBytes(project.folder().resolve("package-lock.json"));
        Path install = cache.resolve("npm-" + sha256(lock).substring(0, 16));
        String how = "node_modules from " + install;
        if (!Files.isDirectory(install.resolve("node_modules/.bin"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(install);
            Files.copy(project.folder().resolve("package.json"), install.resolve("package.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.write(install.resolve("package-lock.json"), lock);
            long started = System.nanoTime();
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), install, Duration.ofMinutes(10));
            how += String.format(java.util.Locale.ROOT, " (npm ci --ignore-scripts, %.1f s, this once)",
                    (System.nanoTime() - started) / 1e9);
        }
        Files.createDirectories(folder);
        run(List.of("cp", "-a", install.resolve("node_modules").toString(), folder.toString() + "/"), folder, Duration.ofMinutes(5));
        return how;
    }

    private String virtualenv(Path venv) throws IOException, InterruptedException {
        if (!PYTEST.get()) {
            throw new IOException("python3 has no pytest (python3 -m pytest --version fails): the Python case runs the"
                    + " interpreter's own pytest through a virtualenv with --system-site-packages; install python3-pytest");
        }
        Files.createDirectories(venv.getParent());
        run(List.of("python3", "-m", "venv", "--without-pip", "--system-site-packages", venv.toString()), venv.getParent(),
                Duration.ofMinutes(2));
        return "virtualenv " + venv.getFileName() + " (python3 -m venv --without-pip --system-site-packages; pytest from "
                + "the interpreter's site-packages)";
    }

    /** Whether {@code python3 -m pytest} works here; asked once. */
    public static final java.util.function.Supplier<Boolean> PYTEST = new java.util.function.Supplier<>() {
        private volatile Boolean answer;

        @Override
        public Boolean get() {
            if (answer == null) {
                try {
                    Process p = new ProcessBuilder("python3", "-m", "pytest", "--version").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    answer = p.waitFor() == 0;
                } catch (IOException e) {
                    answer = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return answer;
        }
    };

    private void run(List<String> argv, Path dir, Duration timeout) throws IOException, InterruptedException {
        ProcessResult result = processes.run(new ProcessSpec(argv, dir, Map.of(), timeout), OutputSink.DISCARD);
        if (result.exitCode() != 0) {
            throw new IOException(String.join(" ", argv) + " in " + dir + " exited " + result.exitCode() + ":\n"
                    + result.outputTail());
        }
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
