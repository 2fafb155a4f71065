package dev.redyellow.graph;

import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.Manifest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@link DependencyInference} reads, as one SHA-256, so the edges it inferred can be kept and a
 * later run of the same features skips reading their code (issue 19: inference was the largest part
 * of a cached re-run's start): every feature in manifest order with its id, {@code provides}, test
 * files and replayed attempts (paths and content hashes), and the code that infers, so a RedYellow
 * whose inference changed never reuses an older one's edges.
 */
public final class InferenceKey {
    private static final String FORMAT = "redyellow-inference-1";
    private static volatile String codeStamp;

    private InferenceKey() {
    }

    /** The key of the edges {@link DependencyInference} infers for {@code manifest}. */
    public static String of(Manifest manifest) {
        hashAll(manifest);
        MessageDigest digest = Sha256.digest();
        field(digest, FORMAT);
        field(digest, codeStamp());
        for (Feature feature : manifest.features()) {
            field(digest, "feature");
            field(digest, feature.id());
            field(digest, String.join("\n", feature.provides()));
            files(digest, "tests", feature.tests());
            for (FileSet attempt : feature.attempts()) {
                files(digest, "attempt", attempt);
            }
        }
        return Sha256.hex(digest);
    }

    /**
     * Works out every file's hash (kept by its {@link FileSet}, where the runs' cache keys find it) on
     * the cores there are: the start of a run waits for this key, and hashing the manifest's files one
     * after another on one thread was most of it.
     */
    private static void hashAll(Manifest manifest) {
        List<Map.Entry<FileSet, String>> files = new ArrayList<>();
        for (Feature feature : manifest.features()) {
            feature.tests().paths().forEach(path -> files.add(Map.entry(feature.tests(), path)));
            for (FileSet attempt : feature.attempts()) {
                attempt.paths().forEach(path -> files.add(Map.entry(attempt, path)));
            }
        }
        files.parallelStream().forEach(file -> file.getKey().hash(file.getValue()));
    }

    private static void files(MessageDigest digest, String what, FileSet set) {
        field(digest, what);
        field(digest, Integer.toString(set.size()));
        for (String path : set.paths()) {
            field(digest, path);
            field(digest, set.hash(path));
        }
    }

    /**
     * The inferring code's identity: the jar it runs from (path, size, modification time), or, run
     * from a class folder as in a build, the SHA-256 of this package's class files.
     */
    static String codeStamp() {
        String stamp = codeStamp;
        if (stamp == null) {
            stamp = computeStamp();
            codeStamp = stamp;
        }
        return stamp;
    }

    private static String computeStamp() {
        try {
            Path code = Path.of(InferenceKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return "jar " + code.toAbsolutePath() + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
            }
            Path folder = code.resolve(InferenceKey.class.getPackageName().replace('.', '/'));
            MessageDigest digest = Sha256.digest();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    field(digest, file.getFileName().toString());
                    digest.update(Files.readAllBytes(file));
                }
            }
            return "classes " + Sha256.hex(digest);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no stamp of its own: a key that no other start shares, so nothing is reused wrongly
            return "unknown " + System.nanoTime() + " " + List.of(e.getClass().getName());
        }
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
