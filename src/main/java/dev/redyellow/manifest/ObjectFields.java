package dev.redyellow.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the fields of one JSON object of the manifest. Each accessor reports a located
 * error for a value of the wrong type or range and returns a fallback, so reading goes on and every
 * error of the file is found in one pass. Nothing read here is used once an error was reported.
 */
final class ObjectFields {
    private final LocatedJson json;
    private final Problems problems;
    private final String pointer;
    private final JsonNode node;

    private ObjectFields(LocatedJson json, Problems problems, String pointer, JsonNode node) {
        this.json = json;
        this.problems = problems;
        this.pointer = pointer;
        this.node = node;
    }

    /** The object at {@code pointer}, or empty (with an error) when {@code value} is not an object. */
    static Optional<ObjectFields> of(LocatedJson json, Problems problems, String pointer, JsonNode value, String what) {
        if (!value.isObject()) {
            problems.add(json.at(pointer), "expected " + what + ", found " + describe(value));
            return Optional.empty();
        }
        return Optional.of(new ObjectFields(json, problems, pointer, value));
    }

    String pointer() {
        return pointer;
    }

    String pointerOf(String name) {
        return LocatedJson.child(pointer, name);
    }

    SourceLocation location() {
        return json.at(pointer);
    }

    LocatedJson json() {
        return json;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String name) {
        return node.has(name);
    }

    Optional<JsonNode> get(String name) {
        return Optional.ofNullable(node.get(name));
    }

    void error(String name, String message) {
        problems.add(json.at(pointerOf(name)), message);
    }

    void errorAtName(String name, String message) {
        problems.add(json.nameAt(pointerOf(name)), message);
    }

    /** Reports a required field that is absent, at the start of this object. */
    void missing(String name, String expectation) {
        problems.add(location(), "missing required field \"" + name + "\" (" + expectation + ")");
    }

    /** Reports every field not in {@code known}, suggesting the nearest known name. */
    void rejectUnknown(Set<String> known) {
        rejectUnknown(known, Set.of());
    }

    /** As {@link #rejectUnknown(Set)}, skipping {@code reported}: fields already rejected with a better message. */
    void rejectUnknown(Set<String> known, Set<String> reported) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (known.contains(name) || reported.contains(name)) {
                continue;
            }
            Optional<String> nearest = NearestName.among(known, name);
            String hint = nearest.map(n -> "; did you mean \"" + n + "\"?")
                    .orElseGet(() -> "; known fields: " + String.join(", ", known.stream().sorted().toList()));
            errorAtName(name, "unknown field \"" + name + "\"" + hint);
        }
    }

    /** A required non-empty string, or {@code null} after an error. */
    String requiredString(String name) {
        if (!has(name)) {
            missing(name, "a non-empty string");
            return null;
        }
        return optionalString(name, null, false);
    }

    /** A string (non-empty unless {@code emptyAllowed}), or {@code fallback} when absent or wrong. */
    String optionalString(String name, String fallback, boolean emptyAllowed) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual() || (!emptyAllowed && value.textValue().isEmpty())) {
            error(name, "expected " + (emptyAllowed ? "a string" : "a non-empty string") + ", found " + describe(value));
            return fallback;
        }
        return value.textValue();
    }

    int integer(String name, int fallback, int min, int max) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        String expected = "an integer from " + min + " to " + max;
        if (!value.isIntegralNumber()) {
            error(name, "expected " + expected + ", found " + describe(value));
            return fallback;
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            error(name, "expected " + expected + ", found " + value.asText());
            return fallback;
        }
        return value.intValue();
    }

    double number(String name, double fallback, double min, double max) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        String expected = "a number from " + plain(min) + " to " + plain(max);
        if (!value.isNumber()) {
            error(name, "expected " + expected + ", found " + describe(value));
            return fallback;
        }
        BigDecimal number = value.decimalValue();
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, "expected " + expected + ", found " + number.toPlainString());
            return fallback;
        }
        return value.doubleValue();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            error(name, "expected true or false, found " + describe(value));
            return fallback;
        }
        return value.booleanValue();
    }

    /** An array of non-empty strings; an absent field is an empty list unless {@code required}. */
    List<String> strings(String name, boolean required, boolean nonEmpty) {
        JsonNode value = node.get(name);
        String expected = nonEmpty ? "a non-empty array of strings" : "an array of strings";
        if (value == null) {
            if (required) {
                missing(name, expected);
            }
            return List.of();
        }
        if (!value.isArray() || (nonEmpty && value.isEmpty())) {
            error(name, "expected " + expected + ", found " + describe(value));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.textValue().isEmpty()) {
                problems.add(json.at(LocatedJson.child(pointerOf(name), i)), "expected a non-empty string, found " + describe(item));
            } else {
                result.add(item.textValue());
            }
        }
        return result;
    }

    /** An object whose values are all strings (an environment), empty when absent. */
    Map<String, String> stringMap(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            error(name, "expected an object of strings (name: value), found " + describe(value));
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        value.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                result.put(e.getKey(), e.getValue().textValue());
            } else {
                problems.add(json.at(LocatedJson.child(pointerOf(name), e.getKey())),
                        "expected a string, found " + describe(e.getValue()));
            }
        });
        return result;
    }

    /** How a value looks, for "expected X, found Y" messages. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            if (text.isEmpty()) {
                return "an empty string";
            }
            return "a string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value.isIntegralNumber()) {
            return "the integer " + value.asText();
        }
        if (value.isNumber()) {
            return "the number " + value.decimalValue().toPlainString();
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isArray()) {
            return value.isEmpty() ? "an empty array" : "an array";
        }
        return value.isEmpty() ? "an empty object" : "an object";
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
