import unittest

from slugs.slugify import slugify


class SlugifyTest(unittest.TestCase):
    def test_lower_cases_and_joins_words_with_dashes(self):
        self.assertEqual("hello-world", slugify("Hello World"))

    def test_drops_punctuation(self):
        self.assertEqual("whats-new-in-java-21", slugify("What's new in Java 21?"))

    def test_collapses_separators_and_trims_dashes(self):
        self.assertEqual("a-b", slugify("  --a   __ b--  "))

    def test_removes_accents(self):
        self.assertEqual("creme-brulee", slugify("Crème brûlée"))

    def test_empty_text_gives_empty_slug(self):
        self.assertEqual("", slugify("?!"))


if __name__ == "__main__":
    unittest.main()
