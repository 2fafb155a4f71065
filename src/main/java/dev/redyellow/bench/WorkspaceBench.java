package dev.redyellow.bench;

import dev.redyellow.exec.RunFolder;
import dev.redyellow.exec.WorkspaceFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What a workspace costs: per workspace, hard links (the old way, which let an in-place write reach
 * every other workspace), a Java copy per file, {@code cp -a --reflink=auto} (copy-on-write where
 * the file system has it), and what {@link WorkspaceFactory#create} does now (a clone or a copy of
 * the base with the dependency folders linked, not copied); once per run, the base snapshot with the shared
 * folders' copy; and one tampering check of the shared folders.
 */
public final class WorkspaceBench {
    private final PrintWriter out;
    private final Path work;
    private final List<Path> sampleBases;
    private final int rounds;

    /**
     * @param sampleBases real bases to measure besides the generated ones (e.g. the samples' {@code base} folders)
     * @param rounds      workspaces made per method and base
     */
    public WorkspaceBench(PrintWriter out, Path work, List<Path> sampleBases, int rounds) {
        this.out = out;
        this.work = work;
        this.sampleBases = List.copyOf(sampleBases);
        this.rounds = rounds;
    }

    public void run() throws Exception {
        out.printf(Locale.ROOT, "Workspace benchmark: %d cores, Java %s, temporary folder on %s, %d workspaces per cell%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.getFileStore(work).type(), rounds);
        List<Path> bases = new ArrayList<>(sampleBases);
        bases.add(smallFiles(work.resolve("gen/2000-small-files/base"), 2_000));
        Path withNodeModules = work.resolve("gen/2000-small-files+30MB-node_modules/base");
        smallFiles(withNodeModules, 2_000);
        nodeModules(withNodeModules.resolve("node_modules"), 30L << 20);
        bases.add(withNodeModules);
        bases.add(nodeModules(work.resolve("gen/30MB-node_modules-only/base/node_modules"), 30L << 20).getParent());

        out.println("Per workspace, median (p90) in ms; the first three copy everything, node_modules included:");
        out.printf(Locale.ROOT, "%-34s %6s %7s | %-15s %-15s %-17s | %-17s%n", "base", "files", "MB",
                "hard links", "Files.copy", "cp --reflink=auto", "create (now)");
        List<String> once = new ArrayList<>();
        for (Path base : bases) {
            once.add(measure(base));
        }
        out.println();
        out.println("Once per run (base snapshot + shared folders copied, hashed, made read-only) and per check:");
        out.printf(Locale.ROOT, "%-34s %16s %18s %12s  %s%n", "base", "factory (ms)", "shared folders", "check (ms)",
                "workspaces made by");
        once.forEach(out::println);
        out.println();
        out.println("create (now): the base's files copied with their modes, links kept as links, each shared folder one");
        out.println("relative link. check: sizes, times and modes of every shared entry, hashes only of what changed.");
        out.flush();
    }

    private String name(Path base) {
        Path parent = base.getParent();
        return parent == null ? base.toString() : parent.getFileName().toString();
    }

    private String measure(Path base) throws Exception {
        long[] counts = count(base);
        String name = name(base);
        Path runDir = work.resolve("runs").resolve(name);
        long start = System.nanoTime();
        WorkspaceFactory factory = new WorkspaceFactory(runDir, base);
        double factoryMs = (System.nanoTime() - start) / 1e6;
        // Round by round, each method once in turn: the disk's write-back of one method's output then
        // weighs on all of them alike, not on whichever comes last.
        double[][] ms = time(List.of(
                i -> copyTree(base, fresh("links", i), true),
                i -> copyTree(base, fresh("copies", i), false),
                i -> cpReflink(base, fresh("reflink", i)),
                i -> factory.create("bench", "ws", List.of()),
                i -> factory.shared().verify()));
        new RunFolder(runDir).delete();
        out.printf(Locale.ROOT, "%-34s %6d %7.1f | %-15s %-15s %-17s | %-17s%n", name, counts[0], counts[1] / 1048576.0,
                cell(ms[0]), cell(ms[1]), cell(ms[2]), cell(ms[3]));
        out.flush();
        return String.format(Locale.ROOT, "%-34s %16.1f %18s %12s  %s", name, factoryMs,
                factory.shared().paths().isEmpty() ? "none" : String.join(", ", factory.shared().paths()), cell(ms[4]),
                factory.clones() ? "cp --reflink=always (copy-on-write)" : "a Java copy per file (no clone here)");
    }

    private Path fresh(String method, int i) {
        return work.resolve("out").resolve(method + "-" + i);
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    /**
     * Milliseconds of each step in each of {@code rounds} rounds after two warm-up rounds, sorted per
     * step; the outputs (under {@code out/} and the factory's workspaces) are removed untimed.
     */
    private double[][] time(List<Step> steps) throws Exception {
        double[][] ms = new double[steps.size()][rounds];
        for (int i = -2; i < rounds; i++) {
            for (int s = 0; s < steps.size(); s++) {
                long start = System.nanoTime();
                steps.get(s).run(i + 2);
                if (i >= 0) {
                    ms[s][i] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        new RunFolder(work.resolve("out")).delete();
        for (double[] step : ms) {
            Arrays.sort(step);
        }
        return ms;
    }

    private static String cell(double[] sorted) {
        return String.format(Locale.ROOT, "%.1f (%.1f)", sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.9) - 1]);
    }

    private static long[] count(Path base) throws IOException {
        long[] counts = new long[2];
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                counts[0]++;
                counts[1] += attrs.isRegularFile() ? attrs.size() : 0;
                return FileVisitResult.CONTINUE;
            }
        });
        return counts;
    }

