package dev.redyellow.implement;

/** What the system prompts tell a model about the shape of its answer, so that it can be read back strictly. */
final class AnswerFormat {

    /** Appended to every implementer system prompt, the manifest's own included: {@link FencedFiles} reads this. */
    static final String FILES = """
            Answer with the complete content of every file you add or change. Put each file in a fenced code \
            block whose opening line names the file's path, relative to the project root, after the language:

            ```python textstats/words.py
            def words(text):
                ...
            ```

            Write whole files, never fragments or diffs. Paths are relative, separated by "/", without "..". \
            Do not write the test files: they are given and fixed. Text outside such blocks is ignored.""";

    static final String IMPLEMENTER = """
            You are a careful software engineer working test first. You are given a feature, its tests and \
            the code already in the project. Write the code that makes the tests pass, in the style of the \
            existing code, and nothing beyond what the feature needs.""";

    static final String REVIEWER = """
            You review code for a feature whose tests already pass. Judge whether it does what the feature \
            says, is clear, and has no obvious defect the tests miss. Be brief.""";

    /** Appended to every reviewer system prompt: {@link VerdictParser} accepts nothing else. */
    static final String VERDICT = """
            End your answer with one line that is exactly `VERDICT: APPROVED` or `VERDICT: REJECTED`, alone \
            on the line; after a rejection, say what must change.""";

    private AnswerFormat() {
    }
}
