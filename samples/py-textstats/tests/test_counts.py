import unittest

from textstats.counts import distinct_ratio, word_counts


class WordCountsTest(unittest.TestCase):

    def test_counts_each_word_ignoring_case(self):
        counts = word_counts("The cat saw the other cat. THE END")
        self.assertEqual(3, counts["the"])
        self.assertEqual(2, counts["cat"])
        self.assertEqual(1, counts["end"])

    def test_a_missing_word_counts_zero(self):
        self.assertEqual(0, word_counts("one two")["three"])

    def test_empty_text_counts_nothing(self):
        self.assertEqual({}, dict(word_counts("")))


class DistinctRatioTest(unittest.TestCase):

    def test_is_distinct_words_over_all_words(self):
        self.assertAlmostEqual(3 / 5, distinct_ratio("a rose is a rose"))

    def test_is_one_when_no_word_repeats(self):
        self.assertEqual(1.0, distinct_ratio("every word differs"))

    def test_is_zero_without_words(self):
        self.assertEqual(0.0, distinct_ratio("123 ..."))


if __name__ == "__main__":
    unittest.main()
