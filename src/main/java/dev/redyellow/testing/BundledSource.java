package dev.redyellow.testing;

import dev.redyellow.files.Folders;
import dev.redyellow.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A Java source that ships as a resource and is compiled on first use against jars the application
 * bundles but is not compiled against (the JUnit Platform for the worker's bridge, PIT for the
 * mutant planner), so the application itself keeps neither on its class path.
 *
 * @param resource the source's class-path resource, {@code /dev/redyellow/.../Name.java}
 */
record BundledSource(String resource) {

    /** The source's text. */
    String text() throws IOException {
        try (InputStream in = BundledSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("a bundled source is missing: class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Compiles the source against {@code classPath} into memory: each class file by its jar entry
     * name ({@code dev/redyellow/.../Name.class}).
     */
    Map<String, byte[]> compile(String source, List<Path> classPath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("this Java runtime has no compiler (java.compiler module missing); a JDK is needed");
        }
        String entry = resource.substring(1);
        String folder = entry.substring(0, entry.lastIndexOf('/') + 1);
        Path scratch = Files.createTempDirectory("redyellow-bundled-");
        try {
            Path sourceFile = scratch.resolve("src").resolve(entry);
            Files.createDirectories(sourceFile.getParent());
            Files.writeString(sourceFile, source);
            Path out = Files.createDirectories(scratch.resolve("classes"));
            String path = classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                ok = compiler.getTask(null, files, diagnostics, List.of("-d", out.toString(), "-cp", path,
                                "-encoding", "UTF-8", "-proc:none", "-nowarn", "--release", "17"), null,
                        files.getJavaFileObjectsFromPaths(List.of(sourceFile))).call();
            }
            if (!ok) {
                throw new IOException("the bundled " + resource + " does not compile against " + path + ": "
                        + diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; ")));
            }
            Map<String, byte[]> classes = new TreeMap<>();
            try (Stream<Path> files = Files.list(out.resolve(folder))) {
                for (Path file : files.toList()) {
                    classes.put(folder + file.getFileName(), Files.readAllBytes(file));
                }
            }
            return classes;
        } finally {
            Folders.deleteTree(scratch);
        }
    }

    /** Writes a jar of these entries through a temporary file and an atomic move: parallel builders never see half a jar. */
    static void writeJar(Map<String, byte[]> entries, Path target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        AtomicFiles.write(target, bytes.toByteArray());
    }
}
