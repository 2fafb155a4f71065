package dev.redyellow.testing.worker;

import java.io.IOException;
import java.util.List;

/**
 * Host to worker: compile this workspace and run these test classes (every test class of the
 * workspace when none are named).
 */
public record WorkerRequest(String workspace, List<String> selectedClasses) {

    public WorkerRequest {
        selectedClasses = List.copyOf(selectedClasses);
    }

    public Frame frame() {
        return new Frame(Frame.Kind.RUN, new Payload.Writer().string(workspace).strings(selectedClasses).bytes());
    }

    public static WorkerRequest of(Frame frame) throws IOException {
        Payload.Reader in = new Payload.Reader(frame.payload());
        return new WorkerRequest(in.string(), in.strings());
    }
}
