package dev.redyellow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redyellow.bench.JavaSourceIndex.SourceFile;
import dev.redyellow.bench.RealJavaProject.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link RealJavaProject} two ways: as a RedYellow manifest with its base, tests and
 * replayed attempts, and as a plain Maven project of the same final sources whose Surefire runs the
 * classes of every feature's test files, as RedYellow hands them all to JUnit (its own test classes,
 * and the others its tests brought along: Codec's PhoneticEnginePerformanceTest comes with
 * PhoneticEngineTest), so both can be timed on the same code and the same tests.
 */
public final class RealCaseWriter {

    /** Plugin versions this project's own build uses, so an offline build finds them in ~/.m2. */
    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.redyellow.bench</groupId>
              <artifactId>realcode-plain</artifactId>
              <version>1</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>5.14.1</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version>
                    <configuration><compilerArgs><arg>-nowarn</arg></compilerArgs></configuration></plugin>
                  <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.2</version>
                    <configuration>
                      <testFailureIgnore>true</testFailureIgnore>
                      <!-- Codec's largest test allocates what the heap allows unless it is bounded: it then skips itself.
                           The case's test JVMs get the same heap (workerHeapMb). -->
                      <argLine>-Xmx%dm</argLine>
                      <includes>
            %s
                      </includes>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    /**
     * The heap of every JVM that runs the case's tests, the plain build's and RedYellow's alike: the
     * same tests then meet the same limit on both sides (Lang's ExtendedMessageFormatTest took 24 s in
     * a fresh JVM with 256 MiB, RedYellow's default, against 13 s with 1 GiB).
     */
    static final int HEAP_MB = 1024;

    private final RealJavaProject project;

    public RealCaseWriter(RealJavaProject project) {
        this.project = project;
    }

    /**
     * Writes the manifest and its files into {@code folder}; returns the manifest.
     *
     * @param declareAll declare every true edge, not only the chosen half
     */
    public Path writeManifest(Path folder, String name, boolean declareAll, int workers) throws IOException {
        Map<String, SourceFile> files = project.index().files();
        writeBase(folder.resolve("base"));
        List<Map<String, Object>> features = new ArrayList<>();
        for (Unit unit : project.units()) {
            Map<String, Object> tests = new LinkedHashMap<>();
            for (String t : unit.testFiles()) {
                String from = "tests/" + files.get(t).path();
                write(folder.resolve(from), files.get(t).text());
                tests.put("src/test/java/" + files.get(t).path(), Map.of("from", from));
            }
            List<Map<String, Object>> attempts = new ArrayList<>();
            if (unit.hasWrongFirst()) {
                attempts.add(attempt(folder, unit, 1, unit.wrongFirst()));
            }
            attempts.add(attempt(folder, unit, attempts.size() + 1, null));
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("id", unit.id());
            feature.put("title", unit.classes().stream().map(c -> files.get(c).simpleName()).collect(Collectors.joining(", ")));
            feature.put("description", "Real code: " + String.join(", ", unit.classes()) + ", tested by its own "
                    + String.join(", ", unit.ownTests()) + (unit.mainFiles().size() > unit.classes().size()
                    ? " (with " + (unit.mainFiles().size() - unit.classes().size()) + " class(es) that have no test of their own)" : ""));
            feature.put("dependsOn", List.copyOf(declareAll ? unit.trueDeps() : unit.declared()));
            feature.put("tests", tests);
            feature.put("attempts", attempts);
            features.add(feature);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("name", name);
        manifest.put("base", "base/");
        manifest.put("test", Map.of("kind", "junit", "timeoutSeconds", 120, "workerHeapMb", HEAP_MB));
        manifest.put("implementer", Map.of("kind", "replay"));
        manifest.put("review", Map.of("kind", "auto"));
        manifest.put("maxAttempts", 3);
        manifest.put("workers", workers);
        manifest.put("features", features);
        Path file = folder.resolve("manifest.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
        return file;
    }

    private Map<String, Object> attempt(Path folder, Unit unit, int number, String wrongFirst) throws IOException {
        Map<String, SourceFile> files = project.index().files();
        Map<String, Object> written = new LinkedHashMap<>();
        for (String m : unit.mainFiles()) {
            String text = wrongFirst != null && m.equals(unit.classes().get(0)) ? wrongFirst : files.get(m).text();
            String from = "attempts/" + unit.id() + "-" + number + "/" + files.get(m).path();
            write(folder.resolve(from), text);
            written.put("src/main/java/" + files.get(m).path(), Map.of("from", from));
        }
        return Map.of("files", written);
    }

    /** Writes the plain Maven project of the same final code into {@code folder}. */
    public void writeMavenProject(Path folder) throws IOException {
        Map<String, SourceFile> files = project.index().files();
        writeBase(folder);
        for (Unit unit : project.units()) {
            for (String f : unit.mainFiles()) {
                write(folder.resolve("src/main/java/" + files.get(f).path()), files.get(f).text());
            }
            for (String f : unit.testFiles()) {
                write(folder.resolve("src/test/java/" + files.get(f).path()), files.get(f).text());
            }
        }
    }

    /** The Maven build of the project: the plain build runs it, and the case's base holds it as a project's root does. */
    private String pom() {
        Map<String, SourceFile> files = project.index().files();
        String includes = project.units().stream().flatMap(u -> u.testFiles().stream())
                .map(t -> "            <include>" + files.get(t).path().replace(".java", ".class") + "</include>")
                .collect(Collectors.joining("\n"));
        return POM.formatted(HEAP_MB, includes);
    }

    /**
     * The base: the classes no feature writes, the resources, and the project's pom.xml (tests read
     * their project's files by relative path: Commons IO's FileSystemUtilsTest asks for the free space
     * of "pom.xml").
     */
    private void writeBase(Path folder) throws IOException {
        write(folder.resolve("pom.xml"), pom());
        Map<String, SourceFile> files = project.index().files();
        for (String f : project.baseFiles()) {
            SourceFile file = files.get(f);
            write(folder.resolve((file.test() ? "src/test/java/" : "src/main/java/") + file.path()), file.text());
        }
        for (Map.Entry<String, Path> resource : project.index().resources().entrySet()) {
            String key = resource.getKey();
            Path target = folder.resolve(key.startsWith("test/") ? "src/test/resources/" + key.substring(5)
                    : "src/main/resources/" + key.substring(5));
            Files.createDirectories(target.getParent());
            Files.copy(resource.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
