package dev.redyellow.testing.worker;

import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link ReusedJavacTest} in a JVM without the export of javac's task pool: prints why
 * contexts are not reused, then the errors of a compile of {@code args[0]} against {@code args[1]}.
 */
public final class ReusedJavacFallbackMain {
    private ReusedJavacFallbackMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("not reused: " + WorkspaceCompiler.contextsNotReused());
        Path ws = Path.of(args[0]);
        WorkspaceCompiler.Compilation c = WorkspaceCompiler.reusingContexts(true)
                .compile(ws, ws.resolve(".redyellow/fallback"), List.of(Path.of(args[1])));
        System.out.println("errors: " + c.errors());
    }
}
