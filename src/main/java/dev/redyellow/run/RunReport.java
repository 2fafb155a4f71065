package dev.redyellow.run;

import dev.redyellow.cluster.MemberFigures;
import dev.redyellow.files.AtomicFiles;
import dev.redyellow.graph.DependencyEdge;
import dev.redyellow.store.BlobMetrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cycle.AttemptRecord;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.Transition;
import dev.redyellow.testing.Mutant;
import dev.redyellow.testing.MutationResult;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.WarmPoolState;
import dev.redyellow.testing.TestResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON report of SPEC section 5. Field names are a contract: fields may be added, none renamed.
 * Written to a temporary file and moved into place, so a reader never sees half a report.
 */
public final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {
    }

    public static void write(RunResult result, Path file) throws IOException {
        write(result, null, file);
    }

    /** The report, with the warm test workers' figures in {@code metrics.testWorkers} when there are any. */
    public static void write(RunResult result, WarmPoolState workers, Path file) throws IOException {
        write(result, workers, java.util.List.of(), file);
    }

    /** As {@link #write(RunResult, WarmPoolState, Path)}, with each cluster member's figures in {@code metrics.cluster}. */
    public static void write(RunResult result, WarmPoolState workers, java.util.List<MemberFigures> members, Path file)
            throws IOException {
        ObjectNode json = toJson(result);
        if (!members.isEmpty()) {
            ArrayNode list = ((ObjectNode) json.get("metrics")).putObject("cluster").putArray("members");
            members.forEach(m -> list.addObject().put("address", m.address()).put("testRuns", m.testRuns())
                    .put("seconds", m.seconds()));
        }
        if (workers != null && workers.workersStarted() > 0) {
            ObjectNode w = ((ObjectNode) json.get("metrics")).putObject("testWorkers");
            w.put("started", workers.workersStarted());
            w.put("runs", workers.runs());
            w.put("recycles", workers.recycles());
        }
        AtomicFiles.write(file, JSON.writeValueAsBytes(json));
    }

    public static ObjectNode toJson(RunResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("manifest", result.manifest().file().toString());
        root.put("name", result.manifest().name());
        root.put("allGreen", result.allGreen());
        root.put("cancelled", result.cancelled());
        if (result.stopReason() != null) {
            root.put("stopReason", result.stopReason());
        }
        ArrayNode features = root.putArray("features");
        for (FeatureOutcome o : result.outcomes()) {
            features.add(feature(o));
        }
        ArrayNode edges = root.putArray("edges");
        for (DependencyEdge e : result.edges()) {
            edges.addObject().put("from", e.dependency()).put("to", e.dependent()).put("kind", e.kind().label())
                    .put("reason", e.reason());
        }
        ObjectNode metrics = metrics(result.metrics());
        BlobMetrics store = result.codeStore();
        metrics.putObject("codeStore").put("logicalBytes", store.logicalBytes()).put("storedBytes", store.storedBytes())
                .put("dedupRatio", store.dedupRatio()).put("bytesInMemory", store.bytesInMemory())
                .put("bytesOnDisk", store.bytesOnDisk()).put("spills", store.spills())
                .put("memoryReads", store.memoryReads()).put("diskReads", store.diskReads());
        root.set("metrics", metrics);
        return root;
    }

    private static ObjectNode feature(FeatureOutcome o) {
        ObjectNode f = JSON.createObjectNode();
        f.put("id", o.id());
        f.put("state", o.state().name());
        f.put("reason", o.reason());
        f.put("attempts", o.attempts());
        f.put("testRuns", o.testRuns());
        f.put("cacheHits", o.cacheHits());
        f.put("seconds", o.seconds());
        ObjectNode tests = f.putObject("tests");
        tests.put("passed", o.lastResult().map(TestResult::passed).orElse(0));
        tests.put("failed", o.lastResult().map(TestResult::failed).orElse(0));
        tests.put("skipped", o.lastResult().map(TestResult::skipped).orElse(0));
        ArrayNode transitions = f.putArray("transitions");
        for (Transition t : o.transitions()) {
            ObjectNode n = transitions.addObject();
            n.put("from", t.from().name());
            n.put("to", t.to().name());
            n.put("at", t.at().toString());
            n.put("reason", t.reason());
        }
        ArrayNode history = f.putArray("history");
        for (AttemptRecord a : o.history()) {
            history.add(attempt(a));
        }
        o.mutation().ifPresent(m -> f.set("mutation", mutation(m)));
        return f;
    }

    /** {@code features[].mutation}: the counts and score when measured, else why not. */
    private static ObjectNode mutation(MutationResult m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("measured", m.measured());
        if (!m.measured()) {
            n.put("detail", m.detail());
            return n;
        }
        n.put("generated", m.generated());
        n.put("killed", m.killed());
        n.put("survived", m.survived());
        n.put("score", m.score());
        n.put("cached", m.cached());
        if (m.perClassCap() > 0) {
            // PIT measured at most this many mutants per class: a class with more was sampled
            n.put("maxMutantsPerClass", m.perClassCap());
        }
        ArrayNode survivors = n.putArray("survivors");
        for (Mutant s : m.survivors()) {
            survivors.addObject().put("file", s.file()).put("line", s.line()).put("change", s.change());
        }
        return n;
    }

    private static ObjectNode attempt(AttemptRecord a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("attempt", a.attempt());
        ArrayNode files = n.putArray("files");
        a.files().paths().forEach(files::add);
        a.result().ifPresent(r -> {
            n.put("outcome", r.outcome().name());
            n.put("passed", r.passed());
            n.put("failed", r.failed());
            ArrayNode failures = n.putArray("failures");
            for (TestCase c : r.failures()) {
                failures.addObject().put("test", c.name()).put("message", c.message());
            }
        });
        a.verdict().ifPresent(v -> n.put("approved", v.approved()));
        n.put("note", a.note());
        return n;
    }

    /** The shared tier's figures; its URL never holds credentials (RemoteCacheSettings refuses them). */
    private static void remoteCache(ObjectNode n, dev.redyellow.cache.RemoteCacheStats r) {
        n.put("url", r.url()).put("readOnly", r.readOnly()).put("requests", r.requests()).put("hits", r.hits())
                .put("misses", r.misses()).put("errors", r.errors()).put("bytesUp", r.bytesUp())
                .put("bytesDown", r.bytesDown()).put("seconds", r.seconds()).put("uploads", r.uploads())
                .put("uploadsLost", r.uploadsLost());
        r.offReason().ifPresentOrElse(reason -> n.put("offReason", reason), () -> n.putNull("offReason"));
    }

    private static ObjectNode metrics(RunMetrics m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("wallSeconds", m.wallSeconds());
        n.put("sumFeatureSeconds", m.sumFeatureSeconds());
        n.put("speedup", m.speedup());
        n.put("boundSeconds", m.boundSeconds());
        n.put("efficiency", m.efficiency());
        n.put("workers", m.workers());
        n.put("peakConcurrency", m.peakConcurrency());
        ObjectNode cache = n.putObject("cache");
        cache.put("requests", m.cache().requests());
        cache.put("hits", m.cache().hits());
        cache.put("misses", m.cache().misses());
        cache.put("hitRate", m.cache().hitRate());
        cache.put("savedSeconds", m.cache().savedSeconds());
        m.cache().remote().ifPresent(r -> remoteCache(cache.putObject("remote"), r));
        ArrayNode timeline = n.putArray("timeline");
        for (TimelineEntry e : m.timeline()) {
            timeline.addObject().put("feature", e.feature()).put("worker", e.worker()).put("start", e.start())
                    .put("end", e.end()).put("state", e.state());
        }
        return n;
    }
}
