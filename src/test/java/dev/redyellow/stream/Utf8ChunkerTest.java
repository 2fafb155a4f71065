package dev.redyellow.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Utf8ChunkerTest {

    /** ASCII, 2-byte (é, ü), 3-byte (CJK, €, ✅), 4-byte (emoji, 𝄞) and a flag made of two 4-byte code points. */
    private static final String SAMPLE = "héllo 😀 世界 ok\n🇫🇷 ü€𝄞 測試✅ end";
    private static final byte[] SAMPLE_BYTES = SAMPLE.getBytes(StandardCharsets.UTF_8);

    /** Collects what a chunker emits, copying as the contract demands. */
    private static final class Collected implements Utf8Chunker.Emitter {
        final List<byte[]> chunks = new ArrayList<>();

        @Override
        public void emit(byte[] bytes, int offset, int length) {
            chunks.add(Arrays.copyOfRange(bytes, offset, offset + length));
        }

        byte[] joined() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return all.toByteArray();
        }
    }

    @ParameterizedTest(name = "max chunk {0} bytes")
    @ValueSource(ints = {16, 17, 8192})
    void everySingleSplitPointGivesTheInputBackInWholeCharacters(int maxChunkBytes) {
        for (int i = 0; i <= SAMPLE_BYTES.length; i++) {
            Collected out = new Collected();
            Utf8Chunker chunker = new Utf8Chunker(maxChunkBytes, out);
            chunker.write(SAMPLE_BYTES, 0, i);
            chunker.write(SAMPLE_BYTES, i, SAMPLE_BYTES.length - i);
            chunker.flush();
            assertWholeAndClean(out, maxChunkBytes, "split at " + i);
        }
    }

    @ParameterizedTest(name = "max chunk {0} bytes")
    @ValueSource(ints = {16, 17, 8192})
    void everyPairOfSplitPointsGivesTheInputBackInWholeCharacters(int maxChunkBytes) {
        for (int i = 0; i <= SAMPLE_BYTES.length; i++) {
            for (int j = i; j <= SAMPLE_BYTES.length; j++) {
                Collected out = new Collected();
                Utf8Chunker chunker = new Utf8Chunker(maxChunkBytes, out);
                chunker.write(SAMPLE_BYTES, 0, i);
                chunker.write(SAMPLE_BYTES, i, j - i);
                chunker.write(SAMPLE_BYTES, j, SAMPLE_BYTES.length - j);
                chunker.flush();
                assertWholeAndClean(out, maxChunkBytes, "split at " + i + "," + j);
            }
        }
    }

    @Test
    void byteAtATimeHoldsBackAtMostThreeBytes() {
        Collected out = new Collected();
        Utf8Chunker chunker = new Utf8Chunker(16, out);
        for (int i = 0; i < SAMPLE_BYTES.length; i++) {
            chunker.write(SAMPLE_BYTES, i, 1);
            assertTrue(chunker.heldBytes() <= 3, "held " + chunker.heldBytes() + " after byte " + i);
        }
        chunker.flush();
        assertWholeAndClean(out, 16, "byte at a time");
    }

    @Test
    void longInputIsCutIntoChunksNoLargerThanTheLimit() {
        byte[] big = SAMPLE.repeat(500).getBytes(StandardCharsets.UTF_8);
        Collected out = new Collected();
        Utf8Chunker chunker = new Utf8Chunker(64, out);
        chunker.write(big, 0, big.length);
        chunker.flush();

        assertArrayEquals(big, out.joined());
        assertTrue(out.chunks.size() >= big.length / 64, "chunks: " + out.chunks.size());
        for (int i = 0; i < out.chunks.size(); i++) {
            int length = out.chunks.get(i).length;
            assertTrue(length <= 64, "chunk " + i + " of " + length);
            boolean last = i == out.chunks.size() - 1;
            assertTrue(last || length >= 61, "only a character boundary may shorten chunk " + i + " (" + length + ")");
        }
    }

    @Test
    void flushEmitsAnIncompleteSequenceAtTheEndOfTheStream() {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        Collected out = new Collected();
        Utf8Chunker chunker = new Utf8Chunker(16, out);
        chunker.write(new byte[] {'a', emoji[0], emoji[1], emoji[2]}, 0, 4);

        assertEquals(1, out.chunks.size(), "the 'a' goes out, the 3 bytes of the cut emoji wait");
        assertEquals(3, chunker.heldBytes());
        chunker.flush();
        assertArrayEquals(new byte[] {'a', emoji[0], emoji[1], emoji[2]}, out.joined());
    }

    @Test
    void invalidBytesPassThroughUnchanged() {
        byte[] invalid = {'o', 'k', (byte) 0xFF, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 'x', (byte) 0xE2, 'y', (byte) 0xC3};
        Collected out = new Collected();
        Utf8Chunker chunker = new Utf8Chunker(16, out);
        for (int i = 0; i < invalid.length; i += 2) {
            chunker.write(invalid, i, Math.min(2, invalid.length - i));
        }
        chunker.flush();

        assertArrayEquals(invalid, out.joined());
    }

    @Test
    void rejectsALimitTooSmallForACharacterAndHeldBytes() {
        assertThrows(IllegalArgumentException.class, () -> new Utf8Chunker(8, new Collected()));
    }

    private static void assertWholeAndClean(Collected out, int maxChunkBytes, String what) {
        assertArrayEquals(SAMPLE_BYTES, out.joined(), what);
        for (byte[] chunk : out.chunks) {
            assertTrue(chunk.length > 0 && chunk.length <= maxChunkBytes, what + ": chunk of " + chunk.length);
            assertDecodesStrictly(chunk, what);
        }
    }

    static void assertDecodesStrictly(byte[] chunk, String what) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(chunk)).toString();
            assertTrue(text.indexOf('\uFFFD') < 0, what + ": replacement character");
        } catch (CharacterCodingException e) {
            throw new AssertionError(what + ": chunk is not whole UTF-8: " + Arrays.toString(chunk), e);
        }
    }
}
