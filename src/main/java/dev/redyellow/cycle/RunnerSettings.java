package dev.redyellow.cycle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The test runner's part of a project file that is not the runner's alone: pytest's table of a
 * {@code pyproject.toml}, its section of a {@code tox.ini} or {@code setup.cfg}, jest's key of a
 * {@code package.json} and the scripts the test command runs through a package manager. A feature may
 * need to change such a file (a dependency in {@code pyproject.toml}, a script in {@code package.json}),
 * so the file is not read-only as {@link RunnerFiles} are; its runner's part is: an attempt that writes
 * {@code addopts = "--deselect tests/test_calc.py::test_div"} into pytest's table, or a
 * {@code testPathIgnorePatterns} into jest's key, would have the runner leave out the tests it has to pass
 * (a deselected test is no failure, and names no place that RedYellow could blame).
 *
 * <p>The part is compared as the runner reads it (parsed: TOML as TOML, an ini file by its section's
 * lines, JSON as JSON), so the rest of the file may change freely. A file that cannot be parsed after the
 * attempt counts as changed when it was parseable before (the runner may read in it what this parser
 * cannot), and a runner that cannot parse it fails the run anyway.
 */
final class RunnerSettings {

    private static final TomlMapper TOML = new TomlMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PACKAGE_MANAGERS = Set.of("npm", "pnpm", "yarn", "bun");
    /** The commands of npm, pnpm, yarn and bun that run the project's test script. */
    private static final Set<String> TEST_ALIASES = Set.of("test", "t", "tst");
    /** The commands of npm, pnpm, yarn and bun that run the script named next. */
    private static final Set<String> RUN_ALIASES = Set.of("run", "run-script", "rum", "urn");
    /** The commands of pnpm, yarn and bun that run a package's binary or something else than a script. */
    private static final Set<String> NOT_SCRIPTS = Set.of("exec", "dlx", "x", "install", "add", "node");

    private RunnerSettings() {
    }

    /** Whether a file at this workspace path may hold a runner's part ({@link #changed}). */
    static boolean mayHold(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("pyproject.toml") || name.equals("tox.ini") || name.equals("setup.cfg")
                || name.equals("package.json") && !path.startsWith("node_modules/") && !path.contains("/node_modules/");
    }

    /**
     * What runner's part of the file at {@code path} the attempt's {@code after} changes, compared with
     * {@code before} (the file the workspace holds without the attempt: a dependency's, or the base's;
     * {@code null} where there is none); empty when it changes none.
     *
     * @param testCommand the manifest's test command (which scripts of a {@code package.json} it runs);
     *                    empty for a built-in kind
     */
    static Optional<String> changed(String path, byte[] before, byte[] after, List<String> testCommand) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return switch (name) {
            case "pyproject.toml" -> compare(before, after, RunnerSettings::pytestTable, "TOML",
                    "pytest's configuration, its [tool.pytest] table");
            case "tox.ini" -> compare(before, after, bytes -> iniSection(bytes, "pytest"), "an ini file",
                    "pytest's configuration, its [pytest] section");
            case "setup.cfg" -> compare(before, after, bytes -> iniSection(bytes, "tool:pytest"), "an ini file",
                    "pytest's configuration, its [tool:pytest] section");
            case "package.json" -> mayHold(path) ? packageJson(before, after, testScripts(testCommand)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Reads the runner's part of a file; throws when the file cannot be read as it should be. */
    @FunctionalInterface
    private interface Part {
        Object of(byte[] bytes) throws IOException;
    }

    private static Optional<String> compare(byte[] before, byte[] after, Part part, String format, String role) {
        Object was;
        try {
            was = before == null ? part.of(new byte[0]) : part.of(before);
        } catch (IOException unreadableBefore) {
            was = null; // then any readable part after it is a change, unless the bytes are the same
        }
        try {
            Object now = part.of(after);
            return now.equals(was) ? Optional.empty() : Optional.of(role);
        } catch (IOException e) {
            if (was == null && before != null && java.util.Arrays.equals(before, after)) {
                return Optional.empty();
            }
            return Optional.of(role + ", which cannot be told: the file cannot be read as " + format + " ("
                    + oneLine(e.getMessage()) + ")");
        }
    }

    /** The {@code tool.pytest} table of a pyproject.toml (pytest 9's own and its {@code ini_options}); missing when none. */
    private static JsonNode pytestTable(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return TOML.readTree(bytes).path("tool").path("pytest");
        } catch (JacksonException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The lines of the named section of an ini file (every section of that name, in order), as pytest's
     * iniconfig reads them: comment and blank lines left out, each line stripped of the spaces around it.
     */
    static List<String> iniSection(byte[] bytes, String section) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.startsWith("[") && !Character.isWhitespace(line.charAt(0))) {
                int close = stripped.indexOf(']');
                String header = close < 0 ? stripped.substring(1) : stripped.substring(1, close);
                inside = header.strip().equals(section);
                if (inside) {
                    lines.add("[" + section + "]"); // a second section of the name is told apart from the first's lines
                }
                continue;
            }
            if (inside) {
                // a continuation line (indented) is a line of the value before: told apart by its indent mark
                lines.add(Character.isWhitespace(line.charAt(0)) ? "\t" + stripped : stripped);
            }
        }
        return lines;
    }

