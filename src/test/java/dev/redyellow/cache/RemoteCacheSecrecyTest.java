package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redyellow.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote cache's credentials reach the server and nothing else: real {@code redyellow run}s in
 * their own JVMs, with the credentials in their environment, against nginx with basic auth and then
 * against a server that fails and quotes the Authorization header back. Every byte they leave behind
 * (output, report, log files, database) is searched.
 */
class RemoteCacheSecrecyTest {
    private static final String PASSWORD = "pw-remote-5e1f0a9c77";
    private static final String LOGIN = "team:" + PASSWORD;
    private static final String HEADER = Base64.getEncoder().encodeToString(LOGIN.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    @Test
    void theCredentialsAreInNoOutputLogReportOrDatabase() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        try (NginxWebDav nginx = NginxWebDav.start(tmp.resolve("nginx"), Optional.of("team:{PLAIN}" + PASSWORD))) {
            Process writer = run(home, nginx.url(), "one");
            assertTrue(writer.waitFor(170, TimeUnit.SECONDS), "the run did not end");
            assertEquals(0, writer.exitValue(), Files.readString(tmp.resolve("one.err")));
            JsonNode remote = report("one").get("metrics").get("cache").get("remote");
            assertTrue(remote.get("uploads").asInt() > 0, remote.toString());
            assertEquals(0, remote.get("errors").asInt(), remote.toString());
        }
        try (FaultServer quoting = new FaultServer((exchange, bodies) -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("refused: " + exchange.getRequestHeaders().getFirst("Authorization"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Echo", exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
        })) {
            Process failing = run(home, quoting.url(), "two");
            assertTrue(failing.waitFor(170, TimeUnit.SECONDS), "the run did not end");
            String err = Files.readString(tmp.resolve("two.err"));
            assertEquals(0, failing.exitValue(), err);
            assertTrue(err.contains("HTTP 503") && err.contains("local cache only"), err);
            assertEquals("Basic " + HEADER, quoting.requests.get(0).authorization());
            assertTrue(report("two").get("metrics").get("cache").get("remote").get("offReason").asText()
                    .contains("HTTP 503"));
        }

        List<Path> searched = new ArrayList<>();
        try (Stream<Path> left = Stream.concat(Files.walk(home), Files.list(tmp))) {
            left.filter(Files::isRegularFile).forEach(searched::add);
        }
        assertTrue(searched.stream().anyMatch(p -> p.getFileName().toString().endsWith(".log")), "no log file: " + searched);
        assertTrue(searched.stream().anyMatch(p -> p.getFileName().toString().startsWith("redyellow.db")), searched.toString());
        boolean traceLogged = false;
        for (Path file : searched) {
            assertFalse(holds(file, PASSWORD), file + " holds the password");
            assertFalse(holds(file, HEADER), file + " holds the Authorization header");
            traceLogged |= file.getFileName().toString().endsWith(".log") && holds(file, "remote cache");
        }
        assertTrue(traceLogged, "the failure is in the log file: " + searched);
    }

    private Process run(Path home, String url, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                "dev.redyellow.Main", "run", ProjectFiles.samples().resolve("py-textstats/manifest.json").toString(),
                "--report", tmp.resolve(name + ".json").toString(), "--cache-db", tmp.resolve("redyellow.db-" + name).toString(),
                "--remote-cache", url, "--remote-cache-auth", "basic:TEAM_CACHE")
                .redirectOutput(tmp.resolve(name + ".out").toFile()).redirectError(tmp.resolve(name + ".err").toFile());
        builder.environment().put("TEAM_CACHE", LOGIN);
        builder.environment().remove("REDYELLOW_DB");
        builder.environment().remove(RemoteCacheSettings.ENV);
        return builder.start();
    }

    private JsonNode report(String name) throws IOException {
        return new ObjectMapper().readTree(tmp.resolve(name + ".json").toFile());
    }

    private static boolean holds(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        return latin.contains(text) || new String(bytes, StandardCharsets.UTF_16LE).contains(text)
                || new String(bytes, StandardCharsets.UTF_16BE).contains(text);
    }
}
