"""Document statistics for Vale's `metric` and `readability` kinds: words, sentences,
syllables and the counts their formulas use (Vale's variable names)."""
from __future__ import annotations

import math
import re

from newslint.document.model import Document

WORD = re.compile(r"[^\W_][\w'’-]*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]{1,2}")
_SILENT_ENDING = re.compile(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$")


def syllables(word: str) -> int:
    """A common English heuristic: vowel groups, less silent endings (good enough for grades)."""
    word = word.lower().strip("'’-")
    if len(word) <= 3:
        return 1
    word = _SILENT_ENDING.sub("", word)
    word = word[1:] if word.startswith("y") else word
    return max(1, len(_VOWEL_GROUPS.findall(word)))


def statistics(document: Document) -> dict[str, float]:
    """Vale's metric variables for the prose of `document`."""
    words = WORD.findall(document.prose)
    counts = [syllables(w) for w in words]
    blocks = document.blocks
    stats: dict[str, float] = {
        "words": len(words),
        "sentences": max(1, len(document.sentences)) if words else 0,
        "characters": sum(sum(c.isalnum() for c in w) for w in words),
        "syllables": sum(counts),
        "polysyllabic_words": sum(c >= 3 for c in counts),
        # Gunning's complex words: three syllables or more, not counting -es/-ed/-ing endings.
        "complex_words": sum(c >= 3 and syllables(re.sub(r"(?:es|ed|ing)$", "", w)) >= 3
                             for w, c in zip(words, counts)),
        "long_words": sum(len(w) > 6 for w in words),
        "paragraphs": sum(b.kind == "paragraph" for b in blocks),
        "list": sum("list" in b.scopes for b in blocks),
        "blockquote": sum("blockquote" in b.scopes for b in blocks),
        "pre": 0,  # code is not prose: the document model masks it
    }
    for level in range(1, 7):
        stats[f"heading_h{level}"] = sum(f"heading.h{level}" in b.scopes for b in blocks)
    return stats


def grades(stats: dict[str, float]) -> dict[str, float]:
    """Vale's readability metrics (US school grades); empty when there is no text."""
    words, sentences = stats["words"], stats["sentences"]
    if not words or not sentences:
        return {}
    per_sentence = words / sentences
    return {
        "Flesch-Kincaid": 0.39 * per_sentence + 11.8 * stats["syllables"] / words - 15.59,
        "Gunning Fog": 0.4 * (per_sentence + 100 * stats["complex_words"] / words),
        "Coleman-Liau": 0.0588 * (100 * stats["characters"] / words) - 0.296 * (100 * sentences / words) - 15.8,
        "SMOG": 1.043 * math.sqrt(stats["polysyllabic_words"] * 30 / sentences) + 3.1291,
        "Automated Readability": 4.71 * stats["characters"] / words + 0.5 * per_sentence - 21.43,
    }
