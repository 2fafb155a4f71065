import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Packs the drawn PNGs (icons/redyellow-*.png, from DrawIcon) into the icon containers the Windows
 * and macOS installers want: icons/redyellow.ico and icons/redyellow.icns. Run from the repository
 * root with {@code java icons/PackIcons.java} after redrawing.
 *
 * Both formats may hold plain PNG images, so no pixel is re-encoded: an .ico is a directory of
 * entries pointing at PNGs (Windows Vista and later read PNG entries), an .icns is a list of typed
 * chunks whose PNG types (icp4 ... ic14) macOS 10.7 and later read.
 */
public class PackIcons {
    public static void main(String[] args) throws IOException {
        Files.write(Path.of("icons/redyellow.ico"), ico(16, 32, 48, 64, 128, 256));
        Map<String, Integer> icns = new LinkedHashMap<>();
        icns.put("icp4", 16);
        icns.put("icp5", 32);
        icns.put("icp6", 64);
        icns.put("ic07", 128);
        icns.put("ic08", 256);
        icns.put("ic09", 512);
        icns.put("ic11", 32);   // 16 pt at 2x
        icns.put("ic12", 64);   // 32 pt at 2x
        icns.put("ic13", 256);  // 128 pt at 2x
        icns.put("ic14", 512);  // 256 pt at 2x
        Files.write(Path.of("icons/redyellow.icns"), icns(icns));
    }

    static byte[] png(int size) throws IOException {
        return Files.readAllBytes(Path.of("icons/redyellow-" + size + ".png"));
    }

    /** ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNGs; all little-endian. */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        int total = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            images[i] = png(sizes[i]);
            total += images[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = 6 + 16 * sizes.length;
        for (int i = 0; i < sizes.length; i++) {
            int side = sizes[i] >= 256 ? 0 : sizes[i]; // 0 stands for 256
            out.put((byte) side).put((byte) side).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32);
            out.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            out.put(image);
        }
        return out.array();
    }

    /** 'icns', the file length, then chunks of type, chunk length (header included) and PNG; big-endian. */
    static byte[] icns(Map<String, Integer> chunks) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> chunk : chunks.entrySet()) {
            byte[] image = png(chunk.getValue());
            data.writeBytes(chunk.getKey());
            data.writeInt(8 + image.length);
            data.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo(file);
        return file.toByteArray();
    }
}
