package tools;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A table of contents for a Markdown document, linking to each heading's anchor. */
public final class Toc {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

    private record Heading(int level, String title) {
    }

    private Toc() {
    }

    /**
     * One list item per ATX heading ("## Install"), indented two spaces per level below the
     * highest level used, linking to a unique anchor: "- [Install](#install)". Lines inside
     * fenced code blocks are not headings; a document without headings gives the empty string.
     */
    public static String render(String markdown) {
        List<Heading> headings = headings(markdown);
        int top = headings.stream().mapToInt(Heading::level).min().orElse(1);
        UniqueSlugs anchors = new UniqueSlugs();
        List<String> items = new ArrayList<>();
        for (Heading heading : headings) {
            String indent = "  ".repeat(heading.level() - top);
            items.add(indent + "- [" + heading.title() + "](#" + anchors.next(heading.title()) + ")");
        }
        return String.join("\n", items);
    }

    private static List<Heading> headings(String markdown) {
        List<Heading> headings = new ArrayList<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inFence && heading.matches() && !heading.group(2).isEmpty()) {
                headings.add(new Heading(heading.group(1).length(), heading.group(2)));
            }
        }
        return headings;
    }
}
