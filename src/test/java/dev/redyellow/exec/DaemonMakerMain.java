package dev.redyellow.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM that runs daemon.py (a double-forked, setsid, SIGTERM-ignoring daemon) through
 * {@link ProcessRunner} and hangs with it, for a test to kill with SIGKILL. Args: FOLDER SCRIPT.
 */
public final class DaemonMakerMain {

    private DaemonMakerMain() {
    }

    public static void main(String[] args) throws Exception {
        ProcessSpec spec = new ProcessSpec(List.of("python3", args[1], args[0], "hang"), Path.of(args[0]), Map.of(),
                Duration.ofMinutes(10));
        new ProcessRunner().run(spec, OutputSink.DISCARD);
    }
}
