package parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuickSortTest {
    @Test
    void sortsAnAlreadySortedArrayOfThirtyThousand() {
        int[] a = new int[30_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        int[] expected = a.clone();
        QuickSort.sort(a);
        assertArrayEquals(expected, a);
    }

    @Test
    void sortsRandomArrays() {
        Random random = new Random(25);
        for (int n = 0; n < 10_000; n += 997) {
            int[] a = random.ints(n, 0, 1000).toArray();
            int[] expected = a.clone();
            java.util.Arrays.sort(expected);
            QuickSort.sort(a);
            assertArrayEquals(expected, a);
        }
    }
}
