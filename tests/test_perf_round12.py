"""Shortcuts of speed round 12, each compared with the plain search on real text.

- Whether a sentence's capitalised first word is also written capitalised inside a sentence
  (numbers._capitalised_inside) is read at the word's occurrences, not from every such word of
  the prose."""
from __future__ import annotations

from pathlib import Path

import regex

from newslint.document import parse_document
from newslint.registry import numbers

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted((ROOT / "tests" / "eval").glob("*/*.md")) + [ROOT / "examples" / "draft.md"]
SOURCES = sorted((ROOT / "tests" / "eval").glob("*/sources/*.md"))


def _reference_capitalised_inside(prose: str, word: str) -> bool:
    return regex.search(rf"\p{{Ll}}[,;]?\s+{regex.escape(word)}\b", prose) is not None


EDGES = ["a Acme Bcd said", "Acme.\nthe\tAcme", "x; Acme9 y, Acmé z,  Äcme", "é Ünal: b Ünal’s",
         "Acme opened. it said Acme", "the Acmes and the Acme_", "x,\u00a0Acme", "x;;Acme", "xAcme",
         "Acme", "", "word  \n  Acme's plan", "the ACME, Acme"]


def test_capitalised_inside_read_at_the_words_occurrences_agrees_with_a_search() -> None:
    texts = EDGES + [parse_document(p.name, p.read_text(encoding="utf-8")).prose for p in [*DRAFTS, *SOURCES[:80]]]
    found = 0
    for prose in texts:
        words = {m.group() for m in regex.finditer(r"\p{Lu}\p{Ll}+", prose)} | {"Acme", "Acm", "Ünal", "Acmes"}
        for word in words:
            expected = _reference_capitalised_inside(prose, word)
            assert numbers._capitalised_inside(prose, word) == expected, (word, prose[:80])
            found += expected
    assert found > 1000


def test_capitalised_inside_reads_only_where_the_word_is(monkeypatch) -> None:
    calls: list[int] = []
    real = numbers._LOWER_BEFORE

    class Counting:
        def match(self, *args):
            calls.append(args[2])
            return real.match(*args)

    monkeypatch.setattr(numbers, "_LOWER_BEFORE", Counting())
    prose = "Tickets went on sale. " + "the council met again and said nothing new. " * 200 + "buyers said Tickets sold."
    assert numbers._capitalised_inside(prose, "Tickets") is True
    assert calls == [0, prose.rindex("Tickets")]  # the sentence's opening, then the one inside
    calls.clear()
    assert numbers._capitalised_inside(prose, "Refunds") is False
    assert calls == []  # a word the prose lacks: nothing read
