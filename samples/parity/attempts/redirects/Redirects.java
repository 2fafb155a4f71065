package parity;

/** Turns off redirects for every HttpURLConnection of the JVM: JVM-wide state a class loader cannot undo. */
public final class Redirects {
    private Redirects() {
    }

    public static void disable() {
        java.net.HttpURLConnection.setFollowRedirects(false);
    }
}
