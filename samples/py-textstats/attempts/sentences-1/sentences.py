"""Splitting text into sentences."""

import re

_END = re.compile(r"(?<=[.!?])\s+")


def split(text):
    """The sentences of ``text``, stripped, in order."""
    return [part.strip() for part in _END.split(text.strip()) if part.strip()]
