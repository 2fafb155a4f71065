package parity;

public final class HttpDefaults {
    private HttpDefaults() {
    }

    public static boolean followsRedirects() {
        return java.net.HttpURLConnection.getFollowRedirects();
    }
}
