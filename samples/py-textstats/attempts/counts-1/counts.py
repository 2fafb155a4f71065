"""How often each word occurs."""

from collections import Counter

from textstats.tokens import words


def word_counts(text):
    """A Counter of the lower-cased words of ``text``."""
    return Counter(words(text))


def distinct_ratio(text):
    """Distinct words divided by all words (type-token ratio); 0.0 for a text without words."""
    all_words = words(text)
    if not all_words:
        return 0.0
    return len(set(all_words)) / len(all_words)
