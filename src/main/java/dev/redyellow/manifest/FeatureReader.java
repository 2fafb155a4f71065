package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code features}, applying the manifest-wide settings where it has no override. */
final class FeatureReader {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private static final Set<String> FIELDS = Set.of("id", "title", "description", "dependsOn", "provides", "tests",
            "attempts", "test", "implementer", "review", "group");

    private final LocatedJson json;
    private final Problems problems;
    private final SettingsReader settings;
    private final FileValues files;
    private final TestSettings defaultTest;
    private final ImplementerSettings defaultImplementer;
    private final ReviewSettings defaultReview;

    FeatureReader(LocatedJson json, Problems problems, FileValues files, TestSettings defaultTest,
                  ImplementerSettings defaultImplementer, ReviewSettings defaultReview) {
        this.json = json;
        this.problems = problems;
        this.settings = new SettingsReader(json, problems);
        this.files = files;
        this.defaultTest = defaultTest;
        this.defaultImplementer = defaultImplementer;
        this.defaultReview = defaultReview;
    }

    Optional<FeatureDraft> read(String pointer, JsonNode value) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, pointer, value, "a feature object");
        if (object.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = object.get();
        fields.rejectUnknown(FIELDS);
        String id = id(fields);
        List<FeatureDraft.Dependency> dependsOn = dependsOn(fields);
        FileSet tests = tests(fields);
        Feature feature = new Feature(id, fields.optionalString("title", null, false),
                fields.optionalString("description", "", true),
                dependsOn.stream().map(FeatureDraft.Dependency::id).toList(), provides(fields),
                fields.get("test").map(v -> settings.test(fields.pointerOf("test"), v)).orElse(defaultTest),
                fields.get("implementer").map(v -> settings.implementer(fields.pointerOf("implementer"), v))
                        .orElse(defaultImplementer),
                fields.get("review").map(v -> settings.review(fields.pointerOf("review"), v)).orElse(defaultReview),
                tests, attempts(fields, tests), fields.location(), fields.optionalString("group", "", false));
        return Optional.of(new FeatureDraft(feature, json.at(fields.pointerOf("id")), dependsOn));
    }

    private static String id(ObjectFields fields) {
        String id = fields.requiredString("id");
        if (id == null) {
            return "";
        }
        if (!ID.matcher(id).matches()) {
            fields.error("id", "invalid feature id \"" + id + "\": use lowercase letters, digits, '.', '_' and '-',"
                    + " starting with a letter or digit");
        }
        return id;
    }

    private List<FeatureDraft.Dependency> dependsOn(ObjectFields fields) {
        fields.strings("dependsOn", false, false); // reports wrong types; the entries are walked below for their locations
        List<FeatureDraft.Dependency> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode array = fields.get("dependsOn").orElse(null);
        for (int i = 0; array != null && array.isArray() && i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual() && !item.textValue().isEmpty()) {
                SourceLocation at = json.at(LocatedJson.child(fields.pointerOf("dependsOn"), i));
                if (seen.add(item.textValue())) {
                    result.add(new FeatureDraft.Dependency(item.textValue(), at));
                } else {
                    problems.add(at, "\"" + item.textValue() + "\" is listed twice in dependsOn");
                }
            }
        }
        return result;
    }

    private List<String> provides(ObjectFields fields) {
        List<String> paths = fields.strings("provides", false, false);
        JsonNode array = fields.get("provides").orElse(null);
        for (int i = 0; array != null && array.isArray() && i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual() && !item.textValue().isEmpty()) {
                String path = item.textValue();
                String itemPointer = LocatedJson.child(fields.pointerOf("provides"), i);
                WorkspacePath.problem(path).ifPresent(problem -> problems.add(json.at(itemPointer),
                        "invalid workspace path \"" + path + "\": " + problem));
            }
        }
        return paths;
    }

    private FileSet tests(ObjectFields fields) {
        if (!fields.has("tests")) {
            fields.missing("tests", "an object mapping each test file's workspace path to its content");
            return FileSet.empty();
        }
        JsonNode value = fields.get("tests").orElseThrow();
        if (value.isObject() && value.isEmpty()) {
            fields.error("tests", "expected at least one test file, found an empty object");
            return FileSet.empty();
        }
        return fileMap(fields.pointerOf("tests"), value, "an object mapping each test file's workspace path to its content")
                .orElse(FileSet.empty());
    }

    private List<FileSet> attempts(ObjectFields fields, FileSet tests) {
        JsonNode value = fields.get("attempts").orElse(null);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            fields.error("attempts", "expected an array of attempts like {\"files\": {...}}, found " + ObjectFields.describe(value));
            return List.of();
        }
        List<FileSet> attempts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String pointer = LocatedJson.child(fields.pointerOf("attempts"), i);
            Optional<ObjectFields> attempt = ObjectFields.of(json, problems, pointer, value.get(i),
                    "an attempt object like {\"files\": {...}}");
            if (attempt.isEmpty()) {
                continue;
            }
            attempt.get().rejectUnknown(Set.of("files"));
            if (!attempt.get().has("files")) {
                attempt.get().missing("files", "an object mapping workspace paths to file contents");
                continue;
            }
            Optional<FileSet> files = fileMap(attempt.get().pointerOf("files"), attempt.get().get("files").orElseThrow(),
                    "an object mapping workspace paths to file contents");
            files.ifPresent(attempts::add);
            for (String path : files.map(FileSet::paths).orElse(Set.of())) {
                if (tests.contains(path)) {
                    problems.add(json.nameAt(LocatedJson.child(attempt.get().pointerOf("files"), path)),
                            "attempt " + (i + 1) + " writes \"" + path + "\", one of the feature's own test files;"
                                    + " attempts may not change the tests");
                }
            }
        }
        return attempts;
    }

    /** An object of workspace path -> file value; empty (with errors) when it is not an object. */
    private Optional<FileSet> fileMap(String pointer, JsonNode value, String expected) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, pointer, value, expected);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String path = entry.getKey();
            Optional<String> problem = WorkspacePath.problem(path);
            if (problem.isPresent()) {
                object.get().errorAtName(path, "invalid workspace path \"" + path + "\": " + problem.get());
                continue;
            }
            byte[] bytes = files.read(object.get(), path, entry.getValue());
            if (bytes != null) {
                contents.put(path, bytes);
            }
        }
        return Optional.of(FileSet.of(contents));
    }
}
