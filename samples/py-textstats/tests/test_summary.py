import unittest

from textstats.summary import format_summary, summarize

TEXT = "Dr. Lee grows roses. Roses need sun. Roses need water too!"


class SummarizeTest(unittest.TestCase):

    def test_counts_words_and_sentences(self):
        facts = summarize(TEXT)
        self.assertEqual(11, facts["words"])
        self.assertEqual(3, facts["sentences"])

    def test_reports_the_distinct_word_ratio(self):
        self.assertEqual(round(8 / 11, 2), summarize(TEXT)["distinct_ratio"])

    def test_lists_the_top_words(self):
        self.assertEqual([("roses", 3), ("need", 2)], summarize(TEXT, top=2)["top_words"])

    def test_includes_both_readability_scores(self):
        facts = summarize(TEXT)
        self.assertIsInstance(facts["reading_ease"], float)
        self.assertIsInstance(facts["grade_level"], float)
        self.assertGreater(facts["reading_ease"], facts["grade_level"])

    def test_an_empty_text_has_zero_counts_and_no_scores(self):
        facts = summarize("")
        self.assertEqual((0, 0), (facts["words"], facts["sentences"]))
        self.assertIsNone(facts["reading_ease"])
        self.assertEqual([], facts["top_words"])


class FormatSummaryTest(unittest.TestCase):

    def test_prints_one_aligned_line_per_fact(self):
        lines = format_summary(TEXT, top=2).splitlines()
        self.assertEqual(6, len(lines))
        self.assertEqual("words           11", lines[0])
        self.assertEqual("top_words       roses (3), need (2)", lines[-1])


if __name__ == "__main__":
    unittest.main()
