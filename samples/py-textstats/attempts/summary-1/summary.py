"""A one-call summary of a text, for reports and dashboards."""

from textstats import readability, sentences
from textstats.counts import distinct_ratio
from textstats.tokens import words
from textstats.topwords import top_words


def summarize(text, top=5):
    """Counts, readability and the ``top`` most frequent words of ``text``, as a dict.

    A text without words has counts of zero and ``None`` for the readability scores, so a
    dashboard can show an empty document without special cases.
    """
    all_words = words(text)
    has_words = bool(all_words)
    return {
        "words": len(all_words),
        "sentences": len(sentences.split(text)),
        "distinct_ratio": round(distinct_ratio(text), 2),
        "reading_ease": readability.reading_ease(text) if has_words else None,
        "grade_level": readability.grade_level(text) if has_words else None,
        "top_words": top_words(text, top),
    }


def format_summary(text, top=5):
    """The summary as aligned "name: value" lines."""
    facts = summarize(text, top)
    facts["top_words"] = ", ".join(f"{word} ({n})" for word, n in facts["top_words"]) or "-"
    width = max(len(name) for name in facts)
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in facts.items())
