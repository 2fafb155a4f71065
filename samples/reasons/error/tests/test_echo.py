import unittest

from echo import echo


class EchoTest(unittest.TestCase):

    def test_echoes(self):
        self.assertEqual("hi", echo("hi"))


if __name__ == "__main__":
    unittest.main()
