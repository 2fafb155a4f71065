package dev.redyellow.cli;

import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.implement.ReviewRequest;
import dev.redyellow.implement.Verdict;
import java.io.Console;

/** Asks the person at the terminal to approve or reject, one feature at a time. */
final class ConsoleDecisions implements ManualDecisions {
    private final Console console;

    ConsoleDecisions(Console console) {
        this.console = console;
    }

    @Override
    public synchronized Verdict decide(ReviewRequest request) {
        console.printf("%nReview %s, attempt %d (%d tests pass). Files: %s%n", request.feature().id(), request.attempt(),
                request.testResult().passed(), request.attemptFiles().paths());
        while (true) {
            String answer = console.readLine("Approve? [y]es / [n]o: ");
            if (answer == null) {
                return Verdict.reject("no answer: the terminal closed");
            }
            if (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes")) {
                return Verdict.approve("approved at the terminal");
            }
            if (answer.trim().equalsIgnoreCase("n") || answer.trim().equalsIgnoreCase("no")) {
                String why = console.readLine("Feedback for the next attempt: ");
                return Verdict.reject(why == null || why.isBlank() ? "rejected at the terminal" : why);
            }
        }
    }
}
