package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.testing.worker.ReplyCase;
import dev.redyellow.testing.worker.TestPlatform;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up a worker runs before it says it is ready: the bridge of the real worker jar, loaded
 * as the worker loads it (the worker jar and the bundled console jar, no RedYellow or test classes),
 * runs its own tests through Jupiter, and every one passes.
 */
class WorkerWarmUpTest {

    @Test
    void theWorkersWarmUpRunsPlainParameterizedAndNestedTestsAndAllPass() throws Exception {
        JUnitConsoleJar console = JUnitConsoleJar.shared();
        URL[] jars = {new WorkerJar(console).path().toUri().toURL(), console.path().toUri().toURL()};
        try (URLClassLoader worker = new URLClassLoader("worker", jars, ClassLoader.getPlatformClassLoader())) {
            Object bridge = Class.forName(TestPlatform.IMPLEMENTATION, true, worker).getConstructor().newInstance();
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(worker);
            Object outcome;
            try {
                outcome = bridge.getClass().getMethod("warmUp").invoke(bridge);
            } finally {
                thread.setContextClassLoader(before);
            }
            // the outcome's classes are the worker loader's: read it through its accessors
            List<?> cases = (List<?>) outcome.getClass().getMethod("cases").invoke(outcome);
            assertEquals(4, cases.size(), cases.toString());
            for (Object c : cases) {
                String status = c.getClass().getMethod("status").invoke(c).toString();
                assertEquals(ReplyCase.Status.PASSED.name(), status, c.toString());
            }
            assertTrue(cases.toString().contains("lengths"), "the parameterized test ran: " + cases);
            assertTrue(cases.toString().contains("seesTheOuterSetUp"), "the nested test ran: " + cases);
            assertFalse((Boolean) outcome.getClass().getMethod("containerFailed").invoke(outcome));
        }
    }
}
