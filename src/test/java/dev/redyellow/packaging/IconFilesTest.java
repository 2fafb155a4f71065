package dev.redyellow.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redyellow.ProjectFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The .ico (Windows installer) and .icns (macOS installer) in icons/ hold exactly the drawn PNGs,
 * so a redrawn icon that was not repacked with icons/PackIcons.java is caught here.
 */
class IconFilesTest {

    private static final Path ICONS = ProjectFiles.root().resolve("icons");

    @Test
    void theIcoHoldsTheDrawnPngsFrom16To256Pixels() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("redyellow.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0), "reserved");
        assertEquals(1, ico.getShort(2), "type 1 is an icon");
        int count = ico.getShort(4);
        List<Integer> sides = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int side = Byte.toUnsignedInt(ico.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            byte[] image = Arrays.copyOfRange(ico.array(), ico.getInt(entry + 12), ico.getInt(entry + 12) + ico.getInt(entry + 8));
            assertArrayEquals(png(side), image, side + " px entry");
            sides.add(side);
        }
        assertEquals(List.of(16, 32, 48, 64, 128, 256), sides);
    }

    @Test
    void theIcnsHoldsTheDrawnPngsUnderTheTypesMacOsExpects() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("redyellow.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes); // big-endian
        assertEquals("icns", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(bytes.length, icns.getInt(4), "the header gives the file's length");
        List<String> types = new ArrayList<>();
        int at = 8;
        while (at < bytes.length) {
            String type = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(at + 4);
            byte[] image = Arrays.copyOfRange(bytes, at + 8, at + length);
            assertArrayEquals(png(sideOf(type)), image, type);
            types.add(type);
            at += length;
        }
        assertEquals(List.of("icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic11", "ic12", "ic13", "ic14"), types);
    }

    /** The pixel size each PNG chunk type of the icns format stands for. */
    private static int sideOf(String type) {
        switch (type) {
            case "icp4": return 16;
            case "icp5": case "ic11": return 32;
            case "icp6": case "ic12": return 64;
            case "ic07": return 128;
            case "ic08": case "ic13": return 256;
            case "ic09": case "ic14": return 512;
            default: throw new AssertionError("unexpected icns chunk " + type);
        }
    }

    private static byte[] png(int side) throws IOException {
        return Files.readAllBytes(ICONS.resolve("redyellow-" + side + ".png"));
    }
}
