package parity;

public final class WordList {
    private WordList() {
    }

    public static int count(String text) {
        return (int) text.lines().map(String::strip).filter(l -> !l.isEmpty()).count();
    }
}
