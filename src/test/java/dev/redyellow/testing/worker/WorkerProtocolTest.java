package dev.redyellow.testing.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames both sides exchange, and what the worker's class path can hold. */
class WorkerProtocolTest {

    @Test
    void replyComesBackAsItWasSent() throws IOException {
        WorkerReply reply = new WorkerReply(3, List.of(), 120, 45, List.of(
                new ReplyCase("tools.SlugTest", "joinsWords()", ReplyCase.Status.PASSED, "", 4),
                new ReplyCase("tools.SlugTest", "lowercases(String)[2]", ReplyCase.Status.FAILED, "expected: <a>\nbut: <b> é", 7)),
                true, "", "the tests left 1 thread(s) running: x", List.of("HttpURLConnection.followRedirects"));

        assertEquals(reply, WorkerReply.of(roundTrip(reply.frame())));
    }

    @Test
    void requestComesBackAsItWasSent() throws IOException {
        WorkerRequest request = new WorkerRequest("/tmp/ws", List.of("tools.SlugTest", "tools.PadTest"));

        assertEquals(request, WorkerRequest.of(roundTrip(request.frame())));
    }

    @Test
    void bytesThatAreNotAFrameAreReportedAsCorruption() {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream("hello from System.out\n".getBytes(StandardCharsets.UTF_8)));

        assertThrows(Frame.CorruptStreamException.class, () -> Frame.readFrom(in));
    }

    @Test
    void streamThatEndsBetweenFramesEndsCleanly() {
        assertThrows(EOFException.class, () -> Frame.readFrom(new DataInputStream(new ByteArrayInputStream(new byte[0]))));
    }

    @Test
    void workerClassesUseNothingButTheJdkAndEachOther() {
        // The worker JVM's class path holds this package and the JUnit console jar, nothing else;
        // com.sun.source is the JDK's compiler tree API (exported by jdk.compiler, used by ReusedJavac).
        classes().that().resideInAPackage("dev.redyellow.testing.worker")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.sun.source..",
                        "dev.redyellow.testing.worker")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.redyellow.testing.worker"));
    }

    private static Frame roundTrip(Frame frame) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        frame.writeTo(out);
        out.flush();
        return Frame.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
