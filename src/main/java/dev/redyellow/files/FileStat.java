package dev.redyellow.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * What one {@code lstat} says of a path, with the change time and mode that {@link BasicFileAttributes}
 * leave out. The JDK's tree walk reads the basic attributes and a second read got the rest: two system
 * calls per entry where one does, and the checks of shared dependency folders stat every entry after
 * every test run (about 1,200 in a small {@code node_modules}).
 *
 * @param changed the change time (ctime): every write moves it, and nobody can set it back
 * @param mode    the permission bits with the set-id and sticky bits ({@code st_mode & 07777})
 * @param uid     the owner's user id
 * @param gid     the owner's group id
 */
public record FileStat(Kind kind, long size, FileTime modified, FileTime accessed, FileTime changed, int mode,
        int uid, int gid, Object fileKey) implements BasicFileAttributes {

    /** The kinds of entry a tree holds, links never followed. */
    public enum Kind { FILE, DIRECTORY, LINK, OTHER }

    private static final String ATTRIBUTES = "unix:mode,ctime,size,lastModifiedTime,lastAccessTime,isDirectory,"
            + "isRegularFile,isSymbolicLink,fileKey,uid,gid";

    /** Stats {@code path} without following a link, in one system call. */
    public static FileStat of(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        Kind kind = Boolean.TRUE.equals(a.get("isSymbolicLink")) ? Kind.LINK
                : Boolean.TRUE.equals(a.get("isDirectory")) ? Kind.DIRECTORY
                : Boolean.TRUE.equals(a.get("isRegularFile")) ? Kind.FILE : Kind.OTHER;
        return new FileStat(kind, (Long) a.get("size"), (FileTime) a.get("lastModifiedTime"),
                (FileTime) a.get("lastAccessTime"), (FileTime) a.get("ctime"), ((Integer) a.get("mode")) & 07777,
                (Integer) a.get("uid"), (Integer) a.get("gid"), a.get("fileKey"));
    }

    @Override
    public FileTime lastModifiedTime() {
        return modified;
    }

    @Override
    public FileTime lastAccessTime() {
        return accessed;
    }

    /**
     * The modification time: a birth time needs another call, and the JDK too gives the modification
     * time where it has none.
     */
    @Override
    public FileTime creationTime() {
        return modified;
    }

    @Override
    public boolean isRegularFile() {
        return kind == Kind.FILE;
    }

    @Override
    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    @Override
    public boolean isSymbolicLink() {
        return kind == Kind.LINK;
    }

    @Override
    public boolean isOther() {
        return kind == Kind.OTHER;
    }
}
