package dev.redyellow.manifest;

import dev.redyellow.files.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a feature manifest (format version 1) strictly: every error in the file is collected, each
 * with its line, column and JSON pointer, and reported together in one {@link ManifestException}.
 * Either the whole manifest is valid and every referenced file has been read, or nothing is
 * returned. The format is described in {@code docs/manifest-format.md} and by
 * {@code manifest.schema.json} beside this class.
 */
public final class ManifestLoader {
    public static final int FORMAT_VERSION = 1;
    /** The largest manifest, and the largest file a manifest may reference. */
    public static final long MAX_FILE_BYTES = FileValues.MAX_BYTES;

    private static final System.Logger LOG = System.getLogger(ManifestLoader.class.getName());
    private static final Set<String> FIELDS = Set.of("$schema", "version", "name", "base", "test", "implementer",
            "review", "maxAttempts", "workers", "stagnationLimit", "inferDependencies", "sharedDirs", "features",
            "mutation");

    private ManifestLoader() {
    }

    /**
     * Loads and validates {@code file}. Throws only {@link ManifestException}, for every kind of
     * problem: an unreadable file, malformed JSON, and each violation of the format.
     */
    public static Manifest load(Path file) throws ManifestException {
        Path absolute = file.toAbsolutePath().normalize();
        Problems problems = new Problems();
        try {
            Optional<Manifest> manifest = load(absolute, problems);
            if (manifest.isPresent() && problems.isEmpty()) {
                return manifest.get();
            }
        } catch (RuntimeException e) {
            // A bug of ours must not reach the caller as a crash: report it like any other error.
            LOG.log(Level.ERROR, "unexpected failure while loading manifest " + absolute, e);
            problems.add(new SourceLocation(absolute, 1, 1, ""), "internal error while loading the manifest: " + e);
        }
        throw problems.toException();
    }

