package dev.redyellow.testing.worker;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker to host: how one run went.
 *
 * @param sources         how many Java sources were compiled (0: the workspace has none)
 * @param compileErrors   the compiler's error lines; when any, no test ran
 * @param containerFailed a class or engine failed outside any single test (e.g. in {@code @BeforeAll})
 * @param problem         why the tests could not be run or finish ("" when they could)
 * @param recycle         why this worker must not serve another run ("" when it may)
 * @param restored        the JVM-wide settings the tests changed and the worker put back
 * @param coverage        in a coverage run, the lines each test reached ({@link TestLines#encode()});
 *                        empty when the lines cannot be told apart per test (tests ran in parallel)
 */
public record WorkerReply(int sources, List<String> compileErrors, long compileMillis, long testMillis,
                          List<ReplyCase> cases, boolean containerFailed, String problem, String recycle,
                          List<String> restored, List<String> coverage) {

    public WorkerReply {
        compileErrors = List.copyOf(compileErrors);
        cases = List.copyOf(cases);
        restored = List.copyOf(restored);
        coverage = List.copyOf(coverage);
    }

    /** A reply without coverage. */
    public WorkerReply(int sources, List<String> compileErrors, long compileMillis, long testMillis,
                       List<ReplyCase> cases, boolean containerFailed, String problem, String recycle,
                       List<String> restored) {
        this(sources, compileErrors, compileMillis, testMillis, cases, containerFailed, problem, recycle, restored,
                List.of());
    }

    public Frame frame() {
        Payload.Writer out = new Payload.Writer().number(sources).strings(compileErrors).number(compileMillis)
                .number(testMillis).number(cases.size());
        cases.forEach(c -> c.writeTo(out));
        return new Frame(Frame.Kind.RESULT, out.flag(containerFailed).string(problem).string(recycle).strings(restored)
                .strings(coverage).bytes());
    }

    public static WorkerReply of(Frame frame) throws IOException {
        Payload.Reader in = new Payload.Reader(frame.payload());
        int sources = (int) in.number();
        List<String> errors = in.strings();
        long compileMillis = in.number();
        long testMillis = in.number();
        int count = in.count();
        List<ReplyCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(ReplyCase.readFrom(in));
        }
        return new WorkerReply(sources, errors, compileMillis, testMillis, cases, in.flag(), in.string(), in.string(),
                in.strings(), in.strings());
    }
}
