package dev.redyellow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanCommandTest {
    private static final Path SAMPLE = ProjectFiles.samples().resolve("string-tools/manifest.json");

    @Test
    void printsLevelsEdgesAndTheCriticalPathOfTheSample() {
        CliRun run = CliRun.of("plan", SAMPLE.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Levels"), run.out());
        assertTrue(run.out().contains("inferred"), "the sample has an inferred edge:\n" + run.out());
        assertTrue(run.out().contains("Critical path"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonPlanHasEveryFeatureOnceAcrossTheLevels() throws Exception {
        CliRun run = CliRun.of("plan", "--json", SAMPLE.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        int inLevels = 0;
        for (JsonNode level : plan.get("levels")) {
            inLevels += level.size();
        }
        assertEquals(plan.get("features").size(), inLevels);
        assertTrue(plan.get("features").size() >= 8);
        assertTrue(plan.get("levels").size() >= 3);
        boolean inferred = false;
        for (JsonNode e : plan.get("edges")) {
            inferred |= e.get("kind").asText().equals("inferred");
        }
        assertTrue(inferred, "an inferred edge in " + plan.get("edges"));
    }

    static Stream<Path> badManifests() throws Exception {
        try (Stream<Path> files = Files.list(ProjectFiles.samples().resolve("bad"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 5, "samples/bad has its broken manifests");
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("badManifests")
    void aBadManifestExitsTwoWithALocatedError(Path bad) {
        CliRun run = CliRun.of("plan", bad.toString());
        assertEquals(2, run.exitCode(), run.out());
        String fileName = bad.getFileName().toString();
        assertTrue(run.err().matches("(?s).*" + java.util.regex.Pattern.quote(fileName) + ":\\d+:\\d+: .*"),
                "error names file:line:column:\n" + run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingManifestExitsTwo() {
        CliRun run = CliRun.of("plan", "/no/such/manifest.json");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("/no/such/manifest.json"), run.err());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, CliRun.of("plan").exitCode());
        assertEquals(2, CliRun.of("plan", "--nonsense", SAMPLE.toString()).exitCode());
        assertEquals(2, CliRun.of().exitCode());
    }

    @Test
    void versionAndHelpOnEveryCommand() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("RedYellow "), version.out());
        for (String command : List.of("plan", "run")) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.exitCode());
            assertTrue(help.out().contains("Usage: redyellow " + command), help.out());
            assertEquals(0, CliRun.of(command, "--version").exitCode());
        }
    }
}
