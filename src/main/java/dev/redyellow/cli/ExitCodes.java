package dev.redyellow.cli;

/** The exit codes of SPEC section 5. */
final class ExitCodes {
    static final int ALL_GREEN = 0;
    static final int NOT_ALL_GREEN = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
