package dev.redyellow;

import dev.redyellow.cli.RedYellowCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The entry point of the jar and of the installed launcher: with no arguments it opens the desktop
 * window, with arguments it is the command line. It does not extend {@code Application}, so JavaFX
 * can run from the class path.
 */
public final class Main {

    private Main() {
    }

    /** One argument naming a manifest file: the desktop's "open with" (the installer's file association). */
    private static boolean opensAManifest(String[] args) {
        if (args.length != 1) {
            return false;
        }
        String name = args[0].toLowerCase(java.util.Locale.ROOT);
        return (name.endsWith(".json") || name.endsWith(".redyellow")) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensAManifest(args)) {
            DesktopLauncher.launch(args);
            return;
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
