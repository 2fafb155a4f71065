package dev.redyellow.implement;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redyellow.cycle.FeatureOutcome;
import dev.redyellow.cycle.FeatureState;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ManifestLoader;
import dev.redyellow.run.RunEngine;
import dev.redyellow.run.RunListener;
import dev.redyellow.run.RunOptions;
import dev.redyellow.run.RunResult;
import dev.redyellow.run.RunStreams;
import dev.redyellow.testing.TestRunners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole features through the engine with the real implementers: a script, and a model streaming from a local server. */
class ImplementerRunTest {
    private final TestRunners runners = TestRunners.standard();

    @org.junit.jupiter.api.AfterEach
    void closeRunners() {
        runners.close();
    }

    private static final String WRONG = "```python add.py\ndef add(a, b):\n    return a - b\n```\n";
    private static final String RIGHT = "```python add.py\ndef add(a, b):\n    return a + b\n```\n";

    @TempDir
    Path tmp;
    private ChatServer server;

    @BeforeEach
    void start() throws Exception {
        server = ChatServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ObjectNode llm(String kind) {
        return PyManifest.object().put("kind", kind).put("baseUrl", server.baseUrl()).put("model", "test-model")
                .put("timeoutSeconds", 30);
    }

    private record Ran(FeatureOutcome add, RunStreams streams) {
    }

    private Ran run(PyManifest project) throws Exception {
        Manifest manifest = ManifestLoader.load(project.write(tmp.resolve("project/manifest.json")));
        Path runDir = tmp.resolve("run");
        RunStreams streams = new RunStreams(runDir);
        RunResult result = new RunEngine(manifest, new RunOptions(1, runDir, false, ManualDecisions.NOBODY, streams),
                runners, RunListener.NONE, Clock.systemUTC()).run();
        streams.close();
        return new Ran(result.outcomes().get(0), streams);
    }

    private static List<String> path(FeatureOutcome o) {
        return o.transitions().stream().map(t -> t.from() + "->" + t.to()).toList();
    }

    private String userPrompt(int request) throws Exception {
        return new ObjectMapper().readTree(server.received().get(request).body()).path("messages").path(1)
                .path("content").asText();
    }

    @Test
    void aFeatureGoesRedYellowGreenWithCodeStreamedFromTheModel() throws Exception {
        server.then(ChatServer.streaming("First try:\n", WRONG), ChatServer.streaming("Fixed:\n", RIGHT));
        PyManifest project = new PyManifest("llm-run", llm("llm"), PyManifest.object().put("kind", "auto"))
                .feature("add", "add(a, b) returns the sum", "from add import add", "self.assertEqual(5, add(2, 3))", null);
        Ran ran = run(project);
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"), path(ran.add()), ran.add().reason());
        assertEquals(FeatureState.GREEN, ran.add().state());
        assertEquals("def add(a, b):\n    return a + b\n", ran.add().acceptedFiles().restore().text("add.py"));
        String retry = userPrompt(1);
        assertTrue(retry.contains("## What went wrong before") && retry.contains("AssertionError: 5 != -1"), retry);
        String log = Files.readString(ran.streams().logFile("add", 2));
        assertTrue(log.contains("Fixed:"), log);
    }

    @Test
    void aFeatureGoesRedYellowGreenWithAScriptAsImplementer() throws Exception {
        Path script = Files.createDirectories(tmp.resolve("agent")).resolve("agent.py");
        Files.writeString(script, """
                import os, sys, pathlib
                prompt = pathlib.Path(sys.argv[1]).read_text()
                body = 'a + b' if 'What went wrong before' in prompt else 'a - b'
                print('attempt', os.environ['REDYELLOW_ATTEMPT'], 'writes', body)
                pathlib.Path(sys.argv[2], 'add.py').write_text('def add(a, b):\\n    return ' + body + '\\n')
                """);
        ObjectNode command = PyManifest.object().put("kind", "command").put("timeoutSeconds", 30);
        command.putArray("command").add("python3").add(script.toString()).add("{prompt}").add("{workspace}");
        PyManifest project = new PyManifest("command-run", command, PyManifest.object().put("kind", "auto"))
                .feature("add", "add(a, b) returns the sum", "from add import add", "self.assertEqual(5, add(2, 3))", null);
        Ran ran = run(project);
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->YELLOW", "YELLOW->GREEN"), path(ran.add()), ran.add().reason());
        assertTrue(Files.readString(ran.streams().logFile("add", 2)).contains("attempt 2 writes a + b"));
    }

    @Test
    void theLlmReviewersFeedbackReachesTheNextAttempt() throws Exception {
        server.then(ChatServer.streaming(RIGHT), ChatServer.streaming("VERDICT: REJECTED\nName the parameters x and y."),
                ChatServer.streaming(RIGHT.replace("a, b", "x, y").replace("a + b", "x + y")),
                ChatServer.streaming("VERDICT: APPROVED\nGood."));
        PyManifest project = new PyManifest("review-run", llm("llm"), llm("llm"))
                .feature("add", "add(a, b) returns the sum", "from add import add", "self.assertEqual(5, add(2, 3))", null);
        Ran ran = run(project);
        assertEquals(List.of("PENDING->RED", "RED->YELLOW", "YELLOW->RED", "RED->YELLOW", "YELLOW->GREEN"),
                path(ran.add()), ran.add().reason());
        assertTrue(userPrompt(2).contains("the review rejected it:\nName the parameters x and y."), userPrompt(2));
        assertEquals("approved: Good.", ran.add().reason());
    }

    @Test
    void anAgentThatEditsTheTestsNeverGetsItsAttemptTested() throws Exception {
        Path script = Files.createDirectories(tmp.resolve("agent")).resolve("cheat.py");
        Files.writeString(script, """
                import sys, pathlib
                ws = pathlib.Path(sys.argv[1])
                (ws / 'add.py').write_text('def add(a, b):\\n    return 0\\n')
                (ws / 'test_add.py').write_text('import unittest\\nclass T(unittest.TestCase):\\n    def test(self): pass\\n')
                """);
        ObjectNode command = PyManifest.object().put("kind", "command").put("timeoutSeconds", 30);
        command.putArray("command").add("python3").add(script.toString()).add("{workspace}");
        PyManifest project = new PyManifest("cheat-run", command, PyManifest.object().put("kind", "auto"))
                .feature("add", "add(a, b) returns the sum", "from add import add", "self.assertEqual(5, add(2, 3))", null);
        Ran ran = run(project);
        assertEquals(FeatureState.FAILED, ran.add().state());
        assertEquals(List.of("PENDING->RED", "RED->RED", "RED->RED", "RED->RED", "RED->FAILED"), path(ran.add()));
        assertTrue(ran.add().transitions().get(1).reason().equals("attempt 1 produced no code: the implementer changed"
                + " the test file test_add.py; tests are not the implementer's to change"), ran.add().transitions().get(1).reason());
    }
}
