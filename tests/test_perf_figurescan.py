"""Shortcuts of the figure finder (newslint/registry/numbers.py) give what the full work gives,
on every story's drafts and sources, the seeds and the example draft:
- a figure's context skips the clause test between two words one space apart unless the first
  word is "and", "but" or a time unit (numbers._MAY_BREAK);
- a sentence is searched for currency symbols only when it holds one of their characters that
  is not a letter (numbers._symbol_marks);
- the kinds of a sentence share the starts of its runs (_Starts._runs_starting)."""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.registry import numbers

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def documents() -> list:
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md"})
    return [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths]


class _AlwaysAsk(dict):
    """Every pair of words goes through the full clause test."""

    def __missing__(self, word: str) -> bool:
        return True


def _figures(document, skip_quotes: bool) -> list[tuple]:
    return [dataclasses.astuple(f) for f in numbers.find_figures(document, skip_quotes=skip_quotes)]


def test_context_shortcut_keeps_every_figure_and_its_context(monkeypatch: pytest.MonkeyPatch):
    fast = [_figures(d, skip) for d in documents() for skip in (False, True)]
    monkeypatch.setattr(numbers, "_MAY_BREAK", _AlwaysAsk())
    slow = [_figures(d, skip) for d in documents() for skip in (False, True)]
    assert fast == slow
    assert sum(map(len, fast)) > 5_000  # the texts hold many figures


def test_a_word_one_space_before_another_ends_a_clause_only_where_the_shortcut_asks():
    asked = 0
    for document in documents():
        prose = document.prose
        tokens = [(m.start(), m.end(), m.group()) for m in numbers.WORD.finditer(prose)]
        for left, right in zip(tokens, tokens[1:]):
            if prose[left[1]:right[0]] == " " and not numbers._MAY_BREAK[left[2]]:
                assert not numbers._clause_break(prose, left, right), (left, right)
                asked += 1
    assert asked > 50_000


def test_symbol_marks_rule_out_only_sentences_without_a_symbol():
    symbols = numbers._symbols()
    with_symbol = 0
    for document in documents():
        for sentence in document.sentences:
            text = document.prose[sentence.start:sentence.end]
            found = list(symbols.finditer(document.prose, sentence.start, sentence.end, overlapped=True))
            if not any(mark in text for mark in numbers._symbol_marks()):
                assert not found, text
            with_symbol += bool(found)
    assert with_symbol > 100


def test_amount_starts_are_the_symbols_and_numbers_of_the_sentence():
    lex = numbers.lexicon()
    symbols = numbers._symbols()
    checked = 0
    for document in documents():
        prose = document.prose
        runs = numbers._Runs.of(document)
        for sentence in document.sentences:
            within = runs.within(sentence.start, sentence.end)
            starts = numbers._Starts(lex, prose, sentence.start, sentence.end, True, runs if within is not None else None)
            at = {m.start() for m in symbols.finditer(prose, sentence.start, sentence.end, overlapped=True)}
            assert starts.amount_starts() == sorted(at.union(starts.number_starts()))
            checked += 1
    assert checked > 5_000
