package dev.redyellow.testing.worker;

import java.io.IOException;
import java.util.List;

/**
 * Host to worker: compile this workspace (unless the host has compiled it into its
 * {@code .redyellow/classes} already) and run these test classes (every test class of the workspace
 * when none are named).
 *
 * @param classPath class folders that follow the workspace's own classes and resources on the test
 *                  class path: the base's classes when the host compiled only the workspace's own
 *                  sources against them (issue 19)
 * @param mutation  what makes the run part of a mutation measurement (issue 22), or
 *                  {@link MutationRun#NONE} for a test run
 */
public record WorkerRequest(String workspace, List<String> selectedClasses, boolean compiled, List<String> classPath,
                            MutationRun mutation) {

    public WorkerRequest {
        selectedClasses = List.copyOf(selectedClasses);
        classPath = List.copyOf(classPath);
        mutation = mutation == null ? MutationRun.NONE : mutation;
    }

    /** A plain run of compiled classes, with the base's class folders after the workspace's own. */
    public WorkerRequest(String workspace, List<String> selectedClasses, boolean compiled, List<String> classPath) {
        this(workspace, selectedClasses, compiled, classPath, MutationRun.NONE);
    }

    /** A request whose tests need nothing but the workspace's own classes and resources. */
    public WorkerRequest(String workspace, List<String> selectedClasses, boolean compiled) {
        this(workspace, selectedClasses, compiled, List.of());
    }

    /** A request to compile the workspace, then run its tests. */
    public WorkerRequest(String workspace, List<String> selectedClasses) {
        this(workspace, selectedClasses, false);
    }

    public Frame frame() {
        Payload.Writer out = new Payload.Writer().string(workspace).strings(selectedClasses).flag(compiled).strings(classPath);
        mutation.writeTo(out);
        return new Frame(Frame.Kind.RUN, out.bytes());
    }

    public static WorkerRequest of(Frame frame) throws IOException {
        Payload.Reader in = new Payload.Reader(frame.payload());
        return new WorkerRequest(in.string(), in.strings(), in.flag(), in.strings(), MutationRun.readFrom(in));
    }
}
