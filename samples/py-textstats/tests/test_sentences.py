import unittest

from textstats.sentences import split


class SplitTest(unittest.TestCase):

    def test_splits_at_full_stops_question_and_exclamation_marks(self):
        self.assertEqual(["It rained.", "Did it?", "Yes!"], split("It rained. Did it? Yes!"))

    def test_keeps_the_last_sentence_without_a_full_stop(self):
        self.assertEqual(["One.", "Two"], split("One. Two"))

    def test_does_not_end_a_sentence_after_a_title(self):
        self.assertEqual(["Dr. Smith met Mrs. Jones.", "They talked."],
                         split("Dr. Smith met Mrs. Jones. They talked."))

    def test_does_not_end_a_sentence_after_e_g(self):
        self.assertEqual(["Use a fruit, e.g. an apple.", "Enjoy."], split("Use a fruit, e.g. an apple. Enjoy."))

    def test_keeps_decimal_numbers_whole(self):
        self.assertEqual(["Pi is 3.14 roughly.", "Ok."], split("Pi is 3.14 roughly. Ok."))

    def test_keeps_a_closing_quote_with_its_sentence(self):
        self.assertEqual(['She said "Stop!"', "He stopped."], split('She said "Stop!" He stopped.'))

    def test_splits_across_line_breaks(self):
        self.assertEqual(["First line.", "Second line."], split("First line.\nSecond line."))

    def test_blank_text_has_no_sentences(self):
        self.assertEqual([], split("  \n "))


if __name__ == "__main__":
    unittest.main()