    private static Optional<String> packageJson(byte[] before, byte[] after, Set<String> scripts) {
        Optional<String> jest = compare(before, after, bytes -> jsonPart(bytes, "jest", null), "JSON",
                "jest's configuration, its \"jest\" key");
        if (jest.isPresent()) {
            return jest;
        }
        List<String> changedScripts = new ArrayList<>();
        for (String script : scripts) {
            if (compare(before, after, bytes -> jsonPart(bytes, "scripts", script), "JSON", "").isPresent()) {
                changedScripts.add(script);
            }
        }
        return changedScripts.isEmpty() ? Optional.empty() : Optional.of("the script"
                + (changedScripts.size() == 1 ? " " : "s ") + String.join(", ", changedScripts)
                + " that the test command runs");
    }

    private static JsonNode jsonPart(byte[] bytes, String key, String inner) throws IOException {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            JsonNode part = node.path(key);
            return inner == null ? part : part.path(inner);
        } catch (JacksonException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }

    /**
     * The scripts of a {@code package.json} that this test command runs: through npm, pnpm, yarn or bun,
     * {@code test} (and its {@code pre} and {@code post} scripts) or the one named after {@code run}
     * ({@code yarn name} too); none for a command that starts the runner itself ({@code npx vitest}).
     */
    static Set<String> testScripts(List<String> command) {
        Set<String> scripts = new LinkedHashSet<>();
        if (command.size() < 2) {
            return scripts;
        }
        String program = command.get(0).substring(command.get(0).lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!PACKAGE_MANAGERS.contains(program)) {
            return scripts;
        }
        int at = 1;
        while (at < command.size() && command.get(at).startsWith("-")) {
            at++; // npm --silent test, yarn --cwd x test: options of the manager (a value taken as a name costs nothing)
        }
        if (at >= command.size()) {
            return scripts;
        }
        String verb = command.get(at);
        String script;
        if (TEST_ALIASES.contains(verb)) {
            script = "test";
        } else if (RUN_ALIASES.contains(verb)) {
            int named = at + 1;
            while (named < command.size() && command.get(named).startsWith("-")) {
                named++;
            }
            if (named >= command.size()) {
                return scripts;
            }
            script = command.get(named);
        } else if (!program.equals("npm") && !NOT_SCRIPTS.contains(verb)) {
            script = verb; // yarn test:unit, pnpm test:unit, bun vitest: a script of that name, if there is one
        } else {
            return scripts;
        }
        scripts.add(script);
        scripts.add("pre" + script);
        scripts.add("post" + script);
        return scripts;
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
