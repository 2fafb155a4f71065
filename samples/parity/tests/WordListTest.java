package parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WordListTest {
    @Test
    void readsTheWordsByARelativePath() throws Exception {
        assertEquals(3, WordList.count(Files.readString(Path.of("data/words.txt"))));
    }

    @Test
    void loadsItsLimitsFromTheClassPath() throws Exception {
        Properties limits = new Properties();
        try (InputStream in = WordListTest.class.getResourceAsStream("/limits.properties")) {
            limits.load(in);
        }
        assertEquals("3", limits.getProperty("words"));
    }
}
