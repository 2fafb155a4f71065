package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The manifest's {@code sharedDirs} and the checks on workspace paths that need every feature: the
 * dependency folders of the base are shared read-only by every workspace (see the workspace layer),
 * so no test or attempt may put a file in one; and an attempt may not write any feature's test file,
 * since the tests are what judges it.
 */
public final class SharedFolders {
    /** Folder names shared wherever they are in the base: their name says what they are. */
    public static final Set<String> ANYWHERE = Set.of("node_modules");
    /** Folder names shared at the top of the base only ({@code vendor} deeper down may be source code). */
    public static final Set<String> AT_TOP = Set.of("node_modules", ".venv", "venv", "vendor");

    private SharedFolders() {
    }

    /** Whether the base folder at {@code relative} ({@code /}-separated) is shared, by default or by {@code named}. */
    public static boolean isShared(String relative, Set<String> named) {
        if (named.contains(relative)) {
            return true;
        }
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return relative.contains("/") ? ANYWHERE.contains(name) : AT_TOP.contains(name);
    }

    /** The shared folder of {@code baseDir} that {@code path} lies in, if any. */
    static Optional<String> containing(String path, Path baseDir, Set<String> named) {
        if (baseDir == null) {
            return Optional.empty();
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (isShared(folder, named) && Files.isDirectory(baseDir.resolve(folder), LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** Reads {@code sharedDirs}: each a folder of the base, not a link, listed once. */
    static List<String> read(ObjectFields fields, Path baseDir) {
        List<String> paths = fields.strings("sharedDirs", false, false);
        JsonNode array = fields.get("sharedDirs").orElse(null);
        if (array == null || !array.isArray()) {
            return List.of();
        }
        if (!array.isEmpty() && baseDir == null && !fields.has("base")) {
            fields.error("sharedDirs", "sharedDirs names folders of the base, but the manifest has no \"base\"");
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isTextual() || item.textValue().isEmpty()) {
                continue; // reported by strings()
            }
            String path = item.textValue();
            SourceLocation at = fields.json().at(LocatedJson.child(fields.pointerOf("sharedDirs"), i));
            Optional<String> problem = WorkspacePath.problem(path);
            if (problem.isPresent()) {
                fields.problems().add(at, "invalid workspace path \"" + path + "\": " + problem.get());
            } else if (!result.add(path)) {
                fields.problems().add(at, "\"" + path + "\" is listed twice in sharedDirs");
            } else if (baseDir != null && Files.isSymbolicLink(baseDir.resolve(path))) {
                fields.problems().add(at, "shared folder \"" + path + "\" is a symbolic link in the base; links are kept"
                        + " as links, name the folder itself");
            } else if (baseDir != null && !Files.isDirectory(baseDir.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
                fields.problems().add(at, "shared folder \"" + path + "\" is not a folder of the base");
            }
        }
        return paths.isEmpty() ? List.of() : List.copyOf(result);
    }

    /**
     * Every test and attempt path against the shared folders, and every attempt path against every
     * feature's tests (its own are reported by {@link FeatureReader}).
     *
     * @param features each feature's JSON pointer ({@code /features/3}) and its id
     */
    static void checkFeaturePaths(LocatedJson json, Problems problems, Map<String, String> features, Path baseDir,
                                  Set<String> named) {
        Map<String, String> testOwner = new HashMap<>();
        for (Map.Entry<String, String> feature : features.entrySet()) {
            for (String path : names(json.root().at(feature.getKey() + "/tests"))) {
                testOwner.putIfAbsent(path, feature.getValue());
                containing(path, baseDir, named).ifPresent(folder -> problems.add(
                        json.nameAt(LocatedJson.child(feature.getKey() + "/tests", path)), inShared("test file \"" + path + "\"", folder)));
            }
        }
        for (Map.Entry<String, String> feature : features.entrySet()) {
            JsonNode attempts = json.root().at(feature.getKey() + "/attempts");
            for (int i = 0; attempts.isArray() && i < attempts.size(); i++) {
                String files = LocatedJson.child(LocatedJson.child(feature.getKey() + "/attempts", i), "files");
                for (String path : names(json.root().at(files))) {
                    SourceLocation at = json.nameAt(LocatedJson.child(files, path));
                    String owner = testOwner.get(path);
                    if (owner != null && !owner.equals(feature.getValue())) {
                        problems.add(at, "attempt " + (i + 1) + " writes \"" + path + "\", a test file of feature \""
                                + owner + "\"; attempts may not change any feature's tests");
                    }
                    String what = "attempt " + (i + 1) + " writes \"" + path + "\", which";
                    containing(path, baseDir, named).ifPresent(folder -> problems.add(at, inShared(what, folder)));
                }
            }
        }
    }

    private static String inShared(String what, String folder) {
        return what + " lies in \"" + folder + "\", a dependency folder of the base that every"
                + " workspace shares read-only; put it elsewhere";
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        if (object != null && object.isObject()) {
            object.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
