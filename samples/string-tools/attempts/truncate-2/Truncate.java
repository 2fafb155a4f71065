package tools;

/** Shortens text to a maximum length, showing that something was cut. */
public final class Truncate {

    public static final String ELLIPSIS = "\u2026";

    private Truncate() {
    }

    /**
     * Text longer than {@code max} is cut so that, with the ellipsis, it is at most {@code max}
     * characters long; whitespace before the ellipsis is dropped ("Hello …" reads badly).
     */
    public static String ellipsis(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1).stripTrailing() + ELLIPSIS;
    }
}
