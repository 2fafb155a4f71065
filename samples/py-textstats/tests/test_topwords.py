import unittest

from textstats.topwords import top_words

TEXT = """The fox jumps. The dog sleeps. The fox runs and the fox hides.
A dog barks at a cat; the cat ignores the dog and the fox."""


class TopWordsTest(unittest.TestCase):

    def test_most_frequent_words_come_first_without_stop_words(self):
        self.assertEqual([("fox", 4), ("dog", 3), ("cat", 2)], top_words(TEXT, 3))

    def test_ties_are_in_alphabetical_order(self):
        self.assertEqual([("apple", 2), ("pear", 2), ("plum", 2)], top_words("plum pear apple plum pear apple", 3))

    def test_asking_for_more_words_than_there_are_gives_them_all(self):
        self.assertEqual([("only", 1), ("words", 1)], top_words("only words", 10))

    def test_accepts_other_stop_words(self):
        self.assertEqual([("the", 7)], top_words(TEXT, 1, stopwords={"fox", "dog"}))

    def test_zero_gives_nothing(self):
        self.assertEqual([], top_words(TEXT, 0))

    def test_rejects_a_negative_count(self):
        with self.assertRaises(ValueError):
            top_words(TEXT, -1)


if __name__ == "__main__":
    unittest.main()
