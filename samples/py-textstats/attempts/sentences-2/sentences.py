"""Splitting text into sentences."""

import re

# Titles and Latin abbreviations end with a full stop but rarely end a sentence.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "vs", "e.g", "i.e", "cf"}

# A sentence ends at . ! or ? (repeated or not, maybe followed by a closing quote or bracket)
# followed by whitespace.
_END = re.compile(r"[.!?]+[\"')\]\u201d]*(?=\s)")


def split(text):
    """The sentences of ``text``, stripped, in order; "Dr. Smith" does not end a sentence."""
    sentences = []
    start = 0
    for end in _END.finditer(text):
        before = text[start:end.start()].split()
        last_word = before[-1].lower() if before else ""
        if end.group() == "." and last_word in ABBREVIATIONS:
            continue
        sentences.append(text[start:end.end()].strip())
        start = end.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]
