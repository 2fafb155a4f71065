package dev.redyellow.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire over a real Unix domain socket. */
class WireTest {
    @TempDir
    Path dir;

    @Test
    void aReadInTimeKeepsItsChannelAndALateOneClosesIt() throws Exception {
        try (Pair pair = pair("s.sock")) {
            SocketChannel client = pair.client();
            SocketChannel accepted = pair.accepted();
            assertTrue(Wire.peerIsThisUser(client));
            DataOutputStream out = new DataOutputStream(Wire.output(accepted));
            DataInputStream in = new DataInputStream(Wire.input(client));
            Wire.writeString(out, "hello");
            assertEquals("hello", Wire.withDeadline(client, Duration.ofMillis(300), () -> Wire.readString(in)));
            Thread.sleep(600); // past the deadline: the channel is still the conversation's
            assertTrue(client.isOpen());
            out.writeInt(7);
            assertEquals(7, in.readInt());

            // nothing comes: the deadline closes the channel and the read fails
            long start = System.nanoTime();
            assertThrows(IOException.class, () -> Wire.withDeadline(client, Duration.ofMillis(300), in::readInt));
            assertFalse(client.isOpen());
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
        }
    }

    @Test
    void chunksAreBoundedAndAByteIsABlockOfOne() throws Exception {
        try (Pair pair = pair("c.sock")) {
            SocketChannel client = pair.client();
            SocketChannel accepted = pair.accepted();
            DataOutputStream out = new DataOutputStream(Wire.output(accepted));
            DataInputStream in = new DataInputStream(Wire.input(client));
            out.write('x');
            out.writeInt(Wire.MAX_CHUNK + 1);
            assertEquals('x', Wire.readKind(in));
            IOException huge = assertThrows(IOException.class, () -> Wire.readChunk(in));
            assertTrue(huge.getMessage().contains("not RedYellow's daemon protocol"), huge.getMessage());
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, Wire.readChunk(in));
            accepted.close();
            assertEquals(-1, Wire.readKind(in));
        }
    }

    /**
     * The daemon's streams are written by whichever thread prints, a run's thread included, and a run is
     * interrupted when it is pre-empted or its time is up: a socket channel written on an interrupted
     * thread is closed by it, and the client's whole command ended with it.
     */
    @Test
    void aWriteOnAnInterruptedThreadKeepsTheConnection() throws Exception {
        try (Pair pair = pair("i.sock")) {
            DataOutputStream out = new DataOutputStream(Wire.output(pair.accepted()));
            DataInputStream in = new DataInputStream(Wire.input(pair.client()));
            Thread.currentThread().interrupt();
            boolean interruptedAfter;
            try {
                Wire.writeString(out, "still here");
            } finally {
                interruptedAfter = Thread.interrupted(); // cleared whatever happened: no later test inherits it
            }
            assertTrue(interruptedAfter, "the writer's interrupt is its own to see");
            assertTrue(pair.accepted().isOpen(), "the connection is open");
            assertEquals("still here", Wire.readString(in));
            out.writeInt(42);
            assertEquals(42, in.readInt());
        }
    }

    /** Both ends of one connection over a socket in the test's folder. */
    private record Pair(SocketChannel client, SocketChannel accepted) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (client; accepted) {
                // both closed, whatever either throws
            }
        }
    }

    private Pair pair(String name) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve(name)));
            SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve(name)));
            return new Pair(client, server.accept());
        }
    }
}
