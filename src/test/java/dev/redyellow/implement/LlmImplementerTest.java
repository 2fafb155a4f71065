package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.manifest.ImplementerSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The llm implementer against a local server that speaks the chat-completions SSE protocol and plays its faults. */
class LlmImplementerTest {
    private static final String KEY = "sk-test-4f1e9a7c";
    private static final String ANSWER_HEAD = "Here is the code.\n\n```python add.py\ndef add(a, b):\n";
    private static final String ANSWER_TAIL = "    return a + b\n```\n";

    @TempDir
    Path dir;
    private ChatServer server;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final CapturedOutput out = new CapturedOutput();

    @BeforeEach
    void start() throws Exception {
        server = ChatServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ImplementerSettings.Llm settings(String baseUrl, String apiKeyEnv, int timeoutSeconds) {
        return new ImplementerSettings.Llm(baseUrl, "test-model", apiKeyEnv, 0.1, 2000, null, timeoutSeconds);
    }

    private AttemptResult implement(ImplementerSettings.Llm settings, Map<String, String> env) throws Exception {
        LlmImplementer implementer = new LlmImplementer(settings, env::get, pauses::add, Duration.ofMillis(100));
        return implementer.implement(new AttemptRequest(Features.add(settings), 1, Features.workspace(dir),
                Optional.empty(), out));
    }

    private AttemptResult implement() throws Exception {
        return implement(settings(server.baseUrl(), "TEST_LLM_KEY", 30), Map.of("TEST_LLM_KEY", KEY));
    }

    @Test
    void streamsTheAnswerLiveAndTakesTheFilesItNames() throws Exception {
        server.then(ChatServer.streaming(ANSWER_HEAD, ANSWER_TAIL));
        AttemptResult result = implement();
        AttemptResult.Produced produced = assertInstanceOf(AttemptResult.Produced.class, result, out.text());
        assertEquals("def add(a, b):\n    return a + b\n", produced.files().text("add.py"));
        assertTrue(out.stdout().contains(ANSWER_HEAD + ANSWER_TAIL), out.stdout());
        assertTrue(out.writes() >= 2, "each piece is written as it arrives");
    }

    @Test
    void sendsModelSettingsPromptAndKeyAsTheProtocolWants() throws Exception {
        server.then(ChatServer.streaming(ANSWER_HEAD + ANSWER_TAIL));
        implement(new ImplementerSettings.Llm(server.baseUrl() + "/", "test-model", "TEST_LLM_KEY", 0.1, 2000,
                "You write tiny Python.", 30), Map.of("TEST_LLM_KEY", KEY));
        ChatServer.Received request = server.received().get(0);
        assertEquals("/v1/chat/completions", request.path());
        assertEquals("Bearer " + KEY, request.authorization());
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertEquals("test-model", body.path("model").asText());
        assertTrue(body.path("stream").asBoolean());
        assertEquals(2000, body.path("max_tokens").asInt());
        assertEquals(0.1, body.path("temperature").asDouble());
        String system = body.path("messages").path(0).path("content").asText();
        assertTrue(system.startsWith("You write tiny Python.") && system.contains(AnswerFormat.FILES), system);
        String user = body.path("messages").path(1).path("content").asText();
        assertTrue(user.contains(Features.TEST) && user.contains("base_helper.py") && user.contains("HELPER = 1"), user);
    }

    @Test
    void sendsNoAuthorizationWhenNoKeyIsNamed() throws Exception {
        server.then(ChatServer.streaming(ANSWER_HEAD + ANSWER_TAIL));
        implement(settings(server.baseUrl(), null, 30), Map.of());
        assertEquals("", server.received().get(0).authorization());
    }

    @Test
    void aMissingKeyVariableFailsForGoodWithoutAsking() throws Exception {
        AttemptResult result = implement(settings(server.baseUrl(), "TEST_LLM_KEY", 30), Map.of());
        assertEquals(new AttemptResult.NoCode("the environment variable TEST_LLM_KEY (named by apiKeyEnv) is not set,"
                + " so there is no API key to send", true), result);
        assertEquals(List.of(), server.received());
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AttemptResult result = implement(settings("http://127.0.0.1:" + port + "/v1", null, 30), Map.of());
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertTrue(noCode.reason().startsWith("could not connect to http://127.0.0.1:" + port
                + "/v1/chat/completions: connection refused"), noCode.reason());
    }

    @Test
    void aRefusedKeyFailsForGoodAndTheKeyNeverAppearsInTheReason() throws Exception {
        server.then(ChatServer.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}",
                Map.of()));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertTrue(noCode.exhausted());
        assertEquals("the server refused the request (HTTP 401): Incorrect API key provided: ***; check the key in the"
                + " environment variable TEST_LLM_KEY", noCode.reason());
        assertFalse(out.text().contains(KEY), out.text());
    }

    @Test
    void anUnknownModelNamesTheModel() throws Exception {
        server.then(ChatServer.status(404, "{\"error\":{\"message\":\"model 'test-model' not found\"}}", Map.of()));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertTrue(noCode.exhausted());
        assertTrue(noCode.reason().contains("the model \"test-model\" or the endpoint does not exist there: model"
                + " 'test-model' not found"), noCode.reason());
    }

    @Test
    void aRateLimitIsRetriedAfterTheServersRetryAfter() throws Exception {
        server.then(ChatServer.status(429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "2")),
                ChatServer.streaming(ANSWER_HEAD + ANSWER_TAIL));
        assertInstanceOf(AttemptResult.Produced.class, implement(), out.text());
        assertEquals(List.of(Duration.ofSeconds(2)), pauses);
        assertTrue(out.text().contains("HTTP 429 (rate limited): slow down; retry 1 of 3 in 2000 ms"), out.text());
    }

    @Test
    void serverErrorsAreRetriedWithGrowingWaitsThenGivenUp() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.then(ChatServer.status(503, "overloaded", Map.of()));
        }
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertEquals("the server kept failing: HTTP 503 (server error): overloaded; gave up after 3 retries", noCode.reason());
        assertFalse(noCode.exhausted());
        assertEquals(4, server.received().size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
    }

    @Test
    void retriesStopWhenTheirWaitsWouldPassTheTimeLimit() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.then(ChatServer.status(503, "overloaded", Map.of()));
        }
        // the waits pass on a ticker the test moves: 2 s, then 4 s would end at 6 s, past the limit of 5 s
        long[] now = {0};
        Pause time = new Pause() {
            @Override
            public void sleep(Duration d) {
                pauses.add(d);
                now[0] += d.toNanos();
            }

            @Override
            public long nanoTime() {
                return now[0];
            }
        };
        LlmImplementer implementer = new LlmImplementer(settings(server.baseUrl(), null, 5), Map.<String, String>of()::get,
                time, Duration.ofSeconds(2));
        AttemptResult result = implementer.implement(new AttemptRequest(Features.add(settings(server.baseUrl(), null, 5)), 1,
                Features.workspace(dir), Optional.empty(), out));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertEquals(List.of(Duration.ofSeconds(2)), pauses);
        assertTrue(noCode.reason().contains("the server asks to wait 4 s, beyond the time limit of 5 s"), noCode.reason());
        assertEquals(2, server.received().size());
    }

    @Test
    void aRetryAfterBeyondTheTimeLimitEndsTheAttemptAtOnce() throws Exception {
        server.then(ChatServer.status(429, "{}", Map.of("Retry-After", "50")));
        AttemptResult result = implement(settings(server.baseUrl(), null, 10), Map.of());
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertTrue(noCode.reason().contains("the server asks to wait 50 s, beyond the time limit of 10 s"), noCode.reason());
        assertEquals(List.of(), pauses);
    }

    @Test
    void malformedStreamLinesAreSkippedWithANote() throws Exception {
        server.then(ChatServer.lines(": keep-alive", "event: message", "data: " + ChatServer.delta(ANSWER_HEAD, null),
                "", "data: {this is not json", "", "data: " + ChatServer.delta(ANSWER_TAIL, null), "",
                "data: " + ChatServer.delta(null, "stop"), "", "data: [DONE]", ""));
        assertInstanceOf(AttemptResult.Produced.class, implement(), out.text());
        assertTrue(out.text().contains("[redyellow] skipped a stream line that is not a JSON object: {this is not json"),
                out.text());
    }

    @Test
    void aStreamCutOffMidAnswerFailsAndKeepsThePartialTextInTheOutput() throws Exception {
        server.then(ChatServer.lines("data: " + ChatServer.delta(ANSWER_HEAD, null), ""));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertEquals("the answer was cut off: the stream ended without [DONE] after " + ANSWER_HEAD.length()
                + " characters (shown in the output)", noCode.reason());
        assertTrue(out.stdout().contains(ANSWER_HEAD), out.stdout());
    }

    @Test
    void aServerThatStopsAnsweringHitsTheTimeLimit() throws Exception {
        server.then(server.stalling(ANSWER_HEAD));
        AttemptResult result = implement(settings(server.baseUrl(), null, 3), Map.of());
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertEquals("no complete answer within the time limit of 3 s; " + ANSWER_HEAD.length()
                + " characters had arrived (shown in the output)", noCode.reason());
        assertTrue(out.stdout().contains(ANSWER_HEAD), out.stdout());
    }

    @Test
    void anErrorInsideTheStreamFailsTheAttempt() throws Exception {
        server.then(ChatServer.lines("data: " + ChatServer.delta("Hel", null), "",
                "data: {\"error\":{\"message\":\"context length exceeded\"}}", ""));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertTrue(noCode.reason().startsWith("the server reported an error in the stream: context length exceeded"),
                noCode.reason());
    }

    @Test
    void anAnswerWithoutNamedFilesProducesNoCode() throws Exception {
        server.then(ChatServer.streaming("Use this:\n```python\ndef add(a, b): return a + b\n```\n"));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertTrue(noCode.reason().startsWith("the model's answer named no file"), noCode.reason());
    }

    @Test
    void aPathThatLeavesTheWorkspaceFailsTheAttempt() throws Exception {
        server.then(ChatServer.streaming("```python ../evil.py\nx = 1\n```\n"));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertEquals("the model's answer named an unusable path \"../evil.py\": it contains a \"..\" segment;"
                + " it must stay inside the workspace", noCode.reason());
    }

    @Test
    void rewritingATestFileFailsTheAttempt() throws Exception {
        server.then(ChatServer.streaming("```python add.py\nx = 1\n```\n```python test_add.py\npass\n```\n"));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, implement());
        assertEquals("the model's answer rewrites the test file test_add.py; tests are not the implementer's to change",
                noCode.reason());
    }
}
