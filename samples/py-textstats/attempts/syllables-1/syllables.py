"""An estimate of the syllables in an English word, good enough for readability scores."""

import re

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def count(word):
    """Syllables in ``word``: its groups of vowels, less a silent final "e"; at least one."""
    lower = word.lower()
    groups = len(_VOWEL_GROUPS.findall(lower))
    # "make" has one syllable, but "table" keeps its consonant + "le" as a syllable of its own.
    consonant_le = lower.endswith("le") and len(lower) > 2 and lower[-3] not in "aeiouy"
    if lower.endswith("e") and not consonant_le and groups > 1:
        groups -= 1
    return max(1, groups)
