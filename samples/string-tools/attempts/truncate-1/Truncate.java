package tools;

/** Shortens text to a maximum length, showing that something was cut. */
public final class Truncate {

    public static final String ELLIPSIS = "\u2026";

    private Truncate() {
    }

    /** Text longer than {@code max} is cut and ends with an ellipsis. */
    public static String ellipsis(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        // Bug kept on purpose for the sample: forgets that the ellipsis takes a place too.
        return text.substring(0, max).stripTrailing() + ELLIPSIS;
    }
}
