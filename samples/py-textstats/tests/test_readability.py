import unittest

from textstats.readability import grade_level, reading_ease

# 9 words, 2 sentences, 10 syllables (only "happy" has two).
SIMPLE = "The cat sat on the mat. It was happy."
# 9 words, 1 sentence, 28 syllables.
DENSE = "Complicated terminology obstructs comprehension for ordinary people everywhere today."


class ReadingEaseTest(unittest.TestCase):

    def test_follows_the_flesch_formula(self):
        self.assertEqual(round(206.835 - 1.015 * 9 / 2 - 84.6 * 10 / 9, 1), reading_ease(SIMPLE))

    def test_scores_dense_text_lower_than_simple_text(self):
        self.assertEqual(round(206.835 - 1.015 * 9 / 1 - 84.6 * 28 / 9, 1), reading_ease(DENSE))
        self.assertLess(reading_ease(DENSE), reading_ease(SIMPLE))

    def test_rejects_text_without_words(self):
        with self.assertRaises(ValueError):
            reading_ease("... 42 !")


class GradeLevelTest(unittest.TestCase):

    def test_follows_the_flesch_kincaid_formula(self):
        self.assertEqual(round(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59, 1), grade_level(SIMPLE))

    def test_dense_text_needs_more_schooling(self):
        self.assertGreater(grade_level(DENSE), grade_level(SIMPLE) + 10)

    def test_counts_one_sentence_when_the_full_stop_is_missing(self):
        self.assertEqual(grade_level("The cat sat on the mat."), grade_level("The cat sat on the mat"))


if __name__ == "__main__":
    unittest.main()
