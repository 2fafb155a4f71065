package dev.redyellow.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Every case of the fault bench, on real processes, files and FIFOs: survived, 0 left, nothing lost. */
@EnabledOnOs(OS.LINUX)
class FaultBenchTest {
    @TempDir
    Path tmp;

    @Test
    void everyFaultIsSurvivedWithNothingLeftRunningAndNothingLost() throws Exception {
        StringWriter text = new StringWriter();
        List<FaultBench.Row> rows = new FaultBench(new PrintWriter(text, true), tmp,
                dev.redyellow.cli.RedYellowCommand::execute).run();
        assertEquals(13, rows.size(), text.toString());
        for (FaultBench.Row row : rows) {
            assertTrue(row.clean(), row + "\n" + text);
        }
        assertTrue(text.toString().contains("13 of 13 cases"), text.toString());
    }
}
