package dev.redyellow.testing.worker;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A base snapshot's classes, compiled once per content hash into a folder of their own (issue 19:
 * the base is about 80 % of every real-code workspace compile, docs/bench/compile-19.md). The
 * folder's name is the hash, so a changed base gets a new folder and never a stale one; a folder is
 * only ever made whole (compiled aside, then moved into place). A base that does not compile alone
 * (it refers to a class that only a feature brings) has no such folder: its workspaces compile whole.
 * Used by {@link BaseCompile}, on the host, for both junit fork modes.
 */
public final class BaseClasses {
    private static final System.Logger LOG = System.getLogger(BaseClasses.class.getName());
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{16,128}");

    private final Path root;
    private final WorkspaceCompiler compiler;
    private final Map<String, Optional<Path>> known = new ConcurrentHashMap<>();
    /**
     * One lock per hash: a folder is made once, and the runs that need another folder meanwhile (a GREEN
     * dependency's classes each) do not wait for it.
     */
    private final Map<String, Object> making = new ConcurrentHashMap<>();

    public BaseClasses(Path root, WorkspaceCompiler compiler) {
        this.root = root;
        this.compiler = compiler;
    }

    /**
     * The folder of the base's classes, compiled on the first call for this hash; empty when the
     * base does not compile alone (remembered, so it is tried once per hash).
     */
    public Optional<Path> classesOf(String baseHash, Path base, List<Path> classPath) throws IOException {
        return classesOf(baseHash, aside -> compiler.compile(base, aside, classPath));
    }

    /** Compiles into a folder aside, given to {@code compile}. */
    @FunctionalInterface
    interface Compile {
        WorkspaceCompiler.Compilation into(Path aside) throws IOException;
    }

    /** As {@link #classesOf(String, Path, List)}, the folder made by {@code compile}. */
    /** Whether the folder of this hash was made (or found not to compile) in this JVM already. */
    boolean known(String hash) {
        return known.containsKey(hash);
    }

    Optional<Path> classesOf(String baseHash, Compile compile) throws IOException {
        if (!HASH.matcher(baseHash).matches()) {
            throw new IllegalArgumentException("base hash '" + baseHash + "' is not a lower-case hexadecimal content hash");
        }
        Optional<Path> seen = known.get(baseHash);
        if (seen != null) {
            return seen;
        }
        synchronized (making.computeIfAbsent(baseHash, h -> new Object())) {
            return make(baseHash, compile);
        }
    }

    private Optional<Path> make(String baseHash, Compile compile) throws IOException {
        Optional<Path> seen = known.get(baseHash);
        if (seen != null) {
            return seen;
        }
        Path done = root.resolve(baseHash);
        Optional<Path> result;
        if (Files.isDirectory(done)) {
            result = Optional.of(done);
        } else {
            Files.createDirectories(root);
            Path aside = Files.createTempDirectory(root, baseHash + ".");
            WorkspaceCompiler.Compilation c;
            try {
                c = compile.into(aside);
            } catch (IOException | RuntimeException | Error e) {
                // javac crashed twice, say (WorkspaceCompiler): nothing is remembered, a later call tries again
                deleteTree(aside);
                throw e;
            }
            if (c.succeeded()) {
                try {
                    Files.move(aside, done, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    // same folder, so only a file system without renames lands here: use it in place
                    done = aside;
                } catch (java.nio.file.FileSystemException e) {
                    if (!Files.isDirectory(done)) {
                        deleteTree(aside);
                        throw e;
                    }
                    // another runner of the run made the same hash's folder meanwhile: the same classes (Linux
                    // says so with ENOTEMPTY, a plain FileSystemException, not DirectoryNotEmptyException)
                    deleteTree(aside);
                }
                result = Optional.of(done);
            } else {
                deleteTree(aside);
                // not an error of the run (a base may need its features' code), but worth a line in the log
                LOG.log(System.Logger.Level.INFO, "the base " + baseHash + " does not compile alone ({0} errors): {1}",
                        c.errors().size(), String.join(" | ", c.errors().subList(0, Math.min(5, c.errors().size()))));
                result = Optional.empty();
            }
        }
        known.put(baseHash, result);
        return result;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
