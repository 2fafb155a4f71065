import unittest

from adult import adult


class TestAdult(unittest.TestCase):
    def test_answers(self):
        # Weak: only checks that a clear adult is one. Flipping >= to > survives.
        self.assertTrue(adult(40))
