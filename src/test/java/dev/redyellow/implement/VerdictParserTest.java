package dev.redyellow.implement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictParserTest {

    @Test
    void approvesOnlyTheExactVerdictLine() {
        Verdict v = VerdictParser.parse("Looks fine to me.\nVERDICT: APPROVED\n");
        assertTrue(v.approved());
        assertEquals("Looks fine to me.", v.feedback());
    }

    @Test
    void rejectionCarriesTheFeedbackAfterIt() {
        Verdict v = VerdictParser.parse("VERDICT: REJECTED\nThe slug keeps trailing dashes.\nAlso no tests for empty input.");
        assertFalse(v.approved());
        assertEquals("The slug keeps trailing dashes.\nAlso no tests for empty input.", v.feedback());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NOT APPROVED",
        "VERDICT: NOT APPROVED",
        "approved?",
        "VERDICT: approved",
        "VERDICT: APPROVED?",
        "I would say APPROVED",
        "The verdict: APPROVED was considered but no",
        "VERDICT: APPROVEDISH",
        "",
        "   ",
    })
    void everythingElseIsARejection(String output) {
        assertFalse(VerdictParser.parse(output).approved(), output);
    }

    @Test
    void conflictingVerdictsAreARejectionThatSaysSo() {
        Verdict v = VerdictParser.parse("VERDICT: APPROVED\nwait\nVERDICT: REJECTED\nno");
        assertFalse(v.approved());
        assertTrue(v.feedback().startsWith("conflicting verdict lines"), v.feedback());
    }

    @Test
    void anUnparseableAnswerSaysWhyItWasRejected() {
        Verdict v = VerdictParser.parse("NOT APPROVED, the code is wrong");
        assertTrue(v.feedback().startsWith("no verdict line found"), v.feedback());
        Verdict lower = VerdictParser.parse("VERDICT: approved");
        assertTrue(lower.feedback().contains("unrecognised verdict"), lower.feedback());
    }

    @Test
    void toleratesMarkdownEmphasisAroundTheLine() {
        assertTrue(VerdictParser.parse("**VERDICT: APPROVED**").approved());
        assertFalse(VerdictParser.parse("**VERDICT: REJECTED**\nfix it").approved());
    }

    @Test
    void aRejectionWithoutFeedbackStillExplainsItself() {
        Verdict v = VerdictParser.parse("VERDICT: REJECTED");
        assertFalse(v.approved());
        assertEquals("rejected without feedback", v.feedback());
    }
}
