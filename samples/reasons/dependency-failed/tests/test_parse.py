import unittest

from parse import parse_number


class ParseNumberTest(unittest.TestCase):

    def test_parses_an_integer(self):
        self.assertEqual(42, parse_number("42"))

    def test_parses_a_negative_decimal(self):
        self.assertEqual(-1.5, parse_number("-1.5"))


if __name__ == "__main__":
    unittest.main()