    /** The alternatives measured beside the factory: hard links, or a plain Java copy per file. */
    private static void copyTree(Path from, Path to, boolean link) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (link) {
                    Files.createLink(target, file);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void cpReflink(Path from, Path to) throws IOException, InterruptedException {
        Files.createDirectories(to);
        Process cp = new ProcessBuilder("cp", "-a", "--reflink=auto", from + "/.", to.toString())
                .redirectErrorStream(true).start();
        String output = new String(cp.getInputStream().readAllBytes());
        if (!cp.waitFor(60, TimeUnit.SECONDS) || cp.exitValue() != 0) {
            throw new IOException("cp failed: " + output);
        }
    }

    /** {@code n} source files of 0.5 to 2.5 KB in folders of 50, like a mid-sized project. */
    static Path smallFiles(Path base, int n) throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            Path file = base.resolve("src/pkg" + (i / 50) + "/File" + i + ".txt");
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[512 + random.nextInt(2048)];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) ('a' + random.nextInt(26));
            }
            Files.write(file, bytes);
        }
        return base;
    }

    /** A node_modules of about {@code bytes}: packages of ten 10 KB files, each with a relative .bin link. */
    static Path nodeModules(Path folder, long bytes) throws IOException {
        Random random = new Random(7);
        byte[] content = new byte[10 * 1024];
        Path bin = Files.createDirectories(folder.resolve(".bin"));
        for (int pkg = 0; (long) pkg * 10 * content.length < bytes; pkg++) {
            Path dir = Files.createDirectories(folder.resolve("pkg-" + pkg + "/lib"));
            Files.writeString(dir.getParent().resolve("package.json"), "{\"name\": \"pkg-" + pkg + "\"}");
            for (int f = 0; f < 10; f++) {
                random.nextBytes(content);
                Files.write(dir.resolve("m" + f + ".js"), content);
            }
            Path cli = dir.resolve("cli.js");
            Files.writeString(cli, "#!/usr/bin/env node\n");
            Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createSymbolicLink(bin.resolve("pkg-" + pkg), Path.of("../pkg-" + pkg + "/lib/cli.js"));
        }
        return folder;
    }
}
