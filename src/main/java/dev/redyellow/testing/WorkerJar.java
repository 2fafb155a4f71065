package dev.redyellow.testing;

import dev.redyellow.files.AtomicFiles;
import dev.redyellow.files.Sha256;
import dev.redyellow.testing.worker.TestPlatform;
import dev.redyellow.testing.worker.WorkerMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The jar a warm worker JVM runs: the classes of {@code dev.redyellow.testing.worker} copied from
 * the application (a folder in development, the application jar when installed) plus the JUnit
 * Platform bridge compiled from its bundled source against the console jar. The worker's class path
 * is this jar and the console jar only, so the tests never see the application's libraries nor a
 * second copy of JUnit. Built once and kept beside the console jar under a name carrying the hash of
 * everything in it.
 */
final class WorkerJar {

    private static final String PACKAGE = "dev/redyellow/testing/worker/";
    private static final BundledSource BRIDGE = new BundledSource("/" + PACKAGE + "JUnitPlatformBridge.java");

    private final JUnitConsoleJar console;
    private Path built;

    WorkerJar(JUnitConsoleJar console) {
        this.console = console;
    }

    /** The worker jar, built on first use. */
    synchronized Path path() throws IOException {
        if (built != null && Files.isRegularFile(built)) {
            return built;
        }
        Path consoleJar = console.path();
        Map<String, byte[]> classes = workerClasses();
        String source = BRIDGE.text();
        MessageDigest digest = Sha256.digest();
        digest.update(consoleJar.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        digest.update(source.getBytes(StandardCharsets.UTF_8));
        Path target = consoleJar.resolveSibling("redyellow-worker-" + Sha256.hex(digest).substring(0, 16) + ".jar");
        if (!Files.isRegularFile(target)) {
            classes.putAll(BRIDGE.compile(source, java.util.List.of(consoleJar, classPathOfWorker())));
            BundledSource.writeJar(classes, target);
        }
        built = target;
        return built;
    }

    /** Every class file of the worker package, by its jar entry name. */
    private static Map<String, byte[]> workerClasses() throws IOException {
        Path home;
        try {
            home = Path.of(WorkerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find where the worker classes are loaded from", e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.list(home.resolve(PACKAGE))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes.put(PACKAGE + file.getFileName(), Files.readAllBytes(file));
                }
            }
        } else {
            try (JarFile jar = new JarFile(home.toFile())) {
                for (JarEntry entry : jar.stream().filter(WorkerJar::isWorkerClass).toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        if (!classes.containsKey(PACKAGE + "WorkerMain.class")) {
            throw new IOException("the worker classes are not in " + home);
        }
        return classes;
    }

    private static boolean isWorkerClass(JarEntry entry) {
        String name = entry.getName();
        return name.startsWith(PACKAGE) && name.endsWith(".class") && name.indexOf('/', PACKAGE.length()) < 0;
    }

    private static Path classPathOfWorker() throws IOException {
        try {
            return Path.of(TestPlatform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find where the worker classes are loaded from", e);
        }
    }

}
