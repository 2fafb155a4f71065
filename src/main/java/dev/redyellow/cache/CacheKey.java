package dev.redyellow.cache;

import dev.redyellow.files.FileTree;
import dev.redyellow.files.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The identity of one test run: a SHA-256 over every input that can change its verdict, each a named
 * {@link CacheInput} so a miss can say which changed: the test kind and its settings (argv as a list,
 * env as a sorted map, timeout, reports, the junit fork mode and worker limits, whether the
 * dependencies' tests rerun), the tool that runs the tests ({@link ToolStamps}), the selected tests,
 * and the (path, content hash) of every regular file of the workspace. Values are encoded as
 * canonical JSON, so {@code ["a, b"]} and {@code ["a", "b"]} differ; paths are relative and
 * {@code /}-separated, so the same content in another folder gives the same key.
 *
 * <p>The files enter the key as one {@link FileTree} digest (a Merkle tree by folder, as git's), the
 * other inputs one by one in order: a workspace planned on the run's base then costs the hashing of
 * the folders its own files are in, not of every base path (issue 19). The list of inputs is made
 * only when asked for (a stored entry, a miss to explain): a hit never needs it.
 */
public final class CacheKey {
    /** Folders never part of a key: RedYellow's own scratch space and Python's byte code. */
    static final Set<String> IGNORED_FOLDERS = dev.redyellow.exec.WorkspaceContent.UNKEYED_FOLDERS;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final String MODE_PREFIX = "mode:";

    private final String sha256;
    private final Supplier<List<CacheInput>> inputSource;
    private volatile List<CacheInput> inputs;

    /** A key with its inputs as they were stored with it. */
    public CacheKey(String sha256, List<CacheInput> inputs) {
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.inputs = List.copyOf(inputs);
        this.inputSource = null;
    }

    private CacheKey(String sha256, Supplier<List<CacheInput>> inputSource) {
        this.sha256 = sha256;
        this.inputSource = inputSource;
    }

    public String sha256() {
        return sha256;
    }

    /** Every input, in the key's order: the settings and tests first, then the files by path. */
    public List<CacheInput> inputs() {
        List<CacheInput> known = inputs;
        if (known == null) {
            known = List.copyOf(inputSource.get());
            inputs = known;
        }
        return known;
    }

    /**
     * @param settings the settings the run really uses (a fork mode forced for the whole run
     *                 included: see {@link dev.redyellow.testing.TestRunner#effectiveSettings})
     */
    public static CacheKey of(TestSettings settings, List<String> selectedTests, Path workspace, FileHashes hashes) {
        return of(settings, selectedTests, "", workspace, hashes);
    }

    /**
     * As {@link #of(TestSettings, List, Path, FileHashes)}, for a run of this feature: a command that
     * names it ({@code {feature}}) runs differently for each feature, so its id is an input then.
     */
    public static CacheKey of(TestSettings settings, List<String> selectedTests, String featureId, Path workspace,
                              FileHashes hashes) {
        List<CacheInput> head = headInputs(settings, selectedTests, featureId, workspace);
        SortedMap<String, FileTree.Leaf> files = new TreeMap<>();
        regularFiles(workspace).forEach((path, file) -> files.put(path, new FileTree.Leaf(hashes.hash(file),
                isExecutableFile(file))));
        return new CacheKey(sha(head, FileTree.of(files).digest()), () -> withFiles(head, files));
    }

    /**
     * The key {@link #of(TestSettings, List, String, Path, FileHashes)} gives for a workspace holding
     * exactly {@code content}, without the folder: nothing is read from disk. Only for settings that
     * do not {@linkplain #needsFolder need the folder}.
     */
    public static CacheKey of(TestSettings settings, List<String> selectedTests, String featureId,
                              dev.redyellow.exec.WorkspaceContent content) {
        if (needsFolder(settings)) {
            throw new IllegalArgumentException("the tool of " + settings.describe() + " is found in the workspace folder");
        }
        return of(settings, selectedTests, featureId, null, content);
    }

    /**
     * As {@link #of(TestSettings, List, String, dev.redyellow.exec.WorkspaceContent)} for settings whose
     * tool is found in the workspace folder ({@link #needsFolder}): the tool is stamped there, the files
     * come from {@code content}, which must be exactly what the folder holds (a made plan's content).
     */
    public static CacheKey of(TestSettings settings, List<String> selectedTests, String featureId, Path workspace,
                              dev.redyellow.exec.WorkspaceContent content) {
        List<CacheInput> head = headInputs(settings, selectedTests, featureId, workspace);
        return new CacheKey(sha(head, content.keyDigest()), () -> {
            SortedMap<String, FileTree.Leaf> files = new TreeMap<>();
            content.entries().forEach((path, entry) -> {
                if (dev.redyellow.exec.WorkspaceContent.keyed(path)) {
                    files.put(path, new FileTree.Leaf(entry.hash(), entry.executable()));
                }
            });
            return withFiles(head, files);
        });
    }

    /** The head inputs, then each file (and its mode, when executable) by path. */
    private static List<CacheInput> withFiles(List<CacheInput> head, SortedMap<String, FileTree.Leaf> files) {
        List<CacheInput> all = new ArrayList<>(head.size() + files.size());
        all.addAll(head);
        files.forEach((path, leaf) -> {
            all.add(CacheInput.file(path, leaf.hash()));
            if (leaf.executable()) {
                all.add(EXECUTABLE.apply(path));
            }
        });
        return all;
    }

    /**
     * Whether the key needs the workspace folder itself: a command whose program is a relative path
     * ({@code ./run.sh}, {@code node_modules/.bin/jest}) is stamped by what that path leads to there.
     */
    public static boolean needsFolder(TestSettings settings) {
        if (settings instanceof TestSettings.Command command) {
            String program = command.command().get(0);
            return (program.contains("/") || program.contains(java.io.File.separator)) && !Path.of(program).isAbsolute();
        }
        return false;
    }

    /**
     * An owner-executable file gets an input of its own ({@code mode:<path>}): a script a command
     * runs behaves differently without its executable bit, and a file's hash is its content's only.
     */
    private static final java.util.function.Function<String, CacheInput> EXECUTABLE =
            path -> new CacheInput(MODE_PREFIX + path, Sha256.hex("executable"));

    private static List<CacheInput> headInputs(TestSettings settings, List<String> selectedTests, String featureId,
                                               Path workspace) {
        List<CacheInput> inputs = new ArrayList<>(settingsInputs(settings, workspace));
        if (settings instanceof TestSettings.Command command && command.command().stream().anyMatch(a -> a.contains("{feature}"))) {
            inputs.add(value("feature", featureId));
        }
        inputs.add(value("tests", selectedTests.stream().sorted().toList()));
        return inputs;
    }

    private static boolean isExecutableFile(Path file) {
        try {
            return !Files.isSymbolicLink(file)
                    && Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS) != null
                    && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mode of " + file, e);
        }
    }

    /**
     * The junit settings' inputs, by settings: they depend on the settings, this JVM's runtime and the machine's
     * zone alone, and every key of a run encoded and hashed them again (a cached re-run keys hundreds of
     * runs); forgotten at each run's start ({@link #forgetProbes}). A command's are read each time: its tool is
     * stamped where the workspace finds it.
     */
    private static final ConcurrentMap<TestSettings.JUnit, List<CacheInput>> JUNIT_INPUTS = new ConcurrentHashMap<>();
    private static final int JUNIT_INPUTS_KEPT = 64;

    /**
     * Reads the machine again where keys read it once: the programs on PATH, the time zone, and with them every
     * junit settings' inputs. A run calls it at its start, so a JVM that runs many (the app, a daemon) sees a tool
     * upgraded or a zone changed between two runs as a new JVM would.
     */
    public static void forgetProbes() {
        ToolStamps.forget();
        InheritedEnvironment.forget();
        JUNIT_INPUTS.clear();
    }

    /** The inputs that come from the test settings and the tool, in a fixed order. */
    static List<CacheInput> settingsInputs(TestSettings settings, Path workspace) {
        List<CacheInput> inputs = new ArrayList<>();
        // Java 17 has no pattern switch; TestSettings is sealed, so these two cases are all there are.
        if (settings instanceof TestSettings.JUnit junit) {
            List<CacheInput> known = JUNIT_INPUTS.get(junit);
            if (known != null) {
                return known;
            }
            inputs.add(value("kind", "junit"));
            inputs.add(value("timeout", junit.timeoutSeconds()));
            inputs.add(value("fork", junit.fork().manifestName()));
            inputs.add(value("workerHeapMb", junit.workerHeapMb()));
            inputs.add(value("runsPerWorker", junit.runsPerWorker()));
            inputs.add(value("tool", ToolStamps.javaRuntime()));
            inputs.add(value("runner", RunnerStamp.get()));
            inputs.addAll(InheritedEnvironment.of(junit));
            if (JUNIT_INPUTS.size() < JUNIT_INPUTS_KEPT) {
                JUNIT_INPUTS.putIfAbsent(junit, List.copyOf(inputs));
            }
        } else if (settings instanceof TestSettings.Command command) {
            inputs.add(value("kind", "command"));
            inputs.add(value("argv", command.command()));
            inputs.add(value("env", new TreeMap<>(command.env())));
            inputs.add(value("timeout", command.timeoutSeconds()));
            inputs.add(value("reports", command.reports()));
            inputs.add(value("rerunDependencyTests", command.rerunDependencyTests()));
            if (command.fork() == TestSettings.Fork.WARM && dev.redyellow.testing.WarmScriptRunner.canRunWarm(command.command())) {
                // Keyed only when it runs warm, so the keys of process-per-run results stay what they were.
                inputs.add(value("fork", command.fork().manifestName()));
            }
            String path = command.env().getOrDefault("PATH", System.getenv("PATH"));
            inputs.add(value("tool", ToolStamps.program(command.command().get(0), path, workspace)));
            inputs.add(value("runner", RunnerStamp.get()));
            inputs.addAll(InheritedEnvironment.of(command));
        } else {
            throw new IllegalArgumentException("unknown test kind: " + settings.describe());
        }
        return inputs;
    }

    /**
     * What of this process's environment the keys of runs with {@code settings} hold, by input name, sorted:
     * the inherited variables and the machine's zone and locale ({@link InheritedEnvironment}), RedYellow's
     * runners ({@link RunnerStamp}) and, for the junit kind, the Java runtime's version and vendor
     * ({@code runtime}; the key's {@code tool} also stamps where the runtime lies, which differs between
     * machines with the same JDK). A cluster member whose own differs would give results that are not the
     * ones their keys say.
     */
    public static SortedMap<String, String> environmentOf(TestSettings settings) {
        SortedMap<String, String> environment = new TreeMap<>();
        InheritedEnvironment.of(settings).forEach(input -> environment.put(input.name(), input.hash()));
        CacheInput runner = value("runner", RunnerStamp.get());
        environment.put(runner.name(), runner.hash());
        if (settings instanceof TestSettings.JUnit) {
            CacheInput runtime = value("runtime", "java " + System.getProperty("java.runtime.version") + " ("
                    + System.getProperty("java.vendor") + ")");
            environment.put(runtime.name(), runtime.hash());
        }
        return environment;
    }

    /** An input whose hash is that of the value's canonical JSON. */
    static CacheInput value(String name, Object value) {
        try {
            return new CacheInput(name, Sha256.hex(JSON.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the cache input " + name, e);
        }
    }

    /**
     * The key of exactly these inputs: the files ({@code file:} and {@code mode:} inputs) as one tree,
     * the others in this order, as every other factory here keys them.
     */
    public static CacheKey of(List<CacheInput> inputs) {
        List<CacheInput> head = new ArrayList<>();
        Map<String, String> fileHashes = new TreeMap<>();
        Set<String> executable = new HashSet<>();
        for (CacheInput input : inputs) {
            if (input.isFile()) {
                fileHashes.put(input.name().substring(CacheInput.FILE_PREFIX.length()), input.hash());
            } else if (input.name().startsWith(MODE_PREFIX)) {
                executable.add(input.name().substring(MODE_PREFIX.length()));
            } else {
                head.add(input);
            }
        }
        Map<String, FileTree.Leaf> files = new TreeMap<>();
        fileHashes.forEach((path, hash) -> files.put(path, new FileTree.Leaf(hash, executable.contains(path))));
        return new CacheKey(sha(head, FileTree.of(files).digest()), inputs);
    }

    /** The key's hash: each head input's name and hash in order, then the files' tree digest. */
    private static String sha(List<CacheInput> head, String filesDigest) {
        MessageDigest digest = Sha256.digest();
        for (CacheInput input : head) {
            // Length-prefixed, so no name or hash can run into the next, whatever characters it holds.
            field(digest, input.name());
            field(digest, input.hash());
        }
        field(digest, "files");
        field(digest, filesDigest);
        return Sha256.hex(digest);
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    /** The workspace paths of the files among the inputs. */
    public List<String> files() {
        return inputs().stream().filter(CacheInput::isFile)
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
        } else if (Files.isSymbolicLink(path) || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            // a link counts by its target text (FileHashes), never by what it leads to: a shared
            // dependency folder's link names its content fingerprint, so the key follows it
            files.put(relative(workspace, path), path);
        }
    }

    private static String relative(Path workspace, Path file) {
        return workspace.relativize(file).toString().replace('\\', '/');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey other && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "CacheKey[" + sha256 + "]";
    }
}
