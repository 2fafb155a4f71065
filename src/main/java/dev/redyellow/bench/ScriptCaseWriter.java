package dev.redyellow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redyellow.bench.ScriptCase.Feature;
import dev.redyellow.bench.ScriptCase.WrongFirst;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link ScriptCase} two ways, like {@link RealCaseWriter} does for the Java case: as a
 * RedYellow manifest (base, each feature's own tests, replayed attempts that are the real modules,
 * a wrong edit first where the case says so) and as the plain project with every file in place, so
 * one run of the project's own runner can be timed beside the cycle on the same code. Neither gets
 * the dependency folder: {@link ScriptEnvironment} puts it in.
 */
public final class ScriptCaseWriter {

    private final ScriptCase project;

    public ScriptCaseWriter(ScriptCase project) {
        this.project = project;
    }

    /** Writes {@code folder/manifest.json}, {@code base/}, {@code tests/} and {@code attempts/}; returns the manifest. */
    public Path writeManifest(Path folder, int workers) throws IOException {
        for (String f : project.baseFiles()) {
            copy(f, folder.resolve("base").resolve(f));
        }
        List<Map<String, Object>> features = new ArrayList<>();
        for (Feature feature : project.features()) {
            Map<String, Object> tests = new LinkedHashMap<>();
            for (String t : project.testFiles(feature)) {
                String from = "tests/" + t;
                copy(t, folder.resolve(from));
                tests.put(t, Map.of("from", from));
            }
            List<Map<String, Object>> attempts = new ArrayList<>();
            if (feature.wrongFirst().isPresent()) {
                attempts.add(attempt(folder, feature, 1, feature.wrongFirst()));
            }
            attempts.add(attempt(folder, feature, attempts.size() + 1, Optional.empty()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", feature.id());
            entry.put("title", feature.code().get(0));
            entry.put("description", "Real code: " + String.join(", ", feature.code()) + ", tested by its own "
                    + String.join(", ", feature.tests()) + feature.wrongFirst().map(w -> "; the first attempt is wrong: " + w.why())
                    .orElse(""));
            entry.put("dependsOn", feature.dependsOn());
            entry.put("tests", tests);
            entry.put("attempts", attempts);
            features.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", 1);
        manifest.put("name", project.name());
        manifest.put("base", "base/");
        manifest.put("test", project.test());
        manifest.put("implementer", Map.of("kind", "replay"));
        manifest.put("review", Map.of("kind", "auto"));
        manifest.put("maxAttempts", 3);
        manifest.put("workers", workers);
        manifest.put("features", features);
        Path file = folder.resolve("manifest.json");
        Files.createDirectories(folder);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), manifest);
        return file;
    }

    private Map<String, Object> attempt(Path folder, Feature feature, int number, Optional<WrongFirst> wrong)
            throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        for (String c : project.codeFiles(feature)) {
            String from = "attempts/" + feature.id() + "-" + number + "/" + c;
            if (wrong.isPresent() && wrong.get().file().equals(c)) {
                String text = Files.readString(project.folder().resolve(c));
                Files.createDirectories(folder.resolve(from).getParent());
                Files.writeString(folder.resolve(from), text.replace(wrong.get().find(), wrong.get().replace()));
            } else {
                copy(c, folder.resolve(from));
            }
            files.put(c, Map.of("from", from));
        }
        return Map.of("files", files);
    }

    /** Writes the whole project, every module and test in its place, into {@code folder}. */
    public void writePlainProject(Path folder) throws IOException {
        for (String f : project.baseFiles()) {
            copy(f, folder.resolve(f));
        }
        for (Feature feature : project.features()) {
            for (String f : project.codeFiles(feature)) {
                copy(f, folder.resolve(f));
            }
            for (String f : project.testFiles(feature)) {
                copy(f, folder.resolve(f));
            }
        }
    }

    private void copy(String relative, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(project.folder().resolve(relative), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
