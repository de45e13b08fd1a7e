r"""A document's runs of word characters (`\w+` in the prose), found once per document and
shared by the checks that look for listed words.

A pattern of the shape `\b(?:word|word two|...)` (a list of words or phrases, tried as whole
words) can only match where one of its entries' first run of word characters is a whole run
of the text. So instead of scanning every position of a paragraph with a long alternation,
its matches are tried only at the runs whose text is such a first run (`starts_of`), in order,
each from where the previous match ended: the same matches as the scan's (see
`matches_at`). An entry that is not plain ASCII, or a run of the text that is not (case
folding outside ASCII is not str.lower's), makes no shortcut: such a run is always tried.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import accumulate, chain
from typing import Any

import regex

from newslint import regexcache
from newslint.document.model import Document

_RUN_SPLIT = regexcache.compile(r"(\w+)")
_GAP = regexcache.compile(r"[\s-]+")  # what may lie between the words of a reach (see Runs.reaching)
_SPACES = regexcache.compile(r"\s+")
_FIRST_RUN = regexcache.compile(r"\w+")


class Runs:
    """The runs of `prose`, in order: `starts`, `ends` and `texts` (as written)."""

    def __init__(self, prose: str) -> None:
        pieces = _RUN_SPLIT.split(prose)  # the runs at odd places: no match object per run
        offsets = list(accumulate(map(len, pieces), initial=0))
        self.prose = prose
        self.texts: list[str] = pieces[1::2]
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        self._starts_of: dict[frozenset[str], list[int]] = {}

    @cached_property
    def lower(self) -> list[str]:
        """The runs' texts in lowercase (str.lower), in order."""
        return list(map(str.lower, self.texts))

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct lowercase runs: the document's words for the rule index and prefilters."""
        return frozenset(self.lower)

    @cached_property
    def word_starts(self) -> dict[str, list[int]]:
        """Where each lowercase run starts, in order."""
        lower = self.lower
        starts: dict[str, list[int]] = {word: [] for word in lower}  # (in first-seen order)
        deque(map(list.append, map(starts.__getitem__, lower), self.starts), maxlen=0)  # (the loop in C)
        return starts

    @classmethod
    def of(cls, document: Document) -> Runs:
        """The document's runs, found on first use and kept with it."""
        runs = document.__dict__.get("_runs")
        if runs is None or runs.prose is not document.prose:
            runs = document.__dict__["_runs"] = cls(document.prose)
        return runs

    def within(self, start: int, end: int) -> tuple[int, int] | None:
        """The runs [first, stop) of prose[start:end], or None when a run crosses start or end
        (a scan of that stretch alone would cut it)."""
        first, stop = bisect_left(self.starts, start), bisect_left(self.starts, end)
        if (first > 0 and self.ends[first - 1] > start) or (stop > first and self.ends[stop - 1] > end):
            return None
        return first, stop

    def starts_of(self, firsts: frozenset[str]) -> list[int]:
        """Where the runs whose lowercase text is in `firsts` (lowercase ASCII) start, with
        every run that is not ASCII; computed once per set of words."""
        found = self._starts_of.get(firsts)
        if found is None:  # the listed words the document holds, by the word index
            starts = self.word_starts
            found = self._starts_of[firsts] = sorted(
                {*self.not_ascii, *chain.from_iterable(starts[word] for word in firsts & starts.keys())})
        return found

    def reaching(self, firsts: frozenset[str], gaps: int, first: int, stop: int) -> list[int]:
        """Where a match can begin that runs, over words of word characters and hyphens one run
        of white space apart, to a run listed in `firsts` (see starts_of): the starts of the
        runs [first, stop) (Runs.within) that are such a run or lie at most `gaps` runs of
        white space before one, with only word characters, hyphens and white space between.
        Sorted."""
        starts, ends, prose = self.starts, self.ends, self.prose
        low, high = (starts[first], starts[stop - 1] + 1) if stop > first else (0, 0)
        found: set[int] = set()
        for at in self.starts_of(firsts):
            if not low <= at < high:
                continue
            index = bisect_left(starts, at)
            found.add(at)
            seen = 0
            while index > first:
                between = prose[ends[index - 1]:starts[index]]
                if _GAP.fullmatch(between) is None:
                    break
                seen += len(_SPACES.findall(between))
                if seen > gaps:
                    break
                index -= 1
                found.add(starts[index])
        return sorted(found)

    @cached_property
    def not_ascii(self) -> list[int]:
        """Where the runs that are not ASCII start."""
        if self.prose.isascii():
            return []
        return [start for start, text in zip(self.starts, self.texts) if not text.isascii()]


def first_runs(entries: Iterable[str]) -> frozenset[str] | None:
    """The first run of word characters of each entry, lowercased; None when an entry does not
    begin with one or is not ASCII (then no run can be ruled out)."""
    firsts = set()
    for entry in entries:
        run = _FIRST_RUN.match(entry)
        if run is None or not entry.isascii():
            return None
        firsts.add(run.group().lower())
    return frozenset(firsts)


def matches_at(pattern: Any, prose: str, starts: list[int], start: int, end: int, **kwargs: Any) -> Iterator[regex.Match]:
    """pattern.finditer(prose, start, end), given every place in [start, end) where a match
    can begin (sorted): the pattern is tried at each, skipping those inside its last match.
    The caller makes sure no run crosses start or end (Runs.within)."""
    resume = start
    for at in starts[bisect_left(starts, start):bisect_left(starts, end)]:
        if at < resume:
            continue
        match = pattern.match(prose, at, end, **kwargs)
        if match is not None:
            resume = match.end()
            yield match
