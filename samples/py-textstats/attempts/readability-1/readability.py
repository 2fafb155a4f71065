"""Flesch readability scores: how easy a text is to read."""

from textstats import sentences, syllables
from textstats.tokens import words


def _measure(text):
    all_words = words(text)
    if not all_words:
        raise ValueError("a text without words has no readability score")
    sentence_count = max(1, len(sentences.split(text)))
    syllable_count = sum(syllables.count(w) for w in all_words)
    return len(all_words), sentence_count, syllable_count


def reading_ease(text):
    """Flesch reading ease, rounded to one decimal: about 90-100 is very easy, below 30 hard."""
    word_count, sentence_count, syllable_count = _measure(text)
    score = 206.835 - 1.015 * (word_count // sentence_count) - 84.6 * (syllable_count // word_count)
    return round(score, 1)


def grade_level(text):
    """Flesch-Kincaid grade level, rounded to one decimal: the school year that can read it."""
    word_count, sentence_count, syllable_count = _measure(text)
    score = 0.39 * (word_count // sentence_count) + 11.8 * (syllable_count // word_count) - 15.59
    return round(score, 1)
