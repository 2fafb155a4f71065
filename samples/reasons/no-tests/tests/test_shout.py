import unittest


class ShoutTest(unittest.TestCase):
    """Looks like a test case, but no method starts with "test", so unittest runs nothing."""

    def check_shouts(self):
        from shout import shout
        self.assertEqual("HEY!", shout("hey"))


if __name__ == "__main__":
    unittest.main()
