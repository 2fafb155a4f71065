package dev.redyellow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    @Test
    void withoutASecretOnlyLoopbackAddressesAreAccepted() {
        ClusterSettings loopback = ClusterSettings.coordinator("127.0.0.1:5801,localhost:5802", Map.of());
        assertEquals(List.of("127.0.0.1:5801", "localhost:5802"), loopback.join());
        assertEquals("127.0.0.1", loopback.bindHost());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterSettings.coordinator("127.0.0.1:5801,10.1.2.3:5801", Map.of()));
        assertTrue(e.getMessage().contains("10.1.2.3:5801") && e.getMessage().contains(ClusterSettings.SECRET_ENV),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.worker("10.1.2.3", 5801, "", Map.of()));
    }

    @Test
    void withASecretOtherAddressesAreAccepted() {
        ClusterSettings s = ClusterSettings.worker("10.1.2.3", 5801, "10.1.2.4:5801",
                Map.of(ClusterSettings.SECRET_ENV, "s3cret"));
        assertEquals(List.of("10.1.2.4:5801"), s.join());
    }

    @Test
    void aMemberNeverListensOnEveryInterface() {
        for (String wildcard : List.of("0.0.0.0", "::")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterSettings.worker(
                    wildcard, 5801, "", Map.of(ClusterSettings.SECRET_ENV, "s3cret")));
            assertTrue(e.getMessage().contains("one address"), e.getMessage());
        }
    }

    @Test
    void theClusterNameComesFromTheSecretAndDoesNotContainIt() {
        String one = ClusterSettings.worker("127.0.0.1", 5801, "", Map.of(ClusterSettings.SECRET_ENV, "s3cret")).clusterName();
        String same = ClusterSettings.worker("127.0.0.1", 5802, "", Map.of(ClusterSettings.SECRET_ENV, "s3cret")).clusterName();
        String other = ClusterSettings.worker("127.0.0.1", 5801, "", Map.of(ClusterSettings.SECRET_ENV, "other")).clusterName();
        String none = ClusterSettings.worker("127.0.0.1", 5801, "", Map.of()).clusterName();
        assertEquals(one, same);
        assertNotEquals(one, other);
        assertNotEquals(one, none);
        assertTrue(!one.contains("s3cret"));
    }

    @Test
    void badAddressesAndSettingsAreNamed() {
        for (String bad : List.of("127.0.0.1", "127.0.0.1:", ":5801", "127.0.0.1:x", "127.0.0.1:70000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ClusterSettings.coordinator(bad, Map.of()), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.coordinator(" , ", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ClusterSettings.worker("127.0.0.1", 0, "", Map.of()));
        IllegalArgumentException slots = assertThrows(IllegalArgumentException.class, () -> ClusterSettings.coordinator(
                "127.0.0.1:5801", Map.of(ClusterSettings.LOCAL_SLOTS_ENV, "many")));
        assertTrue(slots.getMessage().contains("many"), slots.getMessage());
    }
}
