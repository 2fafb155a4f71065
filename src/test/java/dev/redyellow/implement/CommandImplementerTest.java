package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.ImplementerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command implementer with real python3 scripts in real workspaces. */
class CommandImplementerTest {
    @TempDir
    Path dir;

    private AttemptResult run(String script, int timeoutSeconds, Optional<FailureContext> previous, CapturedOutput out,
                              String... extraArgs) throws Exception {
        Path file = dir.resolve("implementer.py");
        Files.writeString(file, script);
        List<String> argv = new java.util.ArrayList<>(List.of("python3", file.toString(), "{prompt}", "{workspace}",
                "{feature}", "{attempt}"));
        argv.addAll(List.of(extraArgs));
        ImplementerSettings.Command settings = new ImplementerSettings.Command(argv,
                Map.of("PYTHONDONTWRITEBYTECODE", "0"), timeoutSeconds);
        Path ws = Features.workspace(dir);
        return new CommandImplementer(settings).implement(new AttemptRequest(Features.add(settings),
                previous.isPresent() ? 2 : 1, ws, previous, out));
    }

    @Test
    void theFilesAScriptWritesBecomeTheAttempt() throws Exception {
        String script = """
                import os, sys, pathlib, py_compile
                prompt, ws, feature, attempt = sys.argv[1:5]
                text = pathlib.Path(prompt).read_text()
                assert 'self.assertEqual(5, add(2, 3))' in text, text
                assert 'base_helper.py' in text, text
                assert feature == 'add' and attempt == '1'
                assert os.environ['REDYELLOW_TEST_FILES'] == 'test_add.py'
                assert os.environ['REDYELLOW_FAILURES'] == ''
                pathlib.Path(ws, 'add.py').write_text('def add(a, b):\\n    return a + b\\n')
                pathlib.Path(ws, 'pkg').mkdir()
                pathlib.Path(ws, 'pkg', 'more.py').write_text('X = 2\\n')
                py_compile.compile(os.path.join(ws, 'add.py'))
                pathlib.Path(ws, '.redyellow', 'scratch.txt').write_text('notes')
                print('wrote add.py')
                """;
        CapturedOutput out = new CapturedOutput();
        AttemptResult result = run(script, 30, Optional.empty(), out);
        AttemptResult.Produced produced = assertInstanceOf(AttemptResult.Produced.class, result, out.text());
        assertEquals(List.of("add.py", "pkg/more.py"), List.copyOf(produced.files().paths()));
        assertEquals("def add(a, b):\n    return a + b\n", produced.files().text("add.py"));
        assertTrue(out.text().contains("wrote add.py"), out.text());
    }

    @Test
    void aRetryGetsThePreviousFailureInThePromptAndTheEnvironment() throws Exception {
        String script = """
                import os, sys, pathlib
                text = pathlib.Path(sys.argv[1]).read_text()
                assert 'AssertionError: 5 != -1' in text, text
                assert 'AssertionError: 5 != -1' in os.environ['REDYELLOW_FAILURES']
                assert os.environ['REDYELLOW_ATTEMPT'] == '2'
                pathlib.Path(sys.argv[2], 'add.py').write_text('def add(a, b):\\n    return a + b\\n')
                """;
        CapturedOutput out = new CapturedOutput();
        AttemptResult result = run(script, 30, Optional.of(Features.failedBefore()), out);
        assertInstanceOf(AttemptResult.Produced.class, result, out.text());
    }

    @Test
    void editingATestFileFailsTheAttemptAndPutsTheTestBack() throws Exception {
        String script = """
                import sys, pathlib
                ws = sys.argv[2]
                pathlib.Path(ws, 'add.py').write_text('def add(a, b):\\n    return 5\\n')
                pathlib.Path(ws, 'test_add.py').write_text('import unittest\\n')
                """;
        CapturedOutput out = new CapturedOutput();
        AttemptResult result = run(script, 30, Optional.empty(), out);
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertEquals("the implementer changed the test file test_add.py; tests are not the implementer's to change",
                noCode.reason());
        assertFalse(noCode.exhausted());
        assertEquals(Features.TEST, Files.readString(dir.resolve("ws").resolve(Features.TEST_PATH)));
    }

