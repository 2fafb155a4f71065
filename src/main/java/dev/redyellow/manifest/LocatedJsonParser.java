package dev.redyellow.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON text into a Jackson tree while recording where every value and field name starts.
 * Duplicate field names are reported (and the later one ignored) instead of stopping the parse, so
 * the user sees them together with every other error. Malformed JSON ends the parse with one error
 * at the position Jackson reports.
 */
final class LocatedJsonParser {
    // Strict JSON: Jackson's defaults reject comments, single quotes, NaN and trailing commas.
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Path file;
    private final Problems problems;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> names = new HashMap<>();

    private LocatedJsonParser(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The located tree, or empty when the text is not JSON (the reason is then in {@code problems}). */
    static Optional<LocatedJson> parse(Path file, String text, Problems problems) {
        return new LocatedJsonParser(file, problems).parse(text);
    }

    private Optional<LocatedJson> parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new SourceLocation(file, 1, 1, ""), "the file is empty; expected a JSON object");
                return Optional.empty();
            }
            JsonNode root = readValue(parser, "");
            if (parser.nextToken() != null) {
                problems.add(location(parser.currentTokenLocation(), ""),
                        "malformed JSON: unexpected content after the end of the top-level value");
                return Optional.empty();
            }
            return Optional.of(new LocatedJson(file, root, values, names));
        } catch (JsonProcessingException e) {
            String pointer = e.getProcessor() instanceof JsonParser p ? p.getParsingContext().pathAsPointer().toString() : "";
            problems.add(location(e.getLocation(), pointer), "malformed JSON: " + e.getOriginalMessage());
            return Optional.empty();
        } catch (IOException e) {
            // Parsing a String does no I/O; this only keeps the contract of "located errors only".
            problems.add(new SourceLocation(file, 1, 1, ""), "cannot parse the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    private JsonNode readValue(JsonParser parser, String pointer) throws IOException {
        values.put(pointer, location(parser.currentTokenLocation(), pointer));
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser, pointer);
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, LocatedJson.child(pointer, array.size())));
                }
                return array;
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return switch (parser.getNumberType()) {
                    case INT -> nodes.numberNode(parser.getIntValue());
                    case LONG -> nodes.numberNode(parser.getLongValue());
                    default -> nodes.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token + " at " + pointer);
        }
    }

    private ObjectNode readObject(JsonParser parser, String pointer) throws IOException {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String member = LocatedJson.child(pointer, name);
            SourceLocation nameLocation = location(parser.currentTokenLocation(), member);
            parser.nextToken();
            if (object.has(name)) {
                problems.add(nameLocation, "duplicate field \"" + name + "\" (first at line "
                        + names.get(member).line() + "); each field may appear only once");
                parser.skipChildren();
                continue;
            }
            names.put(member, nameLocation);
            object.set(name, readValue(parser, member));
        }
        return object;
    }

    private SourceLocation location(JsonLocation location, String pointer) {
        if (location == null || location.getLineNr() < 1) {
            return new SourceLocation(file, 1, 1, pointer);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()), pointer);
    }
}
