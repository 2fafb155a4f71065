package dev.redyellow.testing.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Checks every compile in a reused javac context against a fresh compile of the same sources (issue
 * 19): the same success, the same diagnostics, byte for byte the same class files. Asked for with
 * {@code -Dredyellow.javac.checkReuse=FOLDER}; each compile's sources are kept in {@code FOLDER/sources}
 * by content hash, and each difference gets a folder {@code FOLDER/difference-N} that says which
 * compiles the context had made before (their sources by hash, in order), so it can be replayed.
 * A tool for finding what a reused context keeps; it doubles every reused compile's cost.
 */
final class ReuseCheck {

    /** The system property naming the folder; unset or empty: no checks. */
    static final String PROPERTY = "redyellow.javac.checkReuse";

    private final Path folder;
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong differing = new AtomicLong();

    private ReuseCheck(Path folder) {
        this.folder = folder;
    }

    /** The check this JVM was asked for, or null. */
    static ReuseCheck fromProperty() {
        String value = System.getProperty(PROPERTY, "");
        return value.isBlank() ? null : new ReuseCheck(Path.of(value));
    }

    /** Compiles checked so far, and how many of them differed from a fresh compile. */
    long[] counts() {
        return new long[] {checked.get(), differing.get()};
    }

    /** One line per source: its path and the hash its content is kept under. */
    List<String> remember(List<Path> sources) throws IOException {
        List<String> lines = new ArrayList<>();
        Path kept = Files.createDirectories(folder.resolve("sources"));
        for (Path source : sources) {
            byte[] bytes = Files.readAllBytes(source);
            String hash = sha256(bytes);
            Path file = kept.resolve(hash);
            if (!Files.exists(file)) {
                Path part = Files.createTempFile(kept, hash, ".part");
                Files.write(part, bytes);
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            lines.add(hash + " " + source);
        }
        return lines;
    }

    /**
     * Compiles {@code sources} afresh and compares with what the reused context gave: {@code ok},
     * {@code diagnostics}, and the class files {@code made} in {@code classes}.
     */
    void compare(JavaCompiler compiler, List<String> options, List<Path> sources, boolean ok,
                 List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, List<Path> made,
                 List<String> history, List<String> remembered) throws IOException {
        checked.incrementAndGet();
        Path freshClasses = Files.createTempDirectory("redyellow-reuse-check");
        try {
            DiagnosticCollector<JavaFileObject> freshDiagnostics = new DiagnosticCollector<>();
            List<String> all = new ArrayList<>(options);
            all.add("-d");
            all.add(freshClasses.toString());
            boolean freshOk;
            try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
                freshOk = Uninterrupted.call(() -> compiler.getTask(null, files, freshDiagnostics, all, null,
                        files.getJavaFileObjectsFromPaths(sources)).call());
            }
            List<String> what = new ArrayList<>();
            if (ok != freshOk) {
                what.add("success: reused " + ok + ", fresh " + freshOk);
            }
            List<String> reusedLines = lines(diagnostics);
            List<String> freshLines = lines(freshDiagnostics.getDiagnostics());
            if (!reusedLines.equals(freshLines)) {
                what.add("diagnostics differ");
            }
            Map<String, byte[]> reusedClasses = read(classes, made);
            Map<String, byte[]> freshMade = read(freshClasses, null);
            if (!reusedClasses.keySet().equals(freshMade.keySet())) {
                what.add("class files: reused " + reusedClasses.keySet() + ", fresh " + freshMade.keySet());
            }
            for (var e : reusedClasses.entrySet()) {
                byte[] other = freshMade.get(e.getKey());
                if (other != null && !Arrays.equals(e.getValue(), other)) {
                    what.add("class file differs: " + e.getKey());
                }
            }
            if (!what.isEmpty()) {
                long n = differing.incrementAndGet();
                Path record = Files.createDirectories(folder.resolve("difference-" + n));
                List<String> text = new ArrayList<>();
                text.add("options: " + options);
                text.addAll(what);
                text.add("");
                text.add("this compile's sources:");
                text.addAll(remembered);
                text.add("");
                text.add("earlier compiles on this context, oldest first:");
                text.addAll(history);
                text.add("");
                text.add("reused diagnostics:");
                text.addAll(reusedLines);
                text.add("fresh diagnostics:");
                text.addAll(freshLines);
                Files.write(record.resolve("difference.txt"), text, StandardCharsets.UTF_8);
                copy(classes, made, record.resolve("reused-classes"));
                copy(freshClasses, null, record.resolve("fresh-classes"));
            }
        } finally {
            BaseClasses.deleteTree(freshClasses);
            writeCounts();
        }
    }

    /** The totals in {@code counts.txt}, replaced whole, one thread at a time, so the last writer has the latest. */
    private synchronized void writeCounts() throws IOException {
        Path part = Files.createTempFile(folder, "counts", ".part");
        Files.writeString(part, "reused compiles checked: " + checked.get() + ", differing: " + differing.get() + "\n");
        Files.move(part, folder.resolve("counts.txt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> lines(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream().map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName())
                + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " " + d.getCode() + " "
                + d.getMessage(Locale.ROOT).replace('\n', ' ')).toList();
    }

    /** The class files under {@code root} (only those in {@code only}, when given), by relative path. */
    private static Map<String, byte[]> read(Path root, List<Path> only) throws IOException {
        Map<String, byte[]> found = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (only == null || only.contains(file)) {
                    found.put(root.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
        }
        return found;
    }

    private static void copy(Path root, List<Path> only, Path to) throws IOException {
        for (var e : read(root, only).entrySet()) {
            Path target = to.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
