package dev.redyellow.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the daemons live: {@code ~/.redyellow/daemon} (or the folder the system property
 * {@code redyellow.daemon.dir} names), readable by its user alone, with per identity its socket
 * ({@code ID.sock}), the lock its daemon holds while it lives ({@code ID.lock}), its log ({@code ID.log})
 * and, when a daemon could not take that identity, why ({@code ID.refused}: no client starts one again).
 */
public final class DaemonFolder {
    /** Linux's limit on a socket's path is 108 bytes with the terminating zero; macOS's is 104. */
    static final int SOCKET_PATH_LIMIT = 100;

    private final Path root;

    public DaemonFolder(Path root) {
        this.root = root;
    }

    /** The folder of this JVM's user. */
    public static DaemonFolder current() {
        String chosen = System.getProperty("redyellow.daemon.dir");
        return new DaemonFolder(chosen != null && !chosen.isBlank() ? Path.of(chosen).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".redyellow", "daemon"));
    }

    public Path root() {
        return root;
    }

    public Path socket(String id) {
        return root.resolve(id + ".sock");
    }

    public Path lock(String id) {
        return root.resolve(id + ".lock");
    }

    public Path log(String id) {
        return root.resolve(id + ".log");
    }

    public Path refused(String id) {
        return root.resolve(id + ".refused");
    }

    /** Whether a socket of this folder fits the system's limit on socket paths. */
    public boolean socketFits(String id) {
        return socket(id).toString().getBytes(StandardCharsets.UTF_8).length <= SOCKET_PATH_LIMIT;
    }

    /**
     * Makes the folder, readable, writable and searchable by its owner alone, where the file system has modes. An
     * existing folder is never changed: one that other users may read or write (a shared folder the system property
     * named) is refused, since anyone who reaches a daemon's socket runs commands as its user.
     */
    public void make() throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root.getParent());
            try {
                if (posix) {
                    Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(root);
                }
            } catch (FileAlreadyExistsException e) {
                // made meanwhile by another RedYellow: checked below like any existing one
            }
        }
        if (!isPrivate()) {
            String owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS).getName();
            throw new IOException(root + (Files.isSymbolicLink(root) ? " is a symbolic link"
                    : !owner.equals(System.getProperty("user.name")) ? " belongs to " + owner
                    : " is open to other users (" + PosixFilePermissions.toString(Files.getPosixFilePermissions(root)) + ")")
                    + "; a daemon's folder must be its user's alone");
        }
    }

    /**
     * Whether the folder is there, owned by this JVM's user and closed to others: a client talks to no socket in
     * any other (one who could write there could stand in for the daemon).
     */
    public boolean isPrivate() {
        try {
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)
                    || !Files.getOwner(root, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return false;
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS);
                modes.retainAll(EnumSet.range(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_EXECUTE));
                return modes.isEmpty();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a daemon (starting or serving) holds the lock of {@code id}. */
    public boolean held(String id) throws IOException {
        try (FileChannel channel = FileChannel.open(lock(id), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return true;
            }
            taken.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this JVM holds it: it is that daemon
        }
    }

    /**
     * Removes what daemons of other identities left (a log, a lock, why one was refused) untouched for
     * {@code age}, unless a daemon holds that identity's lock: each environment a command came from (a terminal of
     * its own, a variable set for one command) leaves a few small files behind.
     */
    public void sweep(String keep, Duration age) throws IOException {
        Instant before = Instant.now().minus(age);
        List<Path> files;
        try (Stream<Path> listed = Files.list(root)) {
            files = listed.filter(p -> p.getFileName().toString().matches("[0-9a-f]+\\.(log|lock|refused)")).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.indexOf('.'));
            if (id.equals(keep) || Files.getLastModifiedTime(file).toInstant().isAfter(before)
                    || Files.exists(socket(id)) || (name.endsWith(".lock") && held(id))) {
                continue;
            }
            Files.deleteIfExists(file);
        }
    }
}
