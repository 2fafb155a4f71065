import unittest

from textstats.tokens import words


class WordsTest(unittest.TestCase):

    def test_lower_cases_words_and_drops_punctuation(self):
        self.assertEqual(["hello", "world"], words("Hello, World!"))

    def test_keeps_inner_apostrophes_and_hyphens(self):
        self.assertEqual(["don't", "stop", "well-known", "songs"], words("Don't stop: well-known songs."))

    def test_treats_a_curly_apostrophe_like_a_straight_one(self):
        self.assertEqual(["it's", "fine"], words("It\u2019s fine"))

    def test_numbers_are_not_words(self):
        self.assertEqual(["chapter", "pages"], words("Chapter 12, pages 3-4"))

    def test_keeps_letters_with_accents(self):
        self.assertEqual(["café", "naïve"], words("Café naïve"))

    def test_text_without_letters_has_no_words(self):
        for text in ["", "   ", "42 -- 7!", "'-'"]:
            with self.subTest(text=text):
                self.assertEqual([], words(text))


if __name__ == "__main__":
    unittest.main()
