package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TocTest {

    @Test
    void listsHeadingsIndentedByLevel() {
        String markdown = """
                # Guide
                Some words.
                ## Install
                ### On Linux
                ## Use
                """;
        assertEquals("""
                - [Guide](#guide)
                  - [Install](#install)
                    - [On Linux](#on-linux)
                  - [Use](#use)""", Toc.render(markdown));
    }

    @Test
    void indentsFromTheHighestLevelUsed() {
        assertEquals("- [A](#a)\n  - [B](#b)", Toc.render("## A\n### B\n"));
    }

    @Test
    void givesRepeatedHeadingsDistinctAnchors() {
        String markdown = "## Example\ntext\n## Example\n## Example\n";
        assertEquals("- [Example](#example)\n- [Example](#example-2)\n- [Example](#example-3)",
                Toc.render(markdown));
    }

    @Test
    void ignoresHeadingsInsideCodeBlocks() {
        String markdown = "# Real\n```\n# not a heading\n```\n## Also real\n";
        assertEquals("- [Real](#real)\n  - [Also real](#also-real)", Toc.render(markdown));
    }

    @Test
    void dropsClosingHashes() {
        assertEquals("- [Closed](#closed)", Toc.render("# Closed ##"));
    }

    @ParameterizedTest(name = "no headings in \"{0}\"")
    @ValueSource(strings = {"", "plain text", "#hashtag without space", "####### seven is too many"})
    void documentWithoutHeadingsGivesNothing(String markdown) {
        assertEquals("", Toc.render(markdown));
    }
}
