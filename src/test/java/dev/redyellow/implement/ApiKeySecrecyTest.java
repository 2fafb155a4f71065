package dev.redyellow.implement;

import dev.redyellow.testkit.PyManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API key reaches the server and nothing else: a real {@code redyellow run} in its own JVM, with
 * the key in its environment, a cache and run-history database, logs and a report, one feature GREEN
 * and one refused by a server that quotes the key back. Every byte it leaves behind is searched.
 */
class ApiKeySecrecyTest {
    private static final String KEY = "sk-secret-7d3b91e0c4a2";

    @TempDir
    Path tmp;
    private ChatServer good;
    private ChatServer refusing;

    @BeforeEach
    void start() throws Exception {
        good = ChatServer.start();
        refusing = ChatServer.start();
    }

    @AfterEach
    void stop() {
        good.close();
        refusing.close();
    }

    private static ObjectNode llm(ChatServer server) {
        return PyManifest.object().put("kind", "llm").put("baseUrl", server.baseUrl()).put("model", "test-model")
                .put("apiKeyEnv", "REDYELLOW_TEST_KEY").put("timeoutSeconds", 30);
    }

    @Test
    void theKeyIsInNoOutputLogReportOrDatabase() throws Exception {
        good.then(ChatServer.streaming("```python add.py\ndef add(a, b):\n    return a + b\n```\n"),
                ChatServer.streaming("Fine.\nVERDICT: APPROVED\n"));
        refusing.then(ChatServer.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}", Map.of()));
        Path manifest = new PyManifest("secrecy", llm(good), llm(good))
                .feature("add", "add(a, b) returns the sum", "from add import add", "self.assertEqual(5, add(2, 3))", null)
                .feature("sub", "sub(a, b) subtracts", "from sub import sub", "self.assertEqual(1, sub(3, 2))", llm(refusing))
                .write(tmp.resolve("project/manifest.json"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path report = tmp.resolve("report.json");
        Path db = tmp.resolve("redyellow.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.redyellow.Main", "run", manifest.toString(), "--workers", "1", "--report", report.toString(),
                "--cache-db", db.toString(), "--stream", "--approve-all")
                .redirectOutput(tmp.resolve("stdout.txt").toFile()).redirectError(tmp.resolve("stderr.txt").toFile());
        builder.environment().put("REDYELLOW_TEST_KEY", KEY);
        builder.environment().remove("REDYELLOW_DB");
        Process run = builder.start();
        assertTrue(run.waitFor(170, TimeUnit.SECONDS), "the run did not end");
        String stdout = Files.readString(tmp.resolve("stdout.txt"));
        assertEquals(1, run.exitValue(), stdout + Files.readString(tmp.resolve("stderr.txt")));

        assertEquals("Bearer " + KEY, good.received().get(0).authorization());
        assertEquals("Bearer " + KEY, refusing.received().get(0).authorization());
        String reportText = Files.readString(report);
        assertTrue(reportText.contains("Incorrect API key provided: ***"), reportText);
        assertTrue(stdout.contains("GREEN"), stdout);

        List<Path> searched = new ArrayList<>(List.of(tmp.resolve("stdout.txt"), tmp.resolve("stderr.txt"), report));
        try (Stream<Path> left = Stream.concat(Files.walk(home), Files.list(tmp).filter(p -> p.getFileName().toString()
                .startsWith("redyellow.db")))) {
            left.filter(Files::isRegularFile).forEach(searched::add);
        }
        assertTrue(searched.stream().anyMatch(p -> p.getFileName().toString().endsWith(".log")), "no log file: " + searched);
        assertTrue(searched.contains(db), searched.toString());
        List<Path> databases = searched.stream().filter(p -> p.getFileName().toString().startsWith("redyellow.db")).toList();
        boolean reasonStored = false;
        for (Path file : databases) {
            reasonStored |= holds(file, "Incorrect API key provided: ***");
        }
        assertTrue(reasonStored, "the refusal's reason is in the run history: " + databases);
        for (Path file : searched) {
            assertFalse(holds(file, KEY), file + " holds the API key");
        }
    }

    private static boolean holds(Path file, String key) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        return latin.contains(key) || new String(bytes, StandardCharsets.UTF_16LE).contains(key)
                || new String(bytes, StandardCharsets.UTF_16BE).contains(key);
    }
}
