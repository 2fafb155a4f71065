package dev.redyellow.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python: {@code import x.y [as z]} and {@code from x.y import z}, absolute (module {@code x.y} is
 * {@code x/y.py} or {@code x/y/__init__.py} at the workspace root or below any folder, such as
 * {@code src/}) or relative to the test's folder ({@code from .x import y}). Standard-library
 * modules need no special case: only files that features write can match.
 */
final class PythonReferences implements SourceReferences {

    private static final Pattern FROM_IMPORT = Pattern.compile(
            "^[ \\t]*from[ \\t]+(\\.*)([\\w.]*)[ \\t]+import[ \\t]+(\\([^)]*\\)|[^\\n;]*)", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^[ \\t]*import[ \\t]+([^\\n;]*)", Pattern.MULTILINE);
    private static final Pattern AS_ALIAS = Pattern.compile("\\s+as\\s+\\w+");

    private final WrittenFiles written;

    PythonReferences(WrittenFiles written) {
        this.written = written;
    }

    @Override
    public boolean reads(String path) {
        return path.endsWith(".py");
    }

    @Override
    public List<FileReference> find(String path, String text) {
        String code = withoutCommentsAndStrings(text).replace("\\\n", "  ");
        Map<String, String> found = new LinkedHashMap<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            for (String module : names(imports.group(1))) {
                resolve("", module, path).forEach(target -> found.putIfAbsent(target, "imports " + module));
            }
        }
        Matcher froms = FROM_IMPORT.matcher(code);
        while (froms.find()) {
            String dots = froms.group(1);
            String module = froms.group(2);
            for (String name : names(froms.group(3).replace("(", " ").replace(")", " "))) {
                String description = "imports " + name + " from " + dots + module;
                // `from x import y` names either submodule x/y.py or a name defined in x; prefer the file.
                List<String> targets = name.equals("*") ? List.of()
                        : resolve(dots, module.isEmpty() ? name : module + "." + name, path);
                if (targets.isEmpty() && !module.isEmpty()) {
                    targets = resolve(dots, module, path);
                }
                targets.forEach(target -> found.putIfAbsent(target, description));
            }
        }
        List<FileReference> references = new ArrayList<>();
        found.forEach((target, description) -> {
            if (!target.equals(path)) {
                references.add(new FileReference(target, description));
            }
        });
        return references;
    }

    /** The names of an import list, aliases dropped: {@code "a.b as c, d"} gives {@code [a.b, d]}. */
    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String part : AS_ALIAS.matcher(list).replaceAll("").split(",")) {
            String name = part.strip();
            if (name.matches("[\\w.]+|\\*")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The written files module {@code dots + module} can be, as seen from the file at {@code from}. */
    private List<String> resolve(String dots, String module, String from) {
        String relative = module.replace('.', '/');
        List<String> candidates = List.of(relative + ".py", relative + "/__init__.py");
        if (dots.isEmpty()) {
            return written.paths().stream()
                    .filter(p -> candidates.stream().anyMatch(c -> p.equals(c) || p.endsWith("/" + c)))
                    .toList();
        }
        String folder = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        for (int level = 1; level < dots.length(); level++) {
            if (folder.isEmpty()) {
                return List.of(); // climbs above the workspace root
            }
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
        String prefix = folder.isEmpty() ? "" : folder + "/";
        return candidates.stream().map(c -> prefix + c).filter(written::isWritten).toList();
    }

    /**
     * Blanks comments and the contents of string literals (a docstring may well say "import x"),
     * keeping line breaks so that statements still start lines.
     */
    static String withoutCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                blank(out, i, end);
                i = end;
            } else if (text.startsWith("\"\"\"", i) || text.startsWith("'''", i)) {
                int close = text.indexOf(text.substring(i, i + 3), i + 3);
                int end = close < 0 ? text.length() : close + 3;
                blank(out, i + 3, Math.max(i + 3, end - 3));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                blank(out, i + 1, end);
                i = end + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < Math.min(to, out.length()); i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }
}
