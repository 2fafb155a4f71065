package dev.redyellow.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample project that ships inside the application. A manifest names its files relative to
 * itself, so the sample is copied out to a real folder before it is loaded.
 */
public final class BundledSample {
    private static final String ROOT = "/dev/redyellow/samples/";
    public static final String STRING_TOOLS = "string-tools";

    private BundledSample() {
    }

    /**
     * Copies the bundled sample {@code name} into {@code targetRoot/name} (replacing an earlier copy)
     * and returns the path of its manifest.json.
     */
    public static Path extract(String name, Path targetRoot) throws IOException {
        URL manifest = BundledSample.class.getResource(ROOT + name + "/manifest.json");
        if (manifest == null) {
            throw new IOException("the application has no bundled sample '" + name + "'");
        }
        Path target = targetRoot.resolve(name);
        try {
            URI uri = manifest.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = openJar(uri)) {
                    copy(jar.getPath(ROOT + name), target);
                }
            } else {
                copy(Path.of(uri).getParent(), target);
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the bundled sample: " + e.getMessage(), e);
        }
        return target.resolve("manifest.json");
    }

    /** The default place: ~/.redyellow/samples, or a temporary folder when home is not writable. */
    public static Path defaultRoot() throws IOException {
        Path home = Path.of(System.getProperty("user.home"), ".redyellow", "samples");
        try {
            return Files.createDirectories(home);
        } catch (IOException notWritable) {
            return Files.createTempDirectory("redyellow-samples-");
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // someone else holds it open; a second, private view of the same jar is fine
            return FileSystems.newFileSystem(Path.of(URI.create(uri.getSchemeSpecificPart().split("!")[0])));
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            walk.forEach(p -> {
                Path to = target.resolve(source.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
