package tools;

public final class Normalize {
    public static String of(String s) {
        return s.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
