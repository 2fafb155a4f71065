package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.manifest.FileSet;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.testing.TestCase;
import dev.redyellow.testing.TestOutcome;
import dev.redyellow.testing.TestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The llm reviewer: the model sees the attempt and the test results; its verdict is parsed strictly. */
class LlmReviewerTest {
    @TempDir
    Path dir;
    private ChatServer server;

    @BeforeEach
    void start() throws Exception {
        server = ChatServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Verdict review(String baseUrl) throws Exception {
        ReviewSettings.Llm settings = new ReviewSettings.Llm(baseUrl, "reviewer-model", null, 0, 500, null, 10);
        TestResult passed = new TestResult(TestOutcome.PASSED, 1, 0, 0,
                List.of(new TestCase("test_add.TestAdd.test_adds", TestCase.Status.PASSED, "", 2)), 5, "", "");
        return new LlmReviewer(settings, name -> null, d -> { }, Duration.ofMillis(1)).review(new ReviewRequest(
                Features.add(new ImplementerSettings.Replay()), 1, Features.workspace(dir),
                FileSet.ofText(Map.of("add.py", "def add(a, b):\n    return a + b\n")), passed, new CapturedOutput()));
    }

    @Test
    void approvesOnAVerdictLineAndShowsTheAttemptAndResultsToTheModel() throws Exception {
        server.then(ChatServer.streaming("Clear and correct.\n", "VERDICT: APPROVED\n"));
        Verdict verdict = review(server.baseUrl());
        assertTrue(verdict.approved());
        assertEquals("Clear and correct.", verdict.feedback());
        var body = new ObjectMapper().readTree(server.received().get(0).body());
        String user = body.path("messages").path(1).path("content").asText();
        assertTrue(user.contains("return a + b") && user.contains("PASSED test_add.TestAdd.test_adds"), user);
        assertTrue(body.path("messages").path(0).path("content").asText().contains(AnswerFormat.VERDICT));
    }

    @Test
    void aRejectionCarriesTheModelsFeedback() throws Exception {
        server.then(ChatServer.streaming("VERDICT: REJECTED\nHandle floats explicitly."));
        Verdict verdict = review(server.baseUrl());
        assertEquals(Verdict.reject("Handle floats explicitly."), verdict);
    }

    @Test
    void notApprovedIsNoApproval() throws Exception {
        server.then(ChatServer.streaming("This is NOT APPROVED."));
        assertFalse(review(server.baseUrl()).approved());
    }

    @Test
    void aModelThatCannotBeAskedRejectsSayingWhy() throws Exception {
        server.then(ChatServer.status(404, "{\"error\":\"model 'reviewer-model' not found\"}", Map.of()));
        Verdict verdict = review(server.baseUrl());
        assertFalse(verdict.approved());
        assertTrue(verdict.feedback().startsWith("the reviewer model gave no verdict: HTTP 404"), verdict.feedback());
    }
}
