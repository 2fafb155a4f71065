package dev.redyellow.daemon;

import dev.redyellow.concurrent.Uninterruptibly;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The conversation between a client and a daemon over one connection. The client opens with
 * {@link #MAGIC}, a {@link Hello} kind, the identity it wants and, for a command, its arguments and
 * whether it has a terminal. The daemon answers {@link #ACCEPTED}, {@link #BUSY} or {@link #REFUSED} (with
 * why), then sends the command's standard output and error as they are written ({@link #OUT},
 * {@link #ERR}), text for the terminal and questions to it ({@link #TEXT}, {@link #PROMPT}), and last the
 * exit code ({@link #EXIT}). The client may send {@link #CANCEL} (its user pressed Ctrl-C) and answers each
 * question with {@link #LINE} or {@link #NO_LINE}; a client that goes away cancels as well.
 */
public final class Wire {
    public static final int MAGIC = 0x52594431; // "RYD1"

    /** What a connection is for. */
    public enum Hello {
        COMMAND('c'), STATUS('s'), STOP('q');

        public final byte code;

        Hello(char code) {
            this.code = (byte) code;
        }

        public static Hello of(int code) throws IOException {
            for (Hello h : values()) {
                if (h.code == code) {
                    return h;
                }
            }
            throw new IOException("unknown request " + code);
        }
    }

    public static final byte ACCEPTED = 'A';
    public static final byte BUSY = 'B';
    public static final byte REFUSED = 'R';
    public static final byte OUT = 'O';
    public static final byte ERR = 'E';
    public static final byte TEXT = 'T';
    public static final byte PROMPT = 'P';
    public static final byte EXIT = 'X';
    public static final byte CANCEL = 'C';
    public static final byte LINE = 'L';
    public static final byte NO_LINE = 'N';

    /** The longest string or chunk either side accepts: a bound, so a broken peer cannot make the other allocate gigabytes. */
    static final int MAX_CHUNK = 16 << 20;

    private Wire() {
    }

    public static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        return new String(readChunk(in), StandardCharsets.UTF_8);
    }

    public static byte[] readChunk(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_CHUNK) {
            throw new IOException("a chunk of " + length + " bytes: not RedYellow's daemon protocol");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Reads one byte, or -1 at the end. */
    public static int readKind(DataInputStream in) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            return -1;
        }
    }

    /** Something that reads from the channel. */
    public interface Read<T> {
        T read() throws IOException;
    }

    /**
     * Reads with a deadline: the channel is closed when {@code deadline} passes first (the read then fails), as a
     * Unix domain socket's channel has no read timeout of its own.
     */
    public static <T> T withDeadline(SocketChannel channel, Duration deadline, Read<T> read) throws IOException {
        // whichever comes first, the read or the deadline, has the channel: a read that returned is never closed under
        AtomicBoolean settled = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
                if (settled.compareAndSet(false, true)) {
                    channel.close();
                }
            } catch (InterruptedException e) {
                // read in time
            } catch (IOException e) {
                // closing failed: the read goes on waiting
            }
        }, "redyellow-daemon-deadline");
        closer.setDaemon(true);
        closer.start();
        try {
            T value = read.read();
            if (!settled.compareAndSet(false, true)) {
                throw new IOException("no answer within " + deadline.toMillis() + " ms");
            }
            return value;
        } finally {
            closer.interrupt();
        }
    }

    /**
     * Whether the process at the other end runs as this JVM's user (the socket's peer credentials); true where the
     * system cannot tell, as the folder, readable by its user alone, keeps others out there.
     */
    public static boolean peerIsThisUser(SocketChannel channel) {
        try {
            if (!channel.supportedOptions().contains(jdk.net.ExtendedSocketOptions.SO_PEERCRED)) {
                return true;
            }
            return channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName()
                    .equals(System.getProperty("user.name"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * A blocking channel as a stream that reads without the channel's blocking lock, which
     * {@code Channels.newInputStream} takes: one thread reads while another writes.
     */
    public static InputStream input(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** An output stream that takes bytes only in blocks: a single byte is a block of one. */
    public abstract static class BlockOutput extends OutputStream {
        @Override
        public final void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public abstract void write(byte[] b, int off, int len) throws IOException;
    }

    /**
     * A blocking channel as a stream that writes everything it is given, without the channel's blocking lock.
     * The writes are made by a thread of the stream's own, which nothing interrupts: the daemon's streams are
     * written by whichever thread prints, a run's thread included, which is interrupted when the run is
     * pre-empted or out of time, and a socket channel written on an interrupted thread is closed by it (the
     * client's whole command ended with it). The writer waits for its bytes to be written, keeping its
     * interrupt; the stream's thread ends after a few idle seconds.
     */
    public static OutputStream output(SocketChannel channel) {
        java.util.concurrent.ThreadPoolExecutor writer = new java.util.concurrent.ThreadPoolExecutor(1, 1, 5,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "redyellow-wire-writer");
                    thread.setDaemon(true);
                    return thread;
                });
        writer.allowCoreThreadTimeOut(true);
        return new BlockOutput() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.util.concurrent.Future<Void> written;
                try {
                    written = writer.submit(() -> {
                        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                        return null;
                    });
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    throw new IOException("the stream to the socket is closed", closed);
                }
                try {
                    Uninterruptibly.get(written);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IOException(cause);
                }
            }

            @Override
            public void close() {
                writer.shutdown(); // its thread ends once what was asked is written; the channel is its owner's
            }
        };
    }
}
