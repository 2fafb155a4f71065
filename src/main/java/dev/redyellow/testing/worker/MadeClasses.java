package dev.redyellow.testing.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The class files that compiles of a run's own sources made, by their inputs: the sources' paths and
 * contents and the class path, whose folders are named by the hash of what they hold (the base's and
 * GREEN dependencies' classes, the console jar), so an entry never goes stale. A mutation measurement
 * compiles exactly what the passing test run compiled moments before (issue 22); it gets those class
 * files instead of a second javac. Only compiles without errors are kept; the least recently used
 * go first beyond {@link #MAX_ENTRIES} entries or {@link #MAX_BYTES} bytes. Thread-safe.
 */
final class MadeClasses {

    static final int MAX_ENTRIES = 64;
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /** One JVM-wide set: every runner's compiles (the test runs', the mutation measurements') meet in it. */
    private static volatile MadeClasses shared = new MadeClasses();

    static MadeClasses shared() {
        return shared;
    }

    /** Forgets every kept compile: the next starts as in a new JVM (see {@link ReusedJavac#forgetShared}). */
    static void forgetShared() {
        shared = new MadeClasses();
    }

    private final Map<String, Map<String, byte[]>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** The key of a compile of {@code sources} (under {@code workspace}) against {@code classPath}. */
    static String key(Path workspace, List<Path> sources, List<Path> classPath) throws IOException {
        MessageDigest digest = sha256();
        for (Path entry : classPath) {
            digest.update(("cp\0" + entry.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> relative = sources.stream().map(s -> workspace.relativize(s).toString().replace('\\', '/'))
                .sorted().toList();
        for (String path : relative) {
            byte[] content = Files.readAllBytes(workspace.resolve(path));
            digest.update(("src\0" + path + "\0" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Writes the class files of {@code key} into {@code classes}; false when there are none. */
    boolean writeTo(String key, Path classes) throws IOException {
        Map<String, byte[]> files;
        synchronized (this) {
            files = entries.get(key);
        }
        if (files == null) {
            return false;
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = classes.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return true;
    }

    /** Keeps the class files a compile without errors left in {@code classes}. */
    void keep(String key, Path classes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long size = 0;
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                files.put(classes.relativize(file).toString().replace('\\', '/'), content);
                size += content.length;
            }
        }
        if (size > MAX_BYTES) {
            return;
        }
        synchronized (this) {
            Map<String, byte[]> old = entries.put(key, files);
            bytes += size - (old == null ? 0 : sizeOf(old));
            var eldest = entries.entrySet().iterator();
            while ((entries.size() > MAX_ENTRIES || bytes > MAX_BYTES) && eldest.hasNext()) {
                bytes -= sizeOf(eldest.next().getValue());
                eldest.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private static long sizeOf(Map<String, byte[]> files) {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

}
