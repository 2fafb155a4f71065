package dev.redyellow.testing.worker;

import java.io.IOException;
import java.util.List;

/**
 * Host to worker: compile this workspace (unless the host has compiled it into its
 * {@code .redyellow/classes} already) and run these test classes (every test class of the workspace
 * when none are named).
 */
public record WorkerRequest(String workspace, List<String> selectedClasses, boolean compiled) {

    public WorkerRequest {
        selectedClasses = List.copyOf(selectedClasses);
    }

    /** A request to compile the workspace, then run its tests. */
    public WorkerRequest(String workspace, List<String> selectedClasses) {
        this(workspace, selectedClasses, false);
    }

    public Frame frame() {
        return new Frame(Frame.Kind.RUN, new Payload.Writer().string(workspace).strings(selectedClasses).flag(compiled).bytes());
    }

    public static WorkerRequest of(Frame frame) throws IOException {
        Payload.Reader in = new Payload.Reader(frame.payload());
        return new WorkerRequest(in.string(), in.strings(), in.flag());
    }
}
