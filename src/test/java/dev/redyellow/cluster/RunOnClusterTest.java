package dev.redyellow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.cli.RedYellowCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code redyellow run MANIFEST --cluster ...} end to end, with a worker in a JVM of its own. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RunOnClusterTest {
    @TempDir
    Path temp;

    @Test
    void theSampleRunsOnAWorkerAndTheReportNamesIt() throws Exception {
        try (LocalWorker worker = LocalWorker.start("a", "", null, 2)) {
            Path report = temp.resolve("report.json");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = RedYellowCommand.execute(new String[] {"run", "samples/py-textstats/manifest.json", "--cluster",
                    worker.address(), "--no-cache", "--report", report.toString(), "--runs-dir",
                    temp.resolve("runs").toString(), "--stream"}, new PrintWriter(out, true), new PrintWriter(err, true));

            assertEquals(0, code, out + "\n" + err);
            JsonNode json = new ObjectMapper().readTree(Files.readString(report));
            JsonNode members = json.path("metrics").path("cluster").path("members");
            assertEquals(1, members.size(), json.path("metrics").toString());
            assertEquals(worker.address(), members.get(0).path("address").asText());
            int testRuns = 0;
            for (JsonNode f : json.path("features")) {
                testRuns += f.path("testRuns").asInt();
            }
            assertEquals(testRuns, members.get(0).path("testRuns").asInt(), "every test run ran on the worker");
            assertTrue(members.get(0).path("seconds").asDouble() > 0);
            assertTrue(out.toString().contains("Ran 6 tests"), "the member's output streams into the console: " + out);
        }
    }

    @Test
    void aBadClusterAddressIsABadArgument() {
        StringWriter err = new StringWriter();
        int code = RedYellowCommand.execute(new String[] {"run", "samples/py-textstats/manifest.json", "--cluster",
                "127.0.0.1"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("--cluster: \"127.0.0.1\" is not HOST:PORT"), err.toString());
    }
}
