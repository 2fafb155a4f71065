package dev.redyellow.implement;

/**
 * A reviewer's decision. A rejection always carries feedback for the next attempt; for a verdict that
 * could not be parsed, the feedback says why it was treated as a rejection.
 */
public record Verdict(boolean approved, String feedback) {

    public static Verdict approve(String comment) {
        return new Verdict(true, comment == null ? "" : comment);
    }

    public static Verdict reject(String feedback) {
        return new Verdict(false, feedback == null || feedback.isBlank() ? "rejected without feedback" : feedback);
    }
}
