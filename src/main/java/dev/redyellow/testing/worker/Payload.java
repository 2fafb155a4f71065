package dev.redyellow.testing.worker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads the fields of a frame's payload: strings and byte blocks of any length, numbers and flags. */
final class Payload {

    private Payload() {
    }

    static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        Writer string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            return call(() -> {
                out.writeInt(utf8.length);
                out.write(utf8);
            });
        }

        Writer blob(byte[] value) {
            return call(() -> {
                out.writeInt(value.length);
                out.write(value);
            });
        }

        Writer strings(List<String> values) {
            number(values.size());
            values.forEach(this::string);
            return this;
        }

        Writer number(long value) {
            return call(() -> out.writeLong(value));
        }

        Writer flag(boolean value) {
            return call(() -> out.writeBoolean(value));
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        private Writer call(IoAction action) {
            try {
                action.run();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to memory failed", e);
            }
            return this;
        }
    }

    static final class Reader {
        private final DataInputStream in;

        Reader(byte[] payload) {
            in = new DataInputStream(new ByteArrayInputStream(payload));
        }

        String string() throws IOException {
            return new String(blob(), StandardCharsets.UTF_8);
        }

        byte[] blob() throws IOException {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new Frame.CorruptStreamException("bad length " + length);
            }
            byte[] value = new byte[length];
            in.readFully(value);
            return value;
        }

        List<String> strings() throws IOException {
            int count = count();
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(string());
            }
            return values;
        }

        int count() throws IOException {
            long count = in.readLong();
            if (count < 0 || count > in.available()) {
                throw new Frame.CorruptStreamException("bad count " + count);
            }
            return (int) count;
        }

        long number() throws IOException {
            return in.readLong();
        }

        boolean flag() throws IOException {
            return in.readBoolean();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
