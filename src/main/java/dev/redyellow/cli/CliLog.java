package dev.redyellow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Where the command line's log goes: every record at INFO and above, with its stack trace, to
 * {@code ~/.redyellow/logs/redyellow.log} (the folder the {@code redyellow.log.dir} system property names, if
 * set; the temporary folder when neither can be written), and
 * warnings to standard error as one line each, never a trace. A user sees what went wrong; whoever
 * debugs it finds the trace in the file the error line names.
 */
final class CliLog {
    private static Path file;

    private CliLog() {
    }

    /** Configures logging once per JVM; returns the log file. */
    static synchronized Path install() {
        if (file != null) {
            return file;
        }
        file = chooseFile();
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.INFO);
        Handler console = new StandardError();
        console.setLevel(Level.WARNING);
        console.setFormatter(new OneLine());
        root.addHandler(console);
        root.addHandler(new FileAppender(file));
        return file;
    }

    /** The log file, once {@link #install()} ran. */
    static synchronized Path file() {
        return file != null ? file : install();
    }

    private static Path chooseFile() {
        // the build's tests set redyellow.log.dir, so they never write into the user's own log
        String chosen = System.getProperty("redyellow.log.dir");
        Path home = chosen != null && !chosen.isBlank() ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".redyellow", "logs");
        for (Path dir : new Path[] {home, Path.of(System.getProperty("java.io.tmpdir"), "redyellow-logs")}) {
            try {
                Files.createDirectories(dir);
                Path f = dir.resolve("redyellow.log");
                Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
                return f;
            } catch (IOException | SecurityException e) {
                // try the next place
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "redyellow.log");
    }

    /**
     * Writes to standard error as it is when a record comes ({@code ConsoleHandler} keeps the stream it was made
     * with): a daemon's command sets it to its client's for the time the command runs.
     */
    private static final class StandardError extends Handler {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                System.err.print(getFormatter().format(record));
                System.err.flush();
            }
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** "redyellow: warning: message", one line. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String message = formatMessage(record);
            int nl = message.indexOf('\n');
            String line = nl < 0 ? message : message.substring(0, nl);
            String kind = record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error" : "warning";
            return "redyellow: " + kind + ": " + line + System.lineSeparator();
        }
    }

    /** Appends whole records (with traces) to the file; several RedYellow processes may share it. */
    private static final class FileAppender extends Handler {
        private final Path target;
        private final Formatter formatter = new Formatter() {
            @Override
            public String format(LogRecord record) {
                StringWriter text = new StringWriter();
                PrintWriter w = new PrintWriter(text);
                w.printf("%s %s %s [%d] %s%n", Instant.ofEpochMilli(record.getMillis()), record.getLevel(),
                        record.getLoggerName(), ProcessHandle.current().pid(), formatMessage(record));
                for (Throwable t = record.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                    w.println((t == record.getThrown() ? "" : "Caused by: ") + t);
                    for (StackTraceElement frame : t.getStackTrace()) {
                        w.println("\tat " + frame);
                    }
                    for (Throwable s : t.getSuppressed()) {
                        w.println("\tSuppressed: " + s);
                    }
                }
                w.flush();
                return text.toString();
            }
        };

        FileAppender(Path target) {
            this.target = target;
            setLevel(Level.INFO);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(formatter.format(record));
            } catch (IOException e) {
                // A log that cannot be written must not fail the command it describes.
                reportError("cannot write " + target, e, java.util.logging.ErrorManager.WRITE_FAILURE);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
