import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * The source of the RedYellow application icon. Run from the repository root with
 * {@code java icons/DrawIcon.java} to redraw icons/redyellow-*.png; the 256 px image is also the
 * window icon in src/main/resources/dev/redyellow/ui/icon-256.png.
 *
 * The drawing: a dark rounded tile holding a small dependency graph of three nodes, red on the
 * left, yellow in the middle, green on the right: one feature's cycle, and features depending on
 * each other.
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            ImageIO.write(draw(size), "png", new File("icons/redyellow-" + size + ".png"));
        }
        ImageIO.write(draw(256), "png", new File("src/main/resources/dev/redyellow/ui/icon-256.png"));
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 512.0, size / 512.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2b, 0x30, 0x3a), 0, 512, new Color(0x16, 0x19, 0x1f)));
        g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 110, 110));
        g.setColor(new Color(0xd0, 0xd4, 0xdc));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(140, 300, 256, 200));
        g.draw(new Line2D.Double(256, 200, 372, 300));
        g.draw(new Line2D.Double(140, 300, 372, 300));
        node(g, 140, 300, new Color(0xe5, 0x53, 0x4b));
        node(g, 256, 200, new Color(0xf2, 0xcc, 0x4b));
        node(g, 372, 300, new Color(0x57, 0xab, 0x5a));
        g.dispose();
        return img;
    }

    private static void node(Graphics2D g, double cx, double cy, Color c) {
        double r = 70;
        g.setColor(new Color(0, 0, 0, 90));
        g.fill(new Ellipse2D.Double(cx - r + 6, cy - r + 10, 2 * r, 2 * r));
        g.setColor(c);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new Ellipse2D.Double(cx - r * 0.55, cy - r * 0.75, r * 0.9, r * 0.6));
    }
}
