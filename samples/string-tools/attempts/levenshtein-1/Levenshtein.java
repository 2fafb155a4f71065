package tools;

/** Edit distance between two strings. */
public final class Levenshtein {

    private Levenshtein() {
    }

    /** The fewest single-character insertions, deletions and substitutions turning a into b. */
    public static int distance(String a, String b) {
        // Bug kept on purpose for the sample: the first row and column are never filled in,
        // so turning a prefix into the empty string looks free.
        int[][] cost = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int substitution = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cost[i][j] = Math.min(Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1),
                        cost[i - 1][j - 1] + substitution);
            }
        }
        return cost[a.length()][b.length()];
    }
}
