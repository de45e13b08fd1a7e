"""Word-level helpers shared by quote and figure extraction and by their checks: quote
normalisation (case, curly quotes, punctuation, ellipses, bracketed insertions), word tokens,
and a crude stem for matching context words across inflections."""
from __future__ import annotations

from newslint import regexcache

WORD = regexcache.compile(r"\p{L}[\p{L}\p{M}'’\-]*\p{L}|\p{L}|\d+(?:[.,]\d+)*")
BRACKETED = regexcache.compile(r"\[[^\]]*\]")
ELLIPSIS = regexcache.compile(r"\.\s*\.\s*\.|…")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "„": '"'})


class WordTable(dict):
    """A table keyed by casefolded words and read with the casefolded text of a case-insensitive
    match. `regex` matches the dotted capital I of Turkish keyboards to "i" when ignoring case
    ("HİS", "MİNUTE" in a line typed in capitals), but "İ".casefold() is "i̇" (i and a combining
    dot above): such a key is read as the word the pattern matched, not a KeyError that stops the
    registry build or the rule. Only a missing key pays for this (dict.__missing__)."""

    __slots__ = ()

    def __missing__(self, key: str) -> object:
        if isinstance(key, str) and "i\u0307" in key and (folded := key.replace("i\u0307", "i")) in self:
            return dict.__getitem__(self, folded)
        raise KeyError(key)


def quote_words(text: str) -> list[str]:
    """The words of a quotation, normalised for comparison: case, apostrophes and punctuation
    do not count. Bracketed insertions and ellipses are dropped (use quote_segments to keep
    the gaps they stand for)."""
    return [w for segment in quote_segments(text) for w in segment]


def quote_segments(text: str) -> list[list[str]]:
    """The quotation as runs of words separated where an ellipsis or a bracketed insertion
    stands for words the writer left out or put in."""
    text = BRACKETED.sub(" \x00 ", text.translate(APOSTROPHES))
    text = ELLIPSIS.sub(" \x00 ", text)
    return [s for s in (words(part) for part in text.split("\x00")) if s]


def words(text: str) -> list[str]:
    """Lowercase word tokens; possessive and contraction apostrophes are kept inside a word."""
    return [m.group().casefold().replace("’", "'") for m in WORD.finditer(text)]


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word token of text[start:end] (offsets into text)."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, len(text) if end is None else end)]


def stem(word: str) -> str:
    """A crude stem, enough to match "approved"/"approval" or "votes"/"vote":
    lowercase, no possessive, no plural s, at most six letters."""
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    if word.isdigit():
        return word
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


def contains(haystack: list[str], needle: list[str]) -> int:
    """Index of the first occurrence of the word list `needle` in `haystack`, or -1."""
    if not needle or len(needle) > len(haystack):
        return -1
    first = needle[0]
    for at in range(len(haystack) - len(needle) + 1):
        if haystack[at] == first and haystack[at:at + len(needle)] == needle:
            return at
    return -1


def contains_segments(haystack: list[str], segments: list[list[str]]) -> bool:
    """True when every segment occurs in `haystack`, in order (an elided or bracketed quote)."""
    position = 0
    for segment in segments:
        at = contains(haystack[position:], segment)
        if at < 0:
            return False
        position += at + len(segment)
    return True
