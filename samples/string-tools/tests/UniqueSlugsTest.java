package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UniqueSlugsTest {

    @Test
    void firstUseOfATitleGetsThePlainSlug() {
        assertEquals("getting-started", new UniqueSlugs().next("Getting Started"));
    }

    @Test
    void repeatedTitlesGetNumberedSlugs() {
        UniqueSlugs slugs = new UniqueSlugs();
        List<String> issued = Stream.of("Intro", "Intro", "intro!", "INTRO").map(slugs::next).toList();
        assertEquals(List.of("intro", "intro-2", "intro-3", "intro-4"), issued);
    }

    @Test
    void skipsANumberedSlugThatATitleAlreadyTook() {
        UniqueSlugs slugs = new UniqueSlugs();
        assertEquals("faq-2", slugs.next("FAQ 2"));
        assertEquals("faq", slugs.next("FAQ"));
        assertEquals("faq-3", slugs.next("FAQ"));
    }

    @Test
    void titlesWithoutLettersGetTheFallback() {
        UniqueSlugs slugs = new UniqueSlugs("Part");
        assertEquals("part", slugs.next("***"));
        assertEquals("part-2", slugs.next("?"));
    }

    @Test
    void separateInstancesDoNotShareSlugs() {
        assertEquals("home", new UniqueSlugs().next("Home"));
        assertEquals("home", new UniqueSlugs().next("Home"));
    }

    @Test
    void rejectsAFallbackThatIsNotASlug() {
        assertThrows(IllegalArgumentException.class, () -> new UniqueSlugs("!!"));
    }
}
