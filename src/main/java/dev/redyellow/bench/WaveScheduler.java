package dev.redyellow.bench;

import dev.redyellow.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The original's design, kept only as the benchmark's baseline: run the graph level by level, each
 * level waiting for its slowest feature before the next one starts.
 */
final class WaveScheduler {

    interface Work {
        void run(String id) throws InterruptedException;
    }

    private WaveScheduler() {
    }

    static void run(FeatureGraph graph, int workers, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (List<String> level : graph.levels()) {
                List<Future<?>> wave = new ArrayList<>();
                for (String id : level) {
                    wave.add(pool.submit(() -> {
                        work.run(id);
                        return null;
                    }));
                }
                for (Future<?> f : wave) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