    @Test
    void deletingATestFileFailsTheAttemptAndPutsTheTestBack() throws Exception {
        String script = """
                import sys, os, pathlib
                pathlib.Path(sys.argv[2], 'add.py').write_text('x = 1\\n')
                os.remove(os.path.join(sys.argv[2], 'test_add.py'))
                """;
        AttemptResult result = run(script, 30, Optional.empty(), new CapturedOutput());
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertTrue(noCode.reason().startsWith("the implementer deleted the test file test_add.py"), noCode.reason());
        assertEquals(Features.TEST, Files.readString(dir.resolve("ws").resolve(Features.TEST_PATH)));
    }

    @Test
    void aScriptThatChangesNothingProducesNoCode() throws Exception {
        AttemptResult result = run("print('thinking')\n", 30, Optional.empty(), new CapturedOutput());
        assertEquals(new AttemptResult.NoCode("the implementer changed no file", false), result);
    }

    @Test
    void aNonZeroExitProducesNoCodeWithTheLastLine() throws Exception {
        String script = """
                import sys, pathlib
                pathlib.Path(sys.argv[2], 'add.py').write_text('x = 1\\n')
                print('model quota exceeded', file=sys.stderr)
                sys.exit(3)
                """;
        AttemptResult result = run(script, 30, Optional.empty(), new CapturedOutput());
        assertEquals(new AttemptResult.NoCode("the implementer exited with code 3: model quota exceeded", false), result);
    }

    @Test
    void anImplementerThatRunsTooLongIsKilled() throws Exception {
        AttemptResult result = run("import time\ntime.sleep(60)\n", 1, Optional.empty(), new CapturedOutput());
        assertEquals(new AttemptResult.NoCode("the implementer did not finish within 1 s; its process tree was killed",
                false), result);
    }

    @Test
    void aProgramThatCannotStartProducesNoCode() throws Exception {
        ImplementerSettings.Command settings = new ImplementerSettings.Command(List.of("no-such-agent-xyz", "{prompt}"),
                Map.of(), 10);
        AttemptResult result = new CommandImplementer(settings).implement(new AttemptRequest(Features.add(settings), 1,
                Features.workspace(dir), Optional.empty(), new CapturedOutput()));
        AttemptResult.NoCode noCode = assertInstanceOf(AttemptResult.NoCode.class, result);
        assertTrue(noCode.reason().startsWith("the implementer could not be started"), noCode.reason());
        assertTrue(noCode.reason().contains("no-such-agent-xyz"), noCode.reason());
    }

    @Test
    void jsonEventLinesAreShownAsTheirText() throws Exception {
        String script = """
                import sys, json, pathlib
                print(json.dumps({"type": "system", "subtype": "init", "session_id": "s1"}))
                print(json.dumps({"type": "assistant", "message": {"content": [
                    {"type": "text", "text": "I will write add.py"},
                    {"type": "tool_use", "name": "Write", "input": {"file_path": "add.py"}}]}}))
                print("plain line")
                pathlib.Path(sys.argv[2], 'add.py').write_text('def add(a, b):\\n    return a + b\\n')
                """;
        CapturedOutput out = new CapturedOutput();
        run(script, 30, Optional.empty(), out);
        String shown = out.stdout();
        assertTrue(shown.contains("{\"type\": \"system\", \"subtype\": \"init\", \"session_id\": \"s1\"}\n"), shown);
        assertTrue(shown.contains("I will write add.py\n[tool Write]\n"), shown);
        assertFalse(shown.contains("\"assistant\""), shown);
        assertTrue(shown.contains("plain line\n"), shown);
    }
}
