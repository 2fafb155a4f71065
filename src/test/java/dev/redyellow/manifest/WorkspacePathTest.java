package dev.redyellow.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspacePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"T.java", "src/test/java/a/T.java", "a..b/c", ".gitignore", "dir.d/.x", "a b/c:d.txt"})
    void acceptsPlainRelativePaths(String path) {
        assertEquals(Optional.empty(), WorkspacePath.problem(path));
        assertTrue(WorkspacePath.isValid(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/T.java", "../T.java", "a/../T.java", "a/..", "./T.java", "a/./T.java", "a//T.java",
            "a/", "C:/T.java", "c:T.java", "a\\T.java", "\\\\server\\share", "a/\u0000b", "a\nb"})
    void rejectsPathsThatAreNotPlainOrCouldLeaveTheWorkspace(String path) {
        assertFalse(WorkspacePath.isValid(path), path);
    }
}
