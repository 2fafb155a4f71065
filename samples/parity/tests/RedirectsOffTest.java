package parity;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedirectsOffTest {
    @Test
    void turnsRedirectsOffForTheWholeJvm() {
        Redirects.disable();
        assertFalse(java.net.HttpURLConnection.getFollowRedirects());
    }
}
