package parity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RedirectsDefaultTest {
    @Test
    void aFreshJvmFollowsRedirects() {
        assertTrue(HttpDefaults.followsRedirects());
    }
}
