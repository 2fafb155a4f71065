package dev.redyellow.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads PIT's {@code mutations.xml}. A mutant counts as killed when PIT says it was detected (killed,
 * timed out, out of memory, a run error: the tests did not pass with it), as survived otherwise
 * (survived, or no test covered it), which is how PIT computes its own score.
 */
final class PitMutationsXml {

    private PitMutationsXml() {
    }

    static MutationResult read(Path file, long durationMillis) throws IOException {
        return read(file, durationMillis, 0);
    }

    /**
     * The report of a run capped at {@code perClassLimit} mutants per class (0: no cap). PIT applies
     * the cap before its other filters drop mutants, and reports neither how many mutants a class had
     * nor whether it was cut, so a class's count in the report cannot tell a sample from a whole: a
     * capped run's result is always marked as one, and never claims more completeness than it has.
     */
    static MutationResult read(Path file, long durationMillis, int perClassLimit) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList mutations = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("mutation");
            int killed = 0;
            List<Mutant> survivors = new ArrayList<>();
            for (int i = 0; i < mutations.getLength(); i++) {
                Element mutation = (Element) mutations.item(i);
                if (Boolean.parseBoolean(mutation.getAttribute("detected"))) {
                    killed++;
                } else {
                    survivors.add(new Mutant(text(mutation, "sourceFile"), line(mutation),
                            text(mutation, "description") + noCoverage(mutation)));
                }
            }
            MutationResult result = MutationResult.measured(killed, survivors.size(), survivors, durationMillis);
            return result.capped(perClassLimit);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read PIT's report " + file + ": " + e.getMessage(), e);
        }
    }

    private static String noCoverage(Element mutation) {
        return "NO_COVERAGE".equals(mutation.getAttribute("status")) ? " (no test runs this line)" : "";
    }

    private static int line(Element mutation) {
        try {
            return Integer.parseInt(text(mutation, "lineNumber").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }
}
