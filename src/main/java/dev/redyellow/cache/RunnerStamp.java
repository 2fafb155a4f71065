package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The identity of RedYellow's code that runs tests and reads their results: the class files and resources
 * (the JUnit console, the warm servers' scripts, PIT) of {@code dev.redyellow.testing} and
 * {@code dev.redyellow.exec}, by name, size and CRC-32. It is an input of every key ({@code runner}), as a
 * build tool keys the implementation of a task: a result a RedYellow with other runners kept (one that read a
 * javac crash as a compile error, say) is not served by this one. The same release gives the same stamp on every
 * machine, wherever it is installed, so a shared cache still shares; a new release runs every test again once.
 *
 * <p>The build writes it ({@value #RESOURCE}, by the pom's {@code runner-stamp} execution: a SHA-256 over those
 * files' paths and SHA-256s), and a run reads that. Without it (code run from an IDE's class folder, say), it is
 * worked out once per JVM: from a jar, from its central directory (each entry's CRC-32 is written there), which
 * took 75-96 ms for the 20,000 entries of RedYellow's; from a class folder, from each file's bytes.
 */
final class RunnerStamp {
    static final List<String> PREFIXES = List.of("dev/redyellow/testing/", "dev/redyellow/exec/");
    /** The stamp the build wrote, beside this class. */
    static final String RESOURCE = "runner.stamp";

    private static volatile String stamp;

    private RunnerStamp() {
    }

    /** This JVM's runner stamp. */
    static String get() {
        String known = stamp;
        if (known == null) {
            known = built().orElseGet(() -> of(codeSource()));
            stamp = known;
        }
        return known;
    }

    /** The stamp the build wrote, if it is there and is one. */
    static java.util.Optional<String> built() {
        try (InputStream in = RunnerStamp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            String text = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
            return text.matches("[0-9a-f]{64}") ? java.util.Optional.of(text) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(RunnerStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The stamp of the code in {@code code}, a jar or a class folder. */
    static String of(Path code) {
        try {
            MessageDigest digest = Sha256.digest();
            int files;
            if (code != null && Files.isRegularFile(code)) {
                files = fromJar(code, digest);
            } else if (code != null && Files.isDirectory(code)) {
                files = fromFolder(code, digest);
            } else {
                throw new IOException("no jar or class folder at " + code);
            }
            if (files == 0) {
                throw new IOException("no runner code in " + code);
            }
            return Sha256.hex(digest);
        } catch (IOException | RuntimeException e) {
            // no stamp: one no other start shares, so nothing another build kept is served
            return "unknown " + System.nanoTime() + " " + e.getClass().getName();
        }
    }

    private static int fromJar(Path jar, MessageDigest digest) throws IOException {
        // the class path's own ZipFile already read the central directory; this one shares it
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            java.util.SortedMap<String, ZipEntry> runner = new java.util.TreeMap<>();
            for (java.util.Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory() && runner(entry.getName())) {
                    runner.put(entry.getName(), entry);
                }
            }
            for (ZipEntry entry : runner.values()) {
                field(digest, entry.getName() + " " + entry.getSize() + " " + Long.toHexString(entry.getCrc()));
            }
            return runner.size();
        }
    }

    private static int fromFolder(Path folder, MessageDigest digest) throws IOException {
        int files = 0;
        for (String prefix : PREFIXES) {
            Path root = folder.resolve(prefix);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(root)) {
                found = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : found) {
                CRC32 crc = new CRC32();
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[65_536];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        crc.update(buffer, 0, n);
                    }
                }
                String name = folder.relativize(file).toString().replace('\\', '/');
                field(digest, name + " " + Files.size(file) + " " + Long.toHexString(crc.getValue()));
                files++;
            }
        }
        return files;
    }

    private static boolean runner(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
