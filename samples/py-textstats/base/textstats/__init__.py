"""Text statistics: words, sentences, syllables, counts and readability."""
