"""Searches for what ends where a figure begins ("more than", "a fee of", the word before it)
are asked backwards from the end (numbers._search_at_end, a REVERSE pattern for the previous
word, and for the word before an unknown speaker in speakers.py): they find what the forward search of the slice finds, on every story's drafts and
sources, the seeds and the example draft, and on short strings of letters, marks, digits,
spaces and punctuation built to sit at the edges of the patterns."""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import regex

from newslint.document import parse_document
from newslint.registry import numbers, speakers

ROOT = Path(__file__).resolve().parent.parent
FORWARD_PREVIOUS_WORD = regex.compile(r"([\p{L}]+)\W*$")
FORWARD_SPEAKER_WORD_BEFORE = regex.compile(r"([\p{L}]+)\s*,?\s*$")


@lru_cache(maxsize=1)
def proses() -> list[str]:
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md"})
    return [parse_document(str(p), p.read_text(encoding="utf-8")).prose for p in paths]


def slices(width: int):
    """Every slice of `width` characters (fewer at a text's start) ending at a word's start or
    after a digit's: where a figure can begin."""
    for prose in proses():
        for match in regex.finditer(r"\b\w", prose):
            yield prose[max(0, match.start() - width):match.start()]


def same(a: regex.Match | None, b: regex.Match | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups()


def test_the_ending_patterns_find_what_the_forward_search_finds():
    lex = numbers.lexicon()
    for name, width in (("qualifier", 30), ("amount_head", 80)):
        found = 0
        for text in slices(width):
            expected = lex.patterns[name].search(text)
            assert same(numbers._search_at_end(lex, name, text), expected), (name, text)
            found += expected is not None
        assert found > 50, name  # the texts do hold many


def test_the_previous_word_searched_backwards_is_the_forward_one():
    checked = 0
    for text in slices(40):
        assert same(numbers._PREVIOUS_WORD.search(text), FORWARD_PREVIOUS_WORD.search(text)), text
        assert same(speakers._WORD_BEFORE.search(text[-30:]), FORWARD_SPEAKER_WORD_BEFORE.search(text[-30:])), text
        checked += 1
    assert checked > 10_000


def test_edge_strings():
    lex = numbers.lexicon()
    pick = random.Random(8).choice
    alphabet = ["a", "n", "of", "than", "more", "about", "fee", " ", "\t", "\n", ",", "-", ".", "'", "’", "1",
                "_", "É", "e\u0301", "ß", "\u00a0", "A"]
    for _ in range(20_000):
        text = "".join(pick(alphabet) for _ in range(pick(range(12))))
        assert same(numbers._PREVIOUS_WORD.search(text), FORWARD_PREVIOUS_WORD.search(text)), text
        assert same(speakers._WORD_BEFORE.search(text), FORWARD_SPEAKER_WORD_BEFORE.search(text)), text
        for name in ("qualifier", "amount_head"):
            assert same(numbers._search_at_end(lex, name, text), lex.patterns[name].search(text)), (name, text)


def test_the_word_before_a_full_stop_is_the_forward_search_s():
    from newslint.document.sentences import WORD_BEFORE, word_before

    def expected(text: str, start: int, end: int) -> str:
        found = WORD_BEFORE.search(text, start, end)
        return found.group(1) if found else ""

    checked = 0
    for prose in proses():
        for match in regex.finditer(r"\.", prose):
            start, end = max(0, match.start() - 40), match.start() + 1
            assert word_before(prose, start, end) == expected(prose, start, end), prose[start:end]
            checked += 1
    assert checked > 10_000
    pick = random.Random(6).choice
    alphabet = ["a", "Z", "1", "½", "٣", "_", ".", " ", "-", "'", "é", "e\u0301", "ß", "\u00a0", "\t", "²"]
    for _ in range(20_000):
        text = "".join(pick(alphabet) for _ in range(pick(range(12)))) + "."
        start = pick(range(len(text)))
        assert word_before(text, start, len(text)) == expected(text, start, len(text)), (text, start)
