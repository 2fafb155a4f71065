package dev.redyellow.implement;

import java.util.List;
import java.util.Map;

/**
 * Fills the placeholders {workspace}, {prompt}, {feature} and {attempt} in a command's argv. Each
 * argument is replaced as text; no shell ever sees the result.
 */
final class Placeholders {

    private Placeholders() {
    }

    static List<String> fill(List<String> argv, Map<String, String> values) {
        return argv.stream().map(arg -> {
            String out = arg;
            for (Map.Entry<String, String> v : values.entrySet()) {
                out = out.replace("{" + v.getKey() + "}", v.getValue());
            }
            return out;
        }).toList();
    }
}
