package dev.redyellow.testing;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * A RedYellow stand-in for {@link WarmWorkerExitTest}: a JVM that runs one warm test run of the
 * workspace it is given, so the test can kill it mid-run and watch its worker.
 * Arguments: the console jar cache folder, the workspace.
 */
final class PoolHost {

    private PoolHost() {
    }

    public static void main(String[] args) throws Exception {
        WarmWorkerPool pool = new WarmWorkerPool(new JUnitConsoleJar(List.of(Path.of(args[0]))));
        WarmJUnitRunner runner = new WarmJUnitRunner(pool);
        TestResult result = runner.run(new TestRequest(Path.of(args[1]), new TestSettings.JUnit(600), List.of(),
                OutputSink.DISCARD));
        System.out.println(result.outcome());
    }
}
