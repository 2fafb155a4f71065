package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A parsed manifest with the source position of every value and every field name, keyed by JSON
 * pointer, so that each error can point at the exact place in the file.
 */
record LocatedJson(Path file, JsonNode root, Map<String, SourceLocation> values, Map<String, SourceLocation> names) {

    LocatedJson {
        values = Map.copyOf(values);
        names = Map.copyOf(names);
    }

    /** Where the value at {@code pointer} starts; for a value that is absent, where its nearest parent starts. */
    SourceLocation at(String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation location = values.get(p);
            if (location != null) {
                return p.equals(pointer) ? location : new SourceLocation(file, location.line(), location.column(), pointer);
            }
            if (p.isEmpty()) {
                return new SourceLocation(file, 1, 1, pointer);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the field name of the member at {@code pointer} starts (the value's start for array items). */
    SourceLocation nameAt(String pointer) {
        SourceLocation location = names.get(pointer);
        return location != null ? location : at(pointer);
    }

    /** {@code parent/name} as a JSON pointer, escaping {@code ~} and {@code /} in {@code name}. */
    static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
