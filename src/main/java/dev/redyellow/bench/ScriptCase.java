package dev.redyellow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A real JavaScript or Python project kept in this repository as test data ({@code benchmarks/realjs/...},
 * {@code benchmarks/realpy/...}) and how it splits into features, read from the {@code case.json} beside
 * its sources: which paths form the base, which modules and own test files make each feature, the
 * manifest's test block, the command of one plain run of the whole project and where that run writes
 * its JUnit XML report, and the features whose first replayed attempt is a wrong edit of the real module.
 *
 * @param folder  the project's folder (sources, tests, licence and {@code case.json})
 * @param shared  the dependency folder the base holds ({@code node_modules} or {@code .venv})
 * @param base    paths (files or folders) of the project every workspace gets
 * @param test    the manifest's {@code test} block, as written
 * @param plain   argv of the plain run of the whole project
 * @param report  the plain run's JUnit XML report, relative to the project
 */
public record ScriptCase(Path folder, String name, String project, String shared, List<String> base,
                         Map<String, Object> test, List<String> plain, String report, List<Feature> features) {

    /** A wrong first attempt: the real module with {@code find} (present exactly once) replaced. */
    public record WrongFirst(String file, String find, String replace, String why) {
    }

    /**
     * One feature: its modules ({@code code}, files or folders; the first is the one its tests are
     * about, the others have no test of their own) and its own test files.
     */
    public record Feature(String id, List<String> code, List<String> tests, List<String> dependsOn,
                          Optional<WrongFirst> wrongFirst) {
    }

    /** Reads {@code folder/case.json}; every error names the file and what is wrong. */
    public static ScriptCase read(Path folder) throws IOException {
        Path file = folder.resolve("case.json");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the case: " + e.getMessage(), e);
        }
        List<Feature> features = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> claimed = new HashSet<>();
        for (JsonNode f : required(file, root, "features")) {
            String id = text(file, f, "id");
            if (!ids.add(id)) {
                throw new IOException(file + ": feature id '" + id + "' appears twice");
            }
            List<String> code = paths(file, folder, f, "code", claimed);
            List<String> tests = paths(file, folder, f, "tests", claimed);
            if (code.isEmpty() || tests.isEmpty()) {
                throw new IOException(file + ": feature '" + id + "' needs at least one code path and one test file");
            }
            Optional<WrongFirst> wrong = Optional.empty();
            if (f.has("wrongFirst")) {
                JsonNode w = f.get("wrongFirst");
                WrongFirst wrongFirst = new WrongFirst(text(file, w, "file"), text(file, w, "find"), text(file, w, "replace"),
                        text(file, w, "why"));
                if (!code.contains(wrongFirst.file())) {
                    throw new IOException(file + ": feature '" + id + "': wrongFirst.file " + wrongFirst.file()
                            + " is not one of its code files " + code);
                }
                String text = Files.readString(folder.resolve(wrongFirst.file()));
                int at = text.indexOf(wrongFirst.find());
                if (at < 0 || text.indexOf(wrongFirst.find(), at + 1) >= 0) {
                    throw new IOException(file + ": feature '" + id + "': wrongFirst.find must occur exactly once in "
                            + wrongFirst.file() + ": " + wrongFirst.find());
                }
                wrong = Optional.of(wrongFirst);
            }
            List<String> dependsOn = new ArrayList<>();
            f.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
            features.add(new Feature(id, code, tests, List.copyOf(dependsOn), wrong));
        }
        for (Feature f : features) {
            for (String d : f.dependsOn()) {
                if (!ids.contains(d)) {
                    throw new IOException(file + ": feature '" + f.id() + "' depends on unknown '" + d + "' (known: " + ids + ")");
                }
            }
        }
        List<String> base = paths(file, folder, root, "base", claimed);
        List<String> plain = new ArrayList<>();
        required(file, root, "plain").forEach(a -> plain.add(a.asText()));
        @SuppressWarnings("unchecked")
        Map<String, Object> test = new ObjectMapper().convertValue(required(file, root, "test"), Map.class);
        return new ScriptCase(folder, text(file, root, "name"), text(file, root, "project"), text(file, root, "shared"),
                base, test, List.copyOf(plain), text(file, root, "report"), List.copyOf(features));
    }

    /** The environment the manifest's test command runs with; the plain run gets the same. */
    public Map<String, String> env() {
        Object env = test.get("env");
        if (!(env instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
        return copy;
    }

    /** A feature's every code file (folders listed), in order. */
    public List<String> codeFiles(Feature feature) throws IOException {
        return files(feature.code());
    }

    /** A feature's every test file (folders listed), in order. */
    public List<String> testFiles(Feature feature) throws IOException {
        return files(feature.tests());
    }

    /** The base's files (folders listed), in order. */
    public List<String> baseFiles() throws IOException {
        return files(base);
    }

    private List<String> files(List<String> paths) throws IOException {
        List<String> files = new ArrayList<>();
        for (String p : paths) {
            Path path = folder.resolve(p);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (var walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).map(x -> folder.relativize(x).toString().replace('\\', '/'))
                            .filter(x -> !x.contains("__pycache__")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static JsonNode required(Path file, JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IOException(file + ": missing '" + field + "'");
        }
        return value;
    }

    private static String text(Path file, JsonNode node, String field) throws IOException {
        JsonNode value = required(file, node, field);
        if (!value.isTextual()) {
            throw new IOException(file + ": '" + field + "' must be a string");
        }
        return value.asText();
    }

    /** The listed paths; each must exist in the project and belong to one place only. */
    private static List<String> paths(Path file, Path folder, JsonNode node, String field, Set<String> claimed)
            throws IOException {
        List<String> paths = new ArrayList<>();
        for (JsonNode p : required(file, node, field)) {
            String path = p.asText();
            if (path.isEmpty() || path.startsWith("/") || path.contains("..") || !Files.exists(folder.resolve(path))) {
                throw new IOException(file + ": '" + field + "' names " + path + ", which is not a path of the project");
            }
            if (!claimed.add(path)) {
                throw new IOException(file + ": " + path + " is listed twice");
            }
            paths.add(path);
        }
        return List.copyOf(paths);
    }
}
