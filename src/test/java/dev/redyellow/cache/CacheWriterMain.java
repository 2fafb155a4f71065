package dev.redyellow.cache;

import java.nio.file.Path;
import java.util.Set;

/**
 * A second process for {@link CacheProcessesTest}: stores entries under keys {@code <prefix><n>} into
 * the cache file, reads each back, and prints {@code stored <n>} once it is committed. Arguments:
 * file, prefix, count (a negative count writes until the process is killed). Exit code 3 when a
 * stored entry cannot be read back.
 */
public final class CacheWriterMain {

    private CacheWriterMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        try (OpenedCache opened = TestCaches.open(file, CacheSettings.defaults())) {
            if (!opened.enabled()) {
                System.err.println("disabled: " + opened.warnings());
                System.exit(2);
            }
            for (int n = 0; count < 0 || n < count; n++) {
                CacheKey key = Results.key(prefix + n);
                opened.cache().store(key, prefix, Set.of(), Results.passed(n));
                if (opened.cache().lookup(key).isEmpty()) {
                    System.err.println("lost " + prefix + n);
                    System.exit(3);
                }
                System.out.println("stored " + n);
                System.out.flush();
            }
        }
    }
}
