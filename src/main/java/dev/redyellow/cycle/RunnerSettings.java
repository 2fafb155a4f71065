package dev.redyellow.cycle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The test runner's part of a project file that is not the runner's alone: pytest's table of a
 * {@code pyproject.toml}, its section of a {@code tox.ini} or {@code setup.cfg}, jest's key of a
 * {@code package.json} and its scripts where the test command runs through a package manager. A feature may
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
    /** The commands of npm, pnpm, yarn and bun that run something else than the project's scripts. */
    private static final Set<String> NOT_SCRIPTS = Set.of("exec", "dlx", "x", "install", "add", "node");
    /** Options and commands by which a package manager runs the scripts of a workspace's packages too. */
    private static final Set<String> WORKSPACES = Set.of("-w", "--workspace", "--workspaces", "-ws", "--filter", "-F",
            "-r", "--recursive", "--include-workspace-root", "workspace", "workspaces", "-C", "--dir", "--cwd", "--prefix");

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
            case "package.json" -> mayHold(path) ? packageJson(before, after, ScriptUse.of(testCommand)) : Optional.empty();
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
            return TOML.readTree(asPythonReadsIt(new String(bytes, StandardCharsets.UTF_8))).path("tool").path("pytest");
        } catch (JacksonException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }

    /** Python's str.splitlines: these end a line, as they do for iniconfig, which pytest reads ini files with. */
    private static final java.util.regex.Pattern PYTHON_LINES =
            java.util.regex.Pattern.compile("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]");

    private static final java.util.regex.Pattern LOWER_CASE_DATE_TIME =
            java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})t(\\d{2}:\\d{2})");
    private static final java.util.regex.Pattern LOWER_CASE_ZULU =
            java.util.regex.Pattern.compile("(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)z");

    /**
     * TOML as Python's tomllib reads it, where Jackson reads it otherwise (found by the review): a line end inside a
     * multi-line string is "\n" whichever the file has (Jackson kept "\r\n", so a file saved with other line ends
     * changed pytest's table), and a date-time's "t" and "z" may be lower case (Jackson refused the file).
     */
    static String asPythonReadsIt(String toml) {
        String lines = toml.replace("\r\n", "\n");
        String times = LOWER_CASE_DATE_TIME.matcher(lines).replaceAll("$1T$2");
        return LOWER_CASE_ZULU.matcher(times).replaceAll("$1Z");
    }

    /**
     * The entries of the named section of an ini file (of every section of that name, in order: pytest then fails
     * on the second), read as pytest's iniconfig reads them: a line is a header only where it starts with "[" and,
     * its comments cut, ends with "]"; a value line is "name = value" or "name: value"; an indented line continues
     * the value before; comment and blank lines are nothing. Python's line ends and white space, not Java's.
     *
     * @throws IOException where iniconfig would fail on the file (a line it cannot read)
     */
    static List<String> iniSection(byte[] bytes, String section) throws IOException {
        List<String> entries = new ArrayList<>();
        boolean inside = false;
        boolean valueBefore = false;
        String[] lines = PYTHON_LINES.split(new String(bytes, StandardCharsets.UTF_8), -1);
        for (int number = 0; number < lines.length; number++) {
            String raw = lines[number];
            String line = pythonStrip(raw, false, true);
            String first = pythonStrip(raw, true, false);
            if (first.isEmpty() || first.charAt(0) == '#' || first.charAt(0) == ';') {
                continue; // a comment or blank line
            }
            if (line.charAt(0) == '[') {
                String cut = line;
                for (char comment : new char[] {'#', ';'}) {
                    int at = cut.indexOf(comment);
                    cut = pythonStrip(at < 0 ? cut : cut.substring(0, at), false, true);
                }
                if (cut.endsWith("]")) {
                    inside = cut.substring(1, cut.length() - 1).equals(section);
                    valueBefore = false;
                    if (inside) {
                        entries.add("[" + section + "]");
                    }
                    continue;
                }
                // not a header: iniconfig continues the value before with it
                if (!valueBefore) {
                    throw new IOException("line " + (number + 1) + " continues no value");
                }
                if (inside) {
                    entries.add("\t" + pythonStrip(line, true, true));
                }
            } else if (!pythonSpace(line.charAt(0))) {
                int equals = line.indexOf('=');
                int colon = line.indexOf(':');
                int split = equals >= 0 && (colon < 0 || colon > equals) ? equals : colon;
                if (split < 0) {
                    throw new IOException("line " + (number + 1) + " is no value, header or comment");
                }
                valueBefore = true;
                if (inside) {
                    entries.add(pythonStrip(line.substring(0, split), true, true) + "="
                            + pythonStrip(line.substring(split + 1), true, true));
                }
            } else {
                if (!valueBefore) {
                    throw new IOException("line " + (number + 1) + " continues no value");
                }
                if (inside) {
                    entries.add("\t" + pythonStrip(line, true, true)); // a line of the value before
                }
            }
        }
        return entries;
    }

    /** Python's str.isspace for one character. */
    private static boolean pythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static String pythonStrip(String text, boolean leading, boolean trailing) {
        int from = 0;
        int to = text.length();
        while (leading && from < to && pythonSpace(text.charAt(from))) {
            from++;
        }
        while (trailing && to > from && pythonSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    private static Optional<String> packageJson(byte[] before, byte[] after, ScriptUse use) {
        Optional<String> jest = compare(before, after, bytes -> jsonPart(bytes, "jest"), "JSON",
                "jest's configuration, its \"jest\" key");
        if (jest.isPresent() || !use.runs() || before == null && !use.workspaces()) {
            return jest;
        }
        String role = "which the test command runs through " + use.manager();
        JsonNode was;
        JsonNode now;
        try {
            was = before == null ? MissingNode.getInstance() : jsonPart(before, "scripts");
            now = jsonPart(after, "scripts");
        } catch (IOException unreadable) {
            // which scripts run cannot be told: all of them are compared
            return compare(before, after, bytes -> jsonPart(bytes, "scripts"), "JSON", "its scripts, " + role);
        }
        // The scripts the command names ("test" for npm test and its aliases), their pre and post scripts, and every
        // script named in the text of one of those, before or after the attempt (a test script that runs "npm run unit"):
        // a script that no test script reaches (a build script) is the feature's.
        java.util.Set<String> reached = new java.util.TreeSet<>(use.named());
        reached.add("test");
        java.util.Deque<String> open = new java.util.ArrayDeque<>(reached);
        while (!open.isEmpty()) {
            String script = open.pop();
            List<String> next = new ArrayList<>(List.of("pre" + script, "post" + script));
            for (JsonNode scripts : List.of(was, now)) {
                next.addAll(List.of(scripts.path(script).asText("").split("[^A-Za-z0-9_:.@/-]+")));
            }
            for (String name : next) {
                // only scripts there are, before or after (a pre script's own pre script is none)
                if ((was.has(name) || now.has(name)) && reached.add(name)) {
                    open.push(name);
                }
            }
        }
        List<String> changed = reached.stream().filter(name -> !was.path(name).equals(now.path(name))).toList();
        return changed.isEmpty() ? Optional.empty() : Optional.of("its script" + (changed.size() == 1 ? " " : "s ")
                + String.join(", ", changed) + ", " + role);
    }

    private static JsonNode jsonPart(byte[] bytes, String key) throws IOException {
        if (bytes.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node.path(key);
        } catch (JacksonException e) {
            throw new IOException(e.getOriginalMessage(), e);
        }
    }

    /**
     * Whether a test command runs a {@code package.json}'s scripts, and which it names: through npm, pnpm, yarn or bun
     * (also behind {@code env}, {@code corepack} or a shell's {@code -c} text), unless it runs something else with
     * them ({@code npm exec jest}, {@code pnpm dlx}; {@code bun test} is bun's own runner); every word of the command
     * after the manager that is no option may name a script (an option's value taken for one only protects more).
     * Whether it may run those of a workspace's packages: a workspace option ({@code npm -w calc test},
     * {@code pnpm --filter calc test}, {@code yarn workspace calc test}, {@code npm --prefix app test}), or a tool that
     * runs the packages' scripts ({@code turbo}, {@code lerna}, {@code nx}).
     */
    record ScriptUse(String manager, boolean runs, boolean workspaces, java.util.Set<String> named) {
        private static final Set<String> MONOREPO_TOOLS = Set.of("turbo", "lerna", "nx");

        static ScriptUse of(List<String> command) {
            List<String> words = command.stream().flatMap(a -> java.util.Arrays.stream(a.strip().split("\\s+")))
                    .filter(w -> !w.isEmpty()).toList();
            for (int i = 0; i < words.size(); i++) {
                String program = program(words.get(i));
                boolean monorepo = MONOREPO_TOOLS.contains(program);
                if (!PACKAGE_MANAGERS.contains(program) && !monorepo) {
                    continue;
                }
                List<String> rest = words.subList(i + 1, words.size());
                List<String> named = rest.stream().filter(w -> !w.startsWith("-")).toList();
                String verb = named.isEmpty() ? "" : named.get(0);
                boolean runs = monorepo || !NOT_SCRIPTS.contains(verb) && !(program.equals("bun") && verb.equals("test"));
                boolean workspaces = monorepo || rest.stream().anyMatch(a -> WORKSPACES.contains(a.contains("=")
                        ? a.substring(0, a.indexOf('=')) : a));
                return new ScriptUse(program, runs, workspaces, java.util.Set.copyOf(named));
            }
            return new ScriptUse("", false, false, java.util.Set.of());
        }

        private static String program(String word) {
            String name = word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)
                    .replaceAll("\\.(?:cmd|exe|ps1)$", "");
            return name.equals("yarnpkg") ? "yarn" : name;
        }
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
