package dev.redyellow.cli;

import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.implement.ReviewRequest;
import dev.redyellow.implement.Verdict;
import dev.redyellow.daemon.Terminal;

/** Asks the person at the terminal (this JVM's, or a daemon's client's) to approve or reject, one feature at a time. */
final class ConsoleDecisions implements ManualDecisions {
    private final Terminal terminal;

    ConsoleDecisions(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized Verdict decide(ReviewRequest request) {
        terminal.print(String.format("%nReview %s, attempt %d (%d tests pass). Files: %s%n", request.feature().id(),
                request.attempt(), request.testResult().passed(), request.attemptFiles().paths()));
        while (true) {
            String answer = terminal.readLine("Approve? [y]es / [n]o: ");
            if (answer == null) {
                return Verdict.reject("no answer: the terminal closed");
            }
            if (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes")) {
                return Verdict.approve("approved at the terminal");
            }
            if (answer.trim().equalsIgnoreCase("n") || answer.trim().equalsIgnoreCase("no")) {
                String why = terminal.readLine("Feedback for the next attempt: ");
                return Verdict.reject(why == null || why.isBlank() ? "rejected at the terminal" : why);
            }
        }
    }
}
