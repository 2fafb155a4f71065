package dev.redyellow;

import dev.redyellow.cli.RedYellowCommand;
import dev.redyellow.daemon.DaemonClient;
import dev.redyellow.daemon.Terminal;
import dev.redyellow.ui.DesktopLauncher;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.OptionalInt;

/**
 * The entry point of the jar and of the installed launcher: with no arguments it opens the desktop
 * window, with a single existing manifest file ({@code .json} or {@code .redyellow}, as a file
 * manager passes a double-clicked file) it opens the window on that manifest, and with any other
 * arguments it is the command line. It does not extend {@code Application}, so JavaFX
 * can run from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (DesktopLauncher.wantsWindow(args)) {
            DesktopLauncher.launch(args);
            return;
        }
        // REDYELLOW_DAEMON=1: a run or plan goes to a warm JVM of the same identity, if one serves it
        OptionalInt served = DaemonClient.run(args, Terminal.console(), System.out, System.err);
        if (served.isPresent()) {
            System.exit(served.getAsInt());
        }
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = RedYellowCommand.execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
