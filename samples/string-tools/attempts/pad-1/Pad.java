package tools;

/** Pads text to a fixed width, for columns and fixed-width output. */
public final class Pad {

    private Pad() {
    }

    /** Right-aligns: fills on the left. Text already as wide as {@code width} is returned as is. */
    public static String left(String text, int width, char fill) {
        return repeat(fill, width - text.length()) + text;
    }

    /** Left-aligns: fills on the right. */
    public static String right(String text, int width, char fill) {
        return text + repeat(fill, width - text.length());
    }

    /** Centres the text; when the free space is odd, the extra fill goes to the right. */
    public static String center(String text, int width, char fill) {
        int free = Math.max(0, width - text.length());
        int before = free / 2;
        return repeat(fill, before) + text + repeat(fill, free - before);
    }

    private static String repeat(char fill, int count) {
        if (count <= 0) {
            return "";
        }
        return String.valueOf(fill).repeat(count);
    }
}
