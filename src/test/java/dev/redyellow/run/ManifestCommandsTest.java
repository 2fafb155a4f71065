package dev.redyellow.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.ProjectFiles;
import dev.redyellow.manifest.ManifestLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which commands a manifest would run, read from the real samples. */
class ManifestCommandsTest {

    @Test
    void listsNothingForAManifestOfBuiltInKindsOnly() throws Exception {
        assertEquals(List.of(), ManifestCommands.of(ManifestLoader.load(ProjectFiles.samples().resolve("string-tools/manifest.json"))));
    }

    @Test
    void listsEachDistinctTestCommandOnceWithTheFeaturesThatUseIt() throws Exception {
        var manifest = ManifestLoader.load(ProjectFiles.samples().resolve("py-textstats/manifest.json"));
        List<ManifestCommands.Command> commands = ManifestCommands.of(manifest);
        assertEquals(manifest.features().size(), commands.size(), "each feature runs its own test module");
        ManifestCommands.Command first = commands.get(0);
        assertEquals("test", first.role());
        assertEquals("python3 -m unittest -v tests.test_tokens", first.line());
        assertEquals(List.of("tokens"), first.features());
    }

    @Test
    void listsTheReviewerCommandBesideTheTestCommand() throws Exception {
        var manifest = ManifestLoader.load(ProjectFiles.samples().resolve("reasons/review-rejected.json"));
        List<ManifestCommands.Command> commands = ManifestCommands.of(manifest);
        assertEquals(List.of("test", "review"), commands.stream().map(ManifestCommands.Command::role).toList());
        assertEquals(List.of("python3", "reject.py"), commands.get(1).argv());
    }

    @Test
    void listsTheMutationCommandForTrust() throws Exception {
        var manifest = ManifestLoader.load(ProjectFiles.samples().resolve("reasons/weak-tests.json"));
        List<ManifestCommands.Command> commands = ManifestCommands.of(manifest);
        assertEquals(List.of("test", "mutation"), commands.stream().map(ManifestCommands.Command::role).toList());
        assertEquals("python3 mutate.py tests.test_adult {code}", commands.get(1).line());
    }
}
