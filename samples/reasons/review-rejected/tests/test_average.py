import unittest

from stats import average


class AverageTest(unittest.TestCase):

    def test_averages_numbers(self):
        self.assertEqual(2.5, average([1, 2, 3, 4]))

    def test_average_of_nothing_is_zero(self):
        self.assertEqual(0, average([]))


if __name__ == "__main__":
    unittest.main()
