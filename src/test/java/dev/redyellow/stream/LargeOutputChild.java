package dev.redyellow.stream;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM with a small heap by {@link LargeOutputTest}: pipes {@code args[1]} bytes of
 * 'x' from a real {@code head | tr} pipeline through the whole streaming path into a log file under
 * {@code args[0]}, with a slow viewer subscribed as well. Exits 0 when everything went through.
 */
public final class LargeOutputChild {

    private LargeOutputChild() {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        ChunkPublisher publisher = new ChunkPublisher();
        LogFileSubscriber log = new LogFileSubscriber(runDir);
        publisher.subscribeLossless("log", log);
        AtomicLong slowSeen = new AtomicLong();
        publisher.subscribe("slow", new CallbackSubscriber(chunk -> {
            slowSeen.incrementAndGet();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), 16);
        StreamingOutput streaming = new StreamingOutput(publisher);

        Process writer = new ProcessBuilder("sh", "-c", "head -c " + bytes + " /dev/zero | tr '\\0' x").start();
        try (StreamingOutput.StepSink sink = streaming.open("big", 1, ChunkKind.TEST_OUTPUT)) {
            ProcessOutputPump.pump(writer, sink, 64 * 1024);
        }
        int exit = writer.waitFor();
        publisher.close();
        log.throwIfFailed();

        Runtime runtime = Runtime.getRuntime();
        System.out.println("published " + publisher.metrics().snapshot());
        publisher.subscriberSnapshots().forEach((name, figures) -> System.out.println(name + " " + figures));
        System.out.println("slow viewer saw " + slowSeen.get() + " chunks; max heap " + runtime.maxMemory() / (1024 * 1024) + " MB");
        System.exit(exit == 0 ? 0 : 10 + exit);
    }
}
