package dev.redyellow.testing.worker;

import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileObject;

/**
 * A javac diagnostic with its message formatted when javac reported it. javac formats a message only when
 * asked, through its context (whose formatter may complete symbols, reading class files through the file
 * manager): asked later, on the caller's thread, that read could be interrupted (closing a kept jar's channel,
 * see {@link Uninterrupted}), and a reused context could be compiling for another thread by then.
 */
record SettledDiagnostic(Kind kind, JavaFileObject source, long position, long startPosition, long endPosition,
                         long lineNumber, long columnNumber, String code, String message)
        implements Diagnostic<JavaFileObject> {

    /** {@code d}, settled: its message in {@link Locale#ROOT}, as {@link WorkspaceCompiler} reads it. */
    static SettledDiagnostic of(Diagnostic<? extends JavaFileObject> d) {
        return new SettledDiagnostic(d.getKind(), d.getSource(), d.getPosition(), d.getStartPosition(),
                d.getEndPosition(), d.getLineNumber(), d.getColumnNumber(), d.getCode(), d.getMessage(Locale.ROOT));
    }

    /** A listener for javac that settles each diagnostic, on javac's thread, before {@code into} gets it. */
    static DiagnosticListener<JavaFileObject> settling(DiagnosticListener<? super JavaFileObject> into) {
        return d -> into.report(of(d));
    }

    @Override
    public Kind getKind() {
        return kind;
    }

    @Override
    public JavaFileObject getSource() {
        return source;
    }

    @Override
    public long getPosition() {
        return position;
    }

    @Override
    public long getStartPosition() {
        return startPosition;
    }

    @Override
    public long getEndPosition() {
        return endPosition;
    }

    @Override
    public long getLineNumber() {
        return lineNumber;
    }

    @Override
    public long getColumnNumber() {
        return columnNumber;
    }

    @Override
    public String getCode() {
        return code;
    }

    /** The message as javac formatted it in {@link Locale#ROOT}, whatever {@code locale} is asked for. */
    @Override
    public String getMessage(Locale locale) {
        return message;
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
