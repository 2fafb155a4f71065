import unittest

from slugs.unique import unique_slug


class UniqueSlugTest(unittest.TestCase):
    def test_a_new_title_keeps_its_slug(self):
        self.assertEqual("hello-world", unique_slug("Hello World", set()))

    def test_a_taken_slug_gets_the_first_free_number(self):
        self.assertEqual("hello-world-3", unique_slug("Hello, world!", {"hello-world", "hello-world-2"}))

    def test_an_empty_slug_becomes_untitled(self):
        self.assertEqual("untitled", unique_slug("???", set()))
        self.assertEqual("untitled-2", unique_slug("", {"untitled"}))


if __name__ == "__main__":
    unittest.main()
