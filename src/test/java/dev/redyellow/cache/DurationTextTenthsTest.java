package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DurationTextTenthsTest {

    @Test
    void tenthsReadAsFormatWritesThem() {
        for (long millis : new long[] {0, 1, 49, 50, 99, 100, 949, 950, 1250, 1249, 12_345, 59_999, 3_600_050}) {
            assertEquals(String.format(Locale.ROOT, "%.1f", millis / 1000.0), DurationText.tenths(millis), millis + " ms");
        }
    }

    @Test
    void aNegativeDurationReadsAsNone() {
        assertEquals("0.0", DurationText.tenths(-400));
    }
}
