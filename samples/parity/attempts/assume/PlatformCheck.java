package parity;

public final class PlatformCheck {
    private PlatformCheck() {
    }

    public static boolean supported() {
        return false;
    }
}
