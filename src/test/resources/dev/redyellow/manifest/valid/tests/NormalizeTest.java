package tools;

import org.junit.jupiter.api.Test;

class NormalizeTest {
    @Test
    void trims() {
        org.junit.jupiter.api.Assertions.assertEquals("a", Normalize.of(" A "));
    }
}
