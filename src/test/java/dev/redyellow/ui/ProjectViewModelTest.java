package dev.redyellow.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening manifests, without a window. */
class ProjectViewModelTest {
    @TempDir
    Path dir;
    private final ProjectViewModel project = new ProjectViewModel(new InlineTasks());

    @Test
    void opensAManifestWithOneItemPerFeatureLaidOut() {
        Path sample = ProjectFiles.samples().resolve("string-tools/manifest.json");
        project.open(sample);
        assertEquals(13, project.items().size());
        assertEquals(13, project.project().layout().positions().size());
        assertEquals(List.of(sample.toAbsolutePath().normalize()), project.recent());
        assertTrue(project.errors().isEmpty());
    }

    @Test
    void aBadManifestFillsTheErrorsAndLeavesTheOpenProject() throws Exception {
        project.open(ProjectFiles.samples().resolve("py-textstats/manifest.json"));
        LoadedProject before = project.project();
        Path bad = dir.resolve("bad.redyellow");
        Files.writeString(bad, "{ \"version\": 1, \"name\": \"x\", \"features\": [ { \"id\": \"A B\" } ] }");

        project.open(bad);

        assertEquals(before, project.project());
        assertEquals(before.manifest().features().size(), project.items().size());
        assertTrue(project.errorsTitleProperty().get().startsWith("Not opened: bad.redyellow has"));
        assertTrue(project.errors().stream().allMatch(e -> e.startsWith(bad.toString() + ":1:")), project.errors().toString());
        assertEquals(1, project.recent().size(), "a file that did not open is not a recent file");
    }

    @Test
    void keepsTheRecentFilesNewestFirstWithoutDuplicates() {
        Path a = ProjectFiles.samples().resolve("string-tools/manifest.json");
        Path b = ProjectFiles.samples().resolve("py-textstats/manifest.json");
        project.open(a);
        project.open(b);
        project.open(a);
        assertEquals(List.of(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize()), project.recent());
    }
}
