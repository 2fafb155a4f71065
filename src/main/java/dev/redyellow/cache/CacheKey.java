package dev.redyellow.cache;

import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The identity of one test run: a SHA-256 over the test settings, the selected tests and the
 * (path, content hash) of every regular file of the workspace. Paths are relative and
 * {@code /}-separated, so the same content in another folder gives the same key.
 */
public record CacheKey(String sha256, List<CacheInput> inputs) {
    /** Folders never part of a key: RedYellow's own scratch space and Python's byte code. */
    static final Set<String> IGNORED_FOLDERS = Set.of(".redyellow", "__pycache__");

    public CacheKey {
        Objects.requireNonNull(sha256, "sha256");
        inputs = List.copyOf(inputs);
    }

    public static CacheKey of(TestSettings settings, List<String> selectedTests, Path workspace, FileHashes hashes) {
        List<CacheInput> inputs = new ArrayList<>();
        inputs.add(new CacheInput("settings", Sha256.hex(settings.describe())));
        inputs.add(new CacheInput("tests", Sha256.hex(String.join("\n", selectedTests.stream().sorted().toList()))));
        regularFiles(workspace).forEach((path, file) -> inputs.add(CacheInput.file(path, hashes.hash(file))));
        return of(inputs);
    }

    /** The key of exactly these inputs, in this order. */
    public static CacheKey of(List<CacheInput> inputs) {
        MessageDigest digest = Sha256.digest();
        for (CacheInput input : inputs) {
            // NUL and newline cannot occur in a name or a hex hash, so the encoding is unambiguous.
            digest.update((input.name() + '\0' + input.hash() + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return new CacheKey(Sha256.hex(digest), inputs);
    }

    /** The workspace paths of the files among the inputs. */
    public List<String> files() {
        return inputs.stream().filter(CacheInput::isFile)
                .map(i -> i.name().substring(CacheInput.FILE_PREFIX.length())).toList();
    }

    private static SortedMap<String, Path> regularFiles(Path workspace) {
        SortedMap<String, Path> files = new TreeMap<>();
        try (Stream<Path> top = Files.list(workspace)) {
            for (Path child : top.toList()) {
                collect(workspace, child, files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workspace " + workspace, e);
        }
        return files;
    }

    private static void collect(Path workspace, Path path, SortedMap<String, Path> files) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            if (IGNORED_FOLDERS.contains(path.getFileName().toString())) {
                return;
            }
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    collect(workspace, child, files);
                }
            }
        } else if (Files.isRegularFile(path)) {
            files.put(relative(workspace, path), path);
        }
    }

    private static String relative(Path workspace, Path file) {
        return workspace.relativize(file).toString().replace('\\', '/');
    }
}
