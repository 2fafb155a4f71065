package dev.redyellow.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript and TypeScript: {@code import ... from}, bare {@code import}, {@code export ... from},
 * {@code require(...)} and dynamic {@code import(...)} of relative specifiers, resolved the way
 * Node and bundlers do: the exact path, then with an extension, then as a folder's {@code index}.
 * Package specifiers ({@code 'react'}) are never written by a feature and are skipped.
 */
final class ScriptReferences implements SourceReferences {

    private static final List<String> EXTENSIONS = List.of(".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx");
    private static final List<String> READS = List.of(".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".mts", ".cts");
    private static final String SPECIFIER = "(['\"])([^'\"\\n]+)\\1";
    private static final List<Pattern> MODULE_REFERENCES = List.of(
            Pattern.compile("\\bimport\\s+(?:[\\w*${},\\s]+?\\s*from\\s*)?" + SPECIFIER),
            Pattern.compile("\\bexport\\s+[\\w*${},\\s]*?\\s*from\\s*" + SPECIFIER),
            Pattern.compile("\\brequire\\s*\\(\\s*" + SPECIFIER + "\\s*\\)"),
            Pattern.compile("\\bimport\\s*\\(\\s*" + SPECIFIER));

    private final WrittenFiles written;

    ScriptReferences(WrittenFiles written) {
        this.written = written;
    }

    @Override
    public boolean reads(String path) {
        return READS.stream().anyMatch(path::endsWith);
    }

    @Override
    public List<FileReference> find(String path, String text) {
        String code = CLikeSource.withoutComments(text);
        // Each specifier by where it starts, so references come in order of appearance.
        TreeMap<Integer, String> specifiers = new TreeMap<>();
        for (Pattern pattern : MODULE_REFERENCES) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                specifiers.put(m.start(2), m.group(2));
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String specifier : specifiers.values()) {
            if (specifier.startsWith("./") || specifier.startsWith("../")) {
                resolve(folderOf(path), specifier)
                        .filter(target -> !target.equals(path))
                        .ifPresent(target -> found.putIfAbsent(target, "imports '" + specifier + "'"));
            }
        }
        List<FileReference> references = new ArrayList<>();
        found.forEach((target, description) -> references.add(new FileReference(target, description)));
        return references;
    }

    private Optional<String> resolve(String folder, String specifier) {
        return candidates(folder, specifier).stream().filter(written::isWritten).findFirst();
    }

    /**
     * The workspace paths a relative specifier seen from {@code folder} can name, in the order Node
     * and bundlers try them: the exact path, with an extension, a folder's index; empty when the
     * path climbs above the workspace root.
     */
    static List<String> candidates(String folder, String specifier) {
        Optional<String> base = normalise(folder.isEmpty() ? specifier : folder + "/" + specifier);
        if (base.isEmpty()) {
            return List.of();
        }
        String file = base.get();
        List<String> candidates = new ArrayList<>();
        candidates.add(file);
        EXTENSIONS.forEach(ext -> candidates.add(file + ext));
        EXTENSIONS.forEach(ext -> candidates.add(file + "/index" + ext));
        // TypeScript's ESM style names the compiled file: './x.js' means the source './x.ts'.
        if (file.endsWith(".js")) {
            String stem = file.substring(0, file.length() - ".js".length());
            candidates.add(stem + ".ts");
            candidates.add(stem + ".tsx");
        }
        return candidates;
    }

    /** Resolves {@code .} and {@code ..}; empty when the path climbs above the workspace root. */
    private static Optional<String> normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    private static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
