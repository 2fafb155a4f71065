package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files read from a model's answer: only fenced blocks that name their path. */
class FencedFilesTest {

    @Test
    void takesThePathAfterTheLanguageOrAlone() {
        FencedFiles.Parsed p = FencedFiles.parse("```java src/main/java/tools/Slug.java\nclass Slug {}\n```\n"
                + "```textstats/words.py\nW = 1\n```\n");
        assertEquals(Map.of("src/main/java/tools/Slug.java", "class Slug {}\n", "textstats/words.py", "W = 1\n"), p.files());
    }

    @Test
    void takesAPathAttributeOnTheFence() {
        assertEquals(Map.of("textstats/x.py", "X = 1\n"),
                FencedFiles.parse("```python path=textstats/x.py\nX = 1\n```").files());
        assertEquals(Map.of("a.py", "A = 1\n"), FencedFiles.parse("```python file=\"a.py\"\nA = 1\n```").files());
    }

    @Test
    void takesAFileLineJustBeforeTheFence() {
        String answer = "Here it is.\n\n**File: `pkg/mod.py`**\n\n```python\nM = 1\n```\n";
        assertEquals(Map.of("pkg/mod.py", "M = 1\n"), FencedFiles.parse(answer).files());
    }

    @Test
    void ignoresBlocksThatNameNoPath() {
        assertEquals(Map.of(), FencedFiles.parse("Run it like this:\n```python\nprint(add(1, 2))\n```\n").files());
        assertEquals(Map.of(), FencedFiles.parse("```sh\npython3 -m unittest\n```").files());
    }

    @Test
    void aLongerFenceHoldsShorterFencesInside() {
        String answer = "````markdown README.md\n# Use\n```python\nadd(1, 2)\n```\n````\n";
        assertEquals(Map.of("README.md", "# Use\n```python\nadd(1, 2)\n```\n"), FencedFiles.parse(answer).files());
    }

    @Test
    void aBlockNeverClosedWasCutOffAndIsNotUsed() {
        FencedFiles.Parsed p = FencedFiles.parse("```python a.py\nA = 1\n```\n```python b.py\nB = ");
        assertEquals(Map.of("a.py", "A = 1\n"), p.files());
        assertEquals(List.of("b.py"), p.unclosed());
    }

    @Test
    void theLastBlockForAPathWins() {
        assertEquals(Map.of("a.py", "A = 2\n"), FencedFiles.parse("```py a.py\nA = 1\n```\n```py a.py\nA = 2\n```").files());
    }

    @Test
    void aFileLineTwoParagraphsEarlierDoesNotCount() {
        String answer = "File: a.py\n\nSome words.\n\n```python\nA = 1\n```\n";
        assertEquals(Map.of(), FencedFiles.parse(answer).files());
    }
}
