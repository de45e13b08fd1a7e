"""`extends: occurrence` (Vale): count matches of `token` per scope (each sentence, paragraph
or heading; the whole text for `text`) and report when there are more than `max` or fewer
than `min`. The message's %s is the count; the finding sits on the first match."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

from newslint import regexcache
from newslint.document.runs import Runs
from newslint.findings import Finding
from newslint.kinds.base import STATE, RuleError, finditer
from newslint.kinds.vale import STYLE_KEYS, DocumentView, ValeRule, _parse, _sre, compile_key, flags_for, number

# Letter properties, which sre does not know, read as \w: every letter is a word character.
_LETTER_PROPERTY = regexcache.compile(r"\\p(?:\{L[ultmo]?\}|\{Letter\}|L)")
_WORD_CATEGORIES = {_sre.CATEGORY_WORD, _sre.CATEGORY_DIGIT}
_WORD = regexcache.compile(r"\w")  # what the runs are made of


def starts_at_runs(token: str) -> bool:
    """Every match of `token` begins with \\b and a word character, that is where a run of
    word characters (document/runs.py) begins: a span then holds at most as many matches as
    runs. False when that is not certain."""
    tree = _parse(_LETTER_PROPERTY.sub(r"\\w", token))
    if tree is None or tree.state.flags & (_sre.SRE_FLAG_ASCII | _sre.SRE_FLAG_LOCALE):
        return False  # ASCII or locale word edges are not the runs' edges
    return _word_start(list(tree))


def _word_start(items: list) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is _sre.SUBPATTERN and len(items) == 1:
        return _word_start(list(av[-1]))
    if op is _sre.BRANCH and len(items) == 1:
        return all(_word_start(list(alternative)) for alternative in av[1])
    if not (op is _sre.AT and av is _sre.AT_BOUNDARY) or len(items) < 2:
        return False
    return _word_char(items[1])


def _word_char(item: tuple) -> bool:
    """`item` consumes a word character first."""
    op, av = item
    if op is _sre.LITERAL:
        return _WORD.match(chr(av)) is not None
    if op is _sre.IN:
        return all(o is _sre.CATEGORY and a in _WORD_CATEGORIES
                   or o is _sre.LITERAL and _WORD.match(chr(a)) is not None
                   or o is _sre.RANGE and a[1] - a[0] < 256 and all(_WORD.match(chr(c)) for c in range(a[0], a[1] + 1))
                   for o, a in av)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        body = list(av[2])
        return bool(body) and _word_char(body[0])
    return False


class Occurrence(ValeRule):
    extends = "occurrence"
    keys = frozenset({"token", "max", "min"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise RuleError("an occurrence rule needs a 'token' pattern", "token")
        self.pattern = compile_key(f"(?:{token})", "token", flags_for(self.ignorecase))
        self.max = int(number(data, "max"))
        self.min = int(number(data, "min"))
        if self.max <= 0 and self.min <= 0:
            raise RuleError("an occurrence rule needs 'max' or 'min' above 0", "max")
        self.token = token
        self._run_bound: bool | None = None  # see starts_at_runs; analysed on first use

    def few_runs(self, view: DocumentView) -> Runs | None:
        """The prose's runs when they bound the count (a `max` rule on the prose whose token
        starts at runs); None: every span is counted."""
        if self.min > 0 or self.raw:
            return None
        if self._run_bound is None:
            self._run_bound = starts_at_runs(self.token)
        return Runs.of(view.document) if self._run_bound else None

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        spans = self.spans(view)
        if self.whole_document() and spans:
            spans = [(spans[0][0], spans[-1][1])]
        prose = self.subject(view)
        runs = self.few_runs(view)
        for start, end in spans:
            # The runs overlapping the span bound its matches: most sentences have too few.
            if runs is not None and bisect_left(runs.starts, end) - bisect_right(runs.ends, start) <= self.max:
                continue
            count = self.count(prose, start, end)
            if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
                first = next((m.span() for m in finditer(self.pattern, prose, start, end) if m.group().strip()), (start, start))
                yield self.finding(first[0], first[1], str(count))

    def count(self, prose: str, start: int, end: int) -> int:
        """The matches in [start, end) that are not blank. Without groups, findall gives the
        matched strings without building a match object each (most spans only count)."""
        if self.pattern.groups:
            return sum(1 for m in finditer(self.pattern, prose, start, end) if m.group().strip())
        found = self.pattern.findall(prose, start, end, timeout=STATE.timeout)
        return sum(map(bool, map(str.strip, found)))


RULE_KINDS = {"occurrence": Occurrence}
