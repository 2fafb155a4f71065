package dev.redyellow.cache;

/** Prints {@link ToolStamps#javaRuntime()} of the JVM it runs in (for {@code CacheKeyTest}, in a JVM of its own). */
public final class PrintRuntimeStamp {
    private PrintRuntimeStamp() {
    }

    public static void main(String[] args) {
        System.out.println(ToolStamps.javaRuntime());
    }
}
