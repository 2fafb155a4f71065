import time
import unittest


class SlowTest(unittest.TestCase):

    def test_answer_after_a_long_wait(self):
        # Sleeps far beyond the manifest's 2-second test timeout, before it even looks for the code.
        time.sleep(30)
        from slow import answer
        self.assertEqual(42, answer())


if __name__ == "__main__":
    unittest.main()
