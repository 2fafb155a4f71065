import unittest

from calc import add


class AddTest(unittest.TestCase):

    def test_adds_two_numbers(self):
        self.assertEqual(5, add(2, 3))


if __name__ == "__main__":
    unittest.main()
