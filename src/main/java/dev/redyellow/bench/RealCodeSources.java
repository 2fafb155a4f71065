package dev.redyellow.bench;

import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import dev.redyellow.exec.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real code of the real-code case: the sources and test-sources jars of released Apache Commons
 * libraries (Apache License 2.0), taken from the local Maven repository, or fetched there from Maven
 * Central with {@code mvn dependency:get} when missing, and unpacked once into a cache folder. None of
 * it is kept in RedYellow's repository.
 */
public final class RealCodeSources {

    /** One released library. */
    public record Artifact(String group, String artifact, String version) {
        String coordinates(String classifier) {
            return group + ":" + artifact + ":" + version + ":jar:" + classifier;
        }

        Path jar(Path repository, String classifier) {
            return repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                    .resolve(artifact + "-" + version + "-" + classifier + ".jar");
        }

        String folderName() {
            return artifact + "-" + version;
        }
    }

    /** The libraries pooled into one case: together their packages resolve each other's imports. */
    public static final List<Artifact> APACHE_COMMONS = List.of(
            new Artifact("commons-codec", "commons-codec", "1.17.1"),
            new Artifact("org.apache.commons", "commons-collections4", "4.5.0"),
            new Artifact("commons-io", "commons-io", "2.16.1"),
            new Artifact("org.apache.commons", "commons-lang3", "3.17.0"),
            new Artifact("org.apache.commons", "commons-text", "1.12.0"));

    private final Path repository;
    private final Path cache;
    private final List<String> maven;

    /**
     * @param repository the local Maven repository (~/.m2/repository)
     * @param cache      where the jars are unpacked (~/.redyellow/realcode)
     * @param maven      the Maven command to fetch missing jars with (e.g. {@code mvn})
     */
    public RealCodeSources(Path repository, Path cache, List<String> maven) {
        this.repository = repository;
        this.cache = cache;
        this.maven = List.copyOf(maven);
    }

    /** The unpacked source roots: main roots and test roots, one each per artifact. */
    public record Roots(List<Path> main, List<Path> test) {
    }

    public Roots unpack(List<Artifact> artifacts) throws IOException, InterruptedException {
        List<Path> main = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        for (Artifact a : artifacts) {
            main.add(unpacked(a, "sources", "main"));
            test.add(unpacked(a, "test-sources", "test"));
        }
        return new Roots(main, test);
    }

    private Path unpacked(Artifact a, String classifier, String side) throws IOException, InterruptedException {
        Path target = cache.resolve(a.folderName()).resolve(side);
        Path done = cache.resolve(a.folderName()).resolve(side + ".unpacked");
        if (Files.isRegularFile(done)) {
            return target;
        }
        Path jar = a.jar(repository, classifier);
        if (!Files.isRegularFile(jar)) {
            fetch(a, classifier);
        }
        new dev.redyellow.exec.RunFolder(target).delete();
        unzip(jar, target);
        Files.writeString(done, jar.toString());
        return target;
    }

    private void fetch(Artifact a, String classifier) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(maven);
        command.addAll(List.of("-q", "-B", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get",
                "-Dartifact=" + a.coordinates(classifier), "-Dtransitive=false"));
        Files.createDirectories(cache);
        ProcessResult result = new ProcessRunner().run(new ProcessSpec(command, cache, Map.of(), Duration.ofMinutes(5)),
                OutputSink.DISCARD);
        if (result.exitCode() != 0 || !Files.isRegularFile(a.jar(repository, classifier))) {
            throw new IOException("cannot fetch " + a.coordinates(classifier) + " with " + String.join(" ", command)
                    + " (exit " + result.exitCode() + "): " + result.outputTail());
        }
    }

    private static void unzip(Path jar, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path out = target.resolve(e.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException(jar + ": entry " + e.getName() + " leaves the folder it is unpacked into");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
