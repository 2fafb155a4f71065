package dev.redyellow.testing;

/**
 * One mutant that survived: the feature's tests all passed with this change to its code.
 *
 * @param file   the source file (as the tool names it: PIT gives the file name, a command its path)
 * @param line   the line changed, 0 when the tool does not say
 * @param change what was changed ("negated conditional", "replaced int return with 0 for ...")
 */
public record Mutant(String file, int line, String change) {
    public Mutant {
        file = file == null ? "" : file;
        change = change == null ? "" : change;
    }

    /** {@code file:line: change}, for reasons and the details panel. */
    public String describe() {
        return (line > 0 ? file + ":" + line : file) + ": " + change;
    }
}