    private static Optional<Manifest> load(Path file, Problems problems) {
        SourceLocation start = new SourceLocation(file, 1, 1, "");
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                problems.add(start, "this is a folder; expected a manifest file (JSON)");
                return Optional.empty();
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // Reading a FIFO would block until something writes to it.
                problems.add(start, "this is not a regular file (a FIFO, socket or device); expected a manifest file (JSON)");
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(start, "the manifest is " + FileValues.megabytes(size) + "; manifests may be at most 10 MB");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(start, "manifest file not found");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.add(start, "cannot read the manifest: permission denied");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(start, "cannot read the manifest: " + e.getMessage());
            return Optional.empty();
        }
        Optional<String> text = decode(file, bytes, problems);
        Optional<LocatedJson> json = text.flatMap(t -> LocatedJsonParser.parse(file, t, problems));
        return json.flatMap(tree -> read(tree, problems, sha256(bytes)));
    }

    private static Optional<Manifest> read(LocatedJson json, Problems problems, String contentHash) {
        Optional<ObjectFields> object = ObjectFields.of(json, problems, "", json.root(), "a JSON object (the manifest)");
        if (object.isEmpty()) {
            return Optional.empty();
        }
        ObjectFields fields = object.get();
        fields.rejectUnknown(FIELDS);
        fields.optionalString("$schema", null, false);
        int version = version(fields);
        String name = fields.requiredString("name");
        Path directory = json.file().getParent();
        FileValues files = new FileValues(directory);
        files.readAhead(featureFileValues(json.root()), Math.min(3, Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
        Path baseDir = base(fields, files, directory);
        List<String> sharedDirs = SharedFolders.read(fields, baseDir);
        SettingsReader settings = new SettingsReader(json, problems);
        TestSettings test = fields.get("test").map(v -> settings.test("/test", v)).orElse(SettingsReader.DEFAULT_TEST);
        ImplementerSettings implementer = fields.get("implementer").map(v -> settings.implementer("/implementer", v))
                .orElse(SettingsReader.DEFAULT_IMPLEMENTER);
        ReviewSettings review = fields.get("review").map(v -> settings.review("/review", v))
                .orElse(SettingsReader.DEFAULT_REVIEW);
        int maxAttempts = fields.integer("maxAttempts", 4, 1, 50);
        int workers = fields.integer("workers", 2, Manifest.MIN_WORKERS, Manifest.MAX_WORKERS);
        int stagnationLimit = fields.integer("stagnationLimit", 2, 2, 50);
        boolean inferDependencies = fields.bool("inferDependencies", true);
        MutationSettings mutation = fields.get("mutation").map(v -> settings.mutation("/mutation", v))
                .orElse(MutationSettings.OFF);
        FeatureReader reader = new FeatureReader(json, problems, files, test, implementer, review);
        Map<String, String> pointers = new LinkedHashMap<>();
        List<FeatureDraft> drafts = features(fields, reader, pointers);
        ExplicitDependencies.check(drafts, problems);
        SharedFolders.checkFeaturePaths(json, problems, pointers, baseDir, Set.copyOf(sharedDirs));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Manifest(json.file(), version, name, baseDir, maxAttempts, workers, stagnationLimit,
                inferDependencies, drafts.stream().map(FeatureDraft::feature).toList(), contentHash, sharedDirs,
                mutation));
    }

    private static int version(ObjectFields fields) {
        Optional<JsonNode> value = fields.get("version");
        if (value.isEmpty()) {
            fields.missing("version", "must be " + FORMAT_VERSION);
        } else if (!value.get().isIntegralNumber()) {
            fields.error("version", "expected the integer " + FORMAT_VERSION + ", found " + ObjectFields.describe(value.get()));
        } else if (!value.get().canConvertToInt() || value.get().intValue() != FORMAT_VERSION) {
            fields.error("version", "unsupported version " + value.get().asText() + "; this RedYellow reads version "
                    + FORMAT_VERSION);
        }
        return FORMAT_VERSION;
    }

    /** The file values of every feature's tests and attempts, in manifest order; whatever is malformed is left to the reader. */
    private static List<JsonNode> featureFileValues(JsonNode root) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode features = root.path("features");
        for (JsonNode feature : features.isArray() ? features : List.<JsonNode>of()) {
            feature.path("tests").forEach(values::add);
            JsonNode attempts = feature.path("attempts");
            for (JsonNode attempt : attempts.isArray() ? attempts : List.<JsonNode>of()) {
                attempt.path("files").forEach(values::add);
            }
        }
        return values;
    }

    private static Path base(ObjectFields fields, FileValues files, Path directory) {
        String base = fields.optionalString("base", null, false);
        if (base == null) {
            return null;
        }
        Optional<String> problem = FileValues.escapeProblem(base);
        if (problem.isPresent()) {
            fields.error("base", "base folder \"" + base + "\" " + problem.get());
            return null;
        }
        Path resolved = directory.resolve(base).normalize();
        if (resolved.equals(directory)) {
            // The manifest's folder holds the tests and attempts; copying it would leak them into RED.
            fields.error("base", "base folder \"" + base + "\" is the manifest's own folder; name a folder inside it");
            return null;
        }
        Optional<Path> found = files.resolveInside(fields, "base", base, "base folder");
        if (found.isPresent() && !Files.isDirectory(found.get())) {
            fields.error("base", "base \"" + base + "\" is a file; expected a folder");
            return null;
        }
        return found.orElse(null);
    }

    /** The features read; {@code pointers} gets each one's JSON pointer and id, for the checks across features. */
    private static List<FeatureDraft> features(ObjectFields fields, FeatureReader reader, Map<String, String> pointers) {
        Optional<JsonNode> value = fields.get("features");
        if (value.isEmpty()) {
            fields.missing("features", "a non-empty array of features");
            return List.of();
        }
        if (!value.get().isArray() || value.get().isEmpty()) {
            String found = value.get().isArray() ? "an empty array" : ObjectFields.describe(value.get());
            fields.error("features", "expected at least one feature (a non-empty array), found " + found);
            return List.of();
        }
        List<FeatureDraft> drafts = new ArrayList<>();
        for (int i = 0; i < value.get().size(); i++) {
            String pointer = LocatedJson.child("/features", i);
            reader.read(pointer, value.get().get(i)).ifPresent(draft -> {
                drafts.add(draft);
                pointers.put(pointer, draft.id());
            });
        }
        return drafts;
    }

    /** The text as UTF-8 (without a byte order mark), or empty with an error at the first bad byte. */
    private static Optional<String> decode(Path file, byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            problems.add(new SourceLocation(file, line, column, ""), "the file is not valid UTF-8 text");
            return Optional.empty();
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
