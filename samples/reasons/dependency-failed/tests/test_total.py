import unittest

from total import total


class TotalTest(unittest.TestCase):

    def test_adds_numbers_written_as_text(self):
        self.assertEqual(3.5, total(["1", "2.5"]))


if __name__ == "__main__":
    unittest.main()
