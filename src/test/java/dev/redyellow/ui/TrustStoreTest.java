package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {
    @TempDir
    Path dir;

    @Test
    void remembersATrustedHashAcrossRestarts() {
        Path file = dir.resolve("sub/trusted-manifests");
        new TrustStore(file).trust("abc");
        TrustStore again = new TrustStore(file);
        assertTrue(again.isTrusted("abc"));
        assertFalse(again.isTrusted("abd"), "another content is another manifest");
    }
}
