package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The identity of RedYellow's code that runs tests and reads their results: the class files and resources
 * (the JUnit console, the warm servers' scripts, PIT) of {@code dev.redyellow.testing} and
 * {@code dev.redyellow.exec}, each by name, size and CRC-32. It is an input of every key ({@code runner}), as a
 * build tool keys the implementation of a task: a result a RedYellow with other runners kept (one that read a
 * javac crash as a compile error, say) is not served by this one. The same release gives the same stamp on every
 * machine, wherever it is installed, so a shared cache still shares; a new release runs every test again once.
 *
 * <p>A jar and a class folder of the same files give the same stamp (a zip entry's CRC-32 is that of its bytes).
 * From a jar it is read from {@value #RESOURCE}, which the build writes beside this class from the class folder
 * the jar is made of (the pom's {@code runner-stamp} execution runs {@link #main}); walking the jar's 20,000
 * entries took 75-96 ms, so only a jar without it is walked. From a class folder (a build's tests, an IDE) it is
 * worked out from the files, which an IDE may have compiled since the build wrote its stamp.
 */
public final class RunnerStamp {
    private static final System.Logger LOG = System.getLogger(RunnerStamp.class.getName());
    static final List<String> PREFIXES = List.of("dev/redyellow/testing/", "dev/redyellow/exec/");
    /** The stamp the build wrote, beside this class. */
    static final String RESOURCE = "runner.stamp";

    private RunnerStamp() {
    }

    /** Worked out once, when first asked (the holder's class initialisation makes that happen once). */
    private static final class Holder {
        static final String STAMP = compute();
    }

    /** This JVM's runner stamp. */
    static String get() {
        return Holder.STAMP;
    }

    private static String compute() {
        Path code = codeSource();
        if (code != null && Files.isRegularFile(code)) {
            Optional<String> built = built();
            if (built.isPresent()) {
                return built.get();
            }
        }
        String stamp = of(code);
        if (!isStamp(stamp)) {
            LOG.log(System.Logger.Level.WARNING, "no runner stamp (" + stamp + "): no test result kept by an earlier"
                    + " start of RedYellow will be served");
        }
        return stamp;
    }

    private static Path codeSource() {
        try {
            return Path.of(RunnerStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The stamp the build wrote, if it is there and is one. */
    static Optional<String> built() {
        try (InputStream in = RunnerStamp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
            return isStamp(text) ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isStamp(String text) {
        return text.matches("[0-9a-f]{64}");
    }

    /** The stamp of the code in {@code code}, a jar or a class folder; one no other start shares when it has none. */
    static String of(Path code) {
        try {
            SortedMap<String, String> files;
            if (code != null && Files.isRegularFile(code)) {
                files = fromJar(code);
            } else if (code != null && Files.isDirectory(code)) {
                files = fromFolder(code);
            } else {
                throw new IOException("no jar or class folder at " + code);
            }
            if (files.isEmpty()) {
                throw new IOException("no runner code in " + code);
            }
            MessageDigest digest = Sha256.digest();
            files.forEach((name, sizeAndCrc) -> field(digest, name + " " + sizeAndCrc));
            return Sha256.hex(digest);
        } catch (IOException | RuntimeException e) {
            return "unknown " + System.nanoTime() + " " + e.getClass().getName();
        }
    }

    /** Each runner file by its name: its size and CRC-32, from the central directory. */
    private static SortedMap<String, String> fromJar(Path jar) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        // the class path's own ZipFile already read the central directory; this one shares it
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory() && runner(entry.getName())) {
                    files.put(entry.getName(), entry.getSize() + " " + Long.toHexString(entry.getCrc()));
                }
            }
        }
        return files;
    }

    /** Each runner file by its name, as a jar of the folder would name it: its size and CRC-32, from its bytes. */
    private static SortedMap<String, String> fromFolder(Path folder) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        for (String prefix : PREFIXES) {
            Path root = folder.resolve(prefix);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> found;
            try (Stream<Path> walk = Files.walk(root)) {
                found = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : found) {
                CRC32 crc = new CRC32();
                long size = 0;
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[65_536];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        crc.update(buffer, 0, n);
                        size += n;
                    }
                }
                files.put(folder.relativize(file).toString().replace('\\', '/'), size + " " + Long.toHexString(crc.getValue()));
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

    /**
     * The build's step: writes the stamp of the class folder {@code args[0]} to the file {@code args[1]}. Fails
     * the build where the folder holds no runner code.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RunnerStamp CLASS_FOLDER STAMP_FILE");
        }
        String stamp = of(Path.of(args[0]));
        if (!isStamp(stamp)) {
            throw new IOException("cannot stamp the runner code in " + args[0] + ": " + stamp);
        }
        Files.writeString(Path.of(args[1]), stamp + "\n");
    }
}
