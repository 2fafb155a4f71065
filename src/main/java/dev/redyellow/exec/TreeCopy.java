package dev.redyellow.exec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Copies a folder tree without ever reading through a symbolic link: regular files are copied with
 * their modes and times (the executable bit of a tool's binary survives), links are made again with
 * the same target text (a relative {@code node_modules/.bin/vitest -> ../vitest/vitest.mjs} keeps
 * working, a link to {@code /etc/passwd} stays a link and its target is never opened), and anything
 * else (a FIFO, a socket, a device) is left out, since reading it could block or read a device.
 */
final class TreeCopy {
    private static final System.Logger LOG = System.getLogger(TreeCopy.class.getName());

    private TreeCopy() {
    }

    /** What a copy left out: the folders {@code shared} claimed, and files that are neither file, folder nor link. */
    record Skipped(List<String> sharedFolders, List<String> special) {
    }

    /** Copies everything under {@code from} into {@code to} (created if absent). */
    static Skipped copy(Path from, Path to) throws IOException {
        return copy(from, to, relative -> false);
    }

    /**
     * Copies {@code from} into {@code to}, leaving out (and listing) each real folder whose
     * {@code /}-separated relative path {@code shared} accepts; the caller materialises those itself.
     */
    static Skipped copy(Path from, Path to, Predicate<String> shared) throws IOException {
        List<String> sharedFolders = new ArrayList<>();
        List<String> special = new ArrayList<>();
        // walkFileTree does not follow links unless asked: a link is visited as a file with its own attributes.
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relative = relative(from, dir);
                if (!relative.isEmpty() && shared.test(relative)) {
                    sharedFolders.add(relative);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = relative(from, file);
                Path target = to.resolve(relative);
                if (attrs.isSymbolicLink()) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else if (attrs.isRegularFile()) {
                    copyFile(file, target);
                } else {
                    special.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!special.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "left out of the copy of " + from + " (neither file, folder nor link): "
                    + String.join(", ", special));
        }
        return new Skipped(List.copyOf(sharedFolders), List.copyOf(special));
    }

    /** Copies one regular file with its mode, times and owner, as every copy of a tree does. */
    static void copyFile(Path file, Path target) throws IOException {
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The real folders under {@code from} that {@code shared} accepts, as {@link #copy(Path, Path, Predicate)}
     * would leave them out, without copying anything.
     */
    static List<String> sharedFolders(Path from, Predicate<String> shared) throws IOException {
        List<String> found = new ArrayList<>();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String relative = relative(from, dir);
                if (!relative.isEmpty() && shared.test(relative)) {
                    found.add(relative);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return List.copyOf(found);
    }

    /**
     * Whether {@code cp --reflink=always} can clone a file in {@code dir}'s file system (btrfs, XFS,
     * bcachefs...: a copy-on-write copy costs about what a hard link does). False where cp lacks the
     * option or the file system cannot clone (ext4, tmpfs).
     */
    static boolean canClone(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".clone-probe-", "");
            Path copy = probe.resolveSibling(probe.getFileName() + ".copy");
            try {
                Files.write(probe, new byte[] {1});
                return cp("--reflink=always", probe, copy);
            } finally {
                Files.deleteIfExists(probe);
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Copies the content of {@code from} into the existing folder {@code to} with {@code cp -a}
     * (modes and times kept, links copied as links) and {@code reflink} ({@code --reflink=always}
     * where {@link #canClone} said yes). Only for trees {@link #copy} made: those hold no FIFO or device.
     */
    static void cloneTree(Path from, Path to, String reflink) throws IOException {
        try {
            if (!cp(reflink, Path.of(from + "/."), to)) {
                throw new IOException("cp -a " + reflink + " " + from + " " + to + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while copying " + from);
        }
    }

    private static boolean cp(String reflink, Path from, Path to) throws IOException, InterruptedException {
        Process cp = new ProcessBuilder("cp", "-a", reflink, "--", from.toString(), to.toString())
                .redirectErrorStream(true).start();
        try {
            String output = new String(cp.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int exit = cp.waitFor();
            if (exit != 0) {
                LOG.log(System.Logger.Level.DEBUG, "cp -a " + reflink + " exited " + exit + ": " + output.strip());
            }
            return exit == 0;
        } finally {
            cp.destroy();
        }
    }

    static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
