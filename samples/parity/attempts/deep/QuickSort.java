package parity;

/** A plain recursive quicksort with the first element as pivot: as deep as the array on sorted input. */
public final class QuickSort {
    private QuickSort() {
    }

    public static void sort(int[] a) {
        sort(a, 0, a.length - 1);
    }

    private static void sort(int[] a, int lo, int hi) {
        if (lo >= hi) {
            return;
        }
        int pivot = a[lo];
        int i = lo;
        for (int j = lo + 1; j <= hi; j++) {
            if (a[j] < pivot) {
                i++;
                swap(a, i, j);
            }
        }
        swap(a, lo, i);
        sort(a, lo, i - 1);
        sort(a, i + 1, hi);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
