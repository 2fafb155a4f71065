package dev.redyellow.testing.worker;

/** Valid Java that javac crashes on when its stack is small, and a way to run on such a stack (tests of javac's crashes). */
public final class DeepCode {
    private DeepCode() {
    }

    /**
     * A class whose method returns 1 inside {@code depth} parentheses: javac parses each level by a
     * recursion of its own and crashes with a StackOverflowError on a small stack (3,000 levels did on
     * the JVM's default 1 MiB stack; the tests take 20,000 on 256 KiB, which no warmed-up JIT gets
     * through; 20,000 on javac's own 8 MiB crashed at times only), yet it is valid Java.
     */
    public static String nested(String packageName, String simpleName, int depth) {
        return "package " + packageName + "; public class " + simpleName + " { public static int one() { return "
                + "(".repeat(depth) + "1" + ")".repeat(depth) + "; } }\n";
    }

    /**
     * Runs {@code body} with javac's own thread ({@link Uninterrupted}) given a {@code stackBytes} stack, the
     * JVM's setting put back after; what it returned or threw. Tests run one at a time in their JVM.
     */
    public static Object onJavacStack(long stackBytes, java.util.concurrent.Callable<?> body) {
        String given = System.getProperty(Uninterrupted.STACK_PROPERTY);
        System.setProperty(Uninterrupted.STACK_PROPERTY, Long.toString(stackBytes));
        try {
            return body.call();
        } catch (Exception | Error e) {
            return e;
        } finally {
            if (given == null) {
                System.clearProperty(Uninterrupted.STACK_PROPERTY);
            } else {
                System.setProperty(Uninterrupted.STACK_PROPERTY, given);
            }
        }
    }

    /** Runs {@code body} on a thread with a {@code stackBytes} stack; what it returned or threw. */
    public static Object onStack(long stackBytes, java.util.concurrent.Callable<?> body) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Object> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(body.call());
            } catch (Exception | Error e) {
                result.set(e);
            }
        }, "small-stack", stackBytes);
        t.start();
        t.join();
        return result.get();
    }
}
