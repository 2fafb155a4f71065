"""Words of a text, the unit every other statistic counts."""

import re

# A word is letters, possibly joined by inner apostrophes or hyphens: "don't", "well-known".
_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def words(text):
    """The words of ``text`` in order, lower-cased; numbers and punctuation are not words."""
    plain = text.replace("\u2019", "'").lower()
    return _WORD.findall(plain)
