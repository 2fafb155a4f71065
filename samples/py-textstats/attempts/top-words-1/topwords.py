"""The most frequent words of a text, the ones that tell what it is about."""

from textstats.counts import word_counts

STOPWORDS = frozenset(
    "a an and are as at be but by for from has have he her his i in is it its of on or she "
    "that the their they this to was were will with you".split()
)


def top_words(text, n, stopwords=STOPWORDS):
    """The ``n`` most frequent words that are not stop words, as (word, count) pairs.

    More frequent words come first; words with the same count are in alphabetical order, so the
    result does not depend on where in the text a word first appears.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, was {n}")
    counts = word_counts(text)
    candidates = [(word, c) for word, c in counts.items() if word not in stopwords]
    candidates.sort(key=lambda pair: (-pair[1], pair[0]))
    return candidates[:n]
