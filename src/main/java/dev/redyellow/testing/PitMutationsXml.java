package dev.redyellow.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * The report of a run capped at {@code perClassLimit} mutants per class (0: no cap). PIT does not
     * say how many mutants a capped class had, only which ran; a class with exactly the cap's number
     * of mutants is taken as sampled, so the result never claims more completeness than it has.
     */
    static MutationResult read(Path file, long durationMillis, int perClassLimit) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList mutations = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("mutation");
            int killed = 0;
            List<Mutant> survivors = new ArrayList<>();
            Map<String, Integer> perClass = new HashMap<>();
            for (int i = 0; i < mutations.getLength(); i++) {
                Element mutation = (Element) mutations.item(i);
                perClass.merge(text(mutation, "mutatedClass"), 1, Integer::sum);
                if (Boolean.parseBoolean(mutation.getAttribute("detected"))) {
                    killed++;
                } else {
                    survivors.add(new Mutant(text(mutation, "sourceFile"), line(mutation),
                            text(mutation, "description") + noCoverage(mutation)));
                }
            }
            MutationResult result = MutationResult.measured(killed, survivors.size(), survivors, durationMillis);
            boolean capped = perClassLimit > 0 && perClass.values().stream().anyMatch(n -> n >= perClassLimit);
            return capped ? result.sampled(perClassLimit) : result;
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
