import unittest

from textstats.syllables import count


class CountTest(unittest.TestCase):

    def test_counts_groups_of_vowels(self):
        expected = {"cat": 1, "happy": 2, "beautiful": 3, "readability": 5, "queue": 1, "rhythm": 1}
        for word, syllables in expected.items():
            with self.subTest(word=word):
                self.assertEqual(syllables, count(word))

    def test_a_final_e_is_silent(self):
        for word in ["make", "whale", "stone"]:
            with self.subTest(word=word):
                self.assertEqual(1, count(word))

    def test_a_final_consonant_and_le_is_a_syllable(self):
        self.assertEqual(2, count("table"))
        self.assertEqual(3, count("syllable"))

    def test_short_words_with_an_e_have_one_syllable(self):
        for word in ["the", "be", "tree"]:
            with self.subTest(word=word):
                self.assertEqual(1, count(word))

    def test_ignores_case(self):
        self.assertEqual(count("happy"), count("HAPPY"))

    def test_every_word_has_at_least_one_syllable(self):
        self.assertEqual(1, count("hmm"))


if __name__ == "__main__":
    unittest.main()
