package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteCacheSettingsTest {

    @Test
    void theVariableGivesTheDefaultAndAnOptionOverridesIt() {
        Map<String, String> env = Map.of(RemoteCacheSettings.ENV, "http://cache.example:8080/team/");
        assertEquals("http://cache.example:8080/team", RemoteCacheSettings.resolve(null, env).orElseThrow().url().toString());
        assertEquals("http://other:9090", RemoteCacheSettings.resolve("http://other:9090", env).orElseThrow().url().toString());
        assertEquals(Optional.empty(), RemoteCacheSettings.resolve("off", env));
        assertEquals(Optional.empty(), RemoteCacheSettings.resolve(null, Map.of()));
    }

    @Test
    void rejectsUrlsThatCannotBeACacheOrWouldLeakCredentials() {
        IllegalArgumentException leak = assertThrows(IllegalArgumentException.class,
                () -> RemoteCacheSettings.of("https://bob:hunter2@cache.example"));
        assertFalse(leak.getMessage().contains("hunter2"), leak.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RemoteCacheSettings.of("ftp://cache.example"))
                .getMessage().contains("http://"));
        assertThrows(IllegalArgumentException.class, () -> RemoteCacheSettings.of("http://cache.example/?x=1"));
        assertThrows(IllegalArgumentException.class, () -> RemoteCacheSettings.of("not a url"));
        assertThrows(IllegalArgumentException.class, () -> RemoteCacheSettings.of("http://c").withAuth("token:X"));
        assertThrows(IllegalArgumentException.class, () -> RemoteCacheSettings.of("http://c").withAuth("bearer:1-bad"));
    }

    @Test
    void bearerAndBasicHeadersComeFromTheEnvironment() {
        RemoteCacheSettings bearer = RemoteCacheSettings.of("http://c").withAuth("bearer:TOKEN");
        assertEquals(Optional.of("Bearer abc"), bearer.authorization(Map.of("TOKEN", "abc")));
        RemoteCacheSettings basic = RemoteCacheSettings.of("http://c").withAuth("Basic:USERPASS");
        assertEquals(Optional.of("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes())),
                basic.authorization(Map.of("USERPASS", "u:p")));
        assertEquals(Optional.empty(), RemoteCacheSettings.of("http://c").authorization(Map.of()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> bearer.authorization(Map.of()))
                .getMessage().contains("TOKEN"));
        assertFalse(bearer.toString().contains("abc"));
    }
}
