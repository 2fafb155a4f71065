import unittest

from title import title


class TitleTest(unittest.TestCase):

    def test_capitalises_every_word(self):
        self.assertEqual("Hello World", title("hello world"))


if __name__ == "__main__":
    unittest.main()
