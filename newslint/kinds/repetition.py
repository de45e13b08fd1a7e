"""`extends: repetition` (Vale): two consecutive matches of `tokens` with the same text ("the
the"), on one line. `max` repetitions are allowed (default 0); `alpha` counts only
alphabetic tokens. The message's %s is the repeated token."""
from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice
from typing import Any

from newslint.document.runs import Runs
from newslint.findings import Finding
from newslint.kinds.base import STATE, RuleError, finditer
from newslint.kinds.vale import (
    STYLE_KEYS, DocumentView, Exceptions, ValeRule, _parse, _sre, action_fixes, action_of, compile_key,
    fix_from, flags_for, number, scoped_flags, string_list,
)

# A token of these shapes (`[^\s]+`, `\S+`) matches the pieces between white space.
_NOT_SPACE = ([(_sre.NEGATE, None), (_sre.CATEGORY, _sre.CATEGORY_SPACE)], [(_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE)])


def between_spaces(tokens: list[str]) -> bool:
    """The tokens are one maximal run of characters other than white space."""
    tree = _parse(tokens[0]) if len(tokens) == 1 else None
    if tree is None or len(tree) != 1:
        return False
    op, av = tree[0]
    return (op is _sre.MAX_REPEAT and av[0] == 1 and av[1] is _sre.MAXREPEAT and len(av[2]) == 1 and av[2][0][0] is _sre.IN
            and list(av[2][0][1]) in _NOT_SPACE)


def repeated_runs(runs: Runs) -> list[int]:
    """Where a run starts that has the text of the run before it, ignoring case (casefold)."""
    folded = runs.lower if not runs.not_ascii else [text.casefold() for text in runs.texts]
    return [runs.starts[index] for index, same in enumerate(map(operator.eq, folded, islice(folded, 1, None)), 1) if same]


class Repetition(ValeRule):
    extends = "repetition"
    keys = frozenset({"tokens", "max", "alpha", "exceptions"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        tokens = string_list(data, "tokens")
        if not tokens:
            raise RuleError("a repetition rule needs 'tokens'", "tokens")
        self.pattern = compile_key("(" + "|".join(scoped_flags(t) for t in tokens) + ")", "tokens",
                                   flags_for(self.ignorecase))
        self.max = int(number(data, "max"))
        self.alpha = bool(data.get("alpha", False))
        self.exceptions = Exceptions(string_list(data, "exceptions"))
        self.action_name, self.action_params = action_of(data)
        # Alphabetic pieces between white space that repeat are runs of word characters that
        # repeat (see candidates).
        self.by_runs = self.alpha and between_spaces(tokens)

    def candidates(self, view: DocumentView) -> list[int] | None:
        """Where the second piece of a repetition can start (sorted), or None when every span
        must be scanned. With `by_runs`, the two pieces of a repetition are
        alphabetic, so made of word characters (every character whose casefold is
        alphabetic is one), with white space or markup between them and white space, markup
        or a span's edge around them: in spans that cut no word, they are two consecutive
        runs whose casefolds are equal."""
        if not self.by_runs or self.raw or view.narrowable(str(self.scope or "text")) is None:
            return None
        runs = Runs.of(view.document)
        found = runs.__dict__.get("_repeated")
        if found is None:
            found = runs.__dict__["_repeated"] = repeated_runs(runs)
        return found

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        prose = self.subject(view)
        spans = self.spans(view)
        candidates = self.candidates(view)
        for start, end in spans:
            if candidates is not None:
                index = bisect_left(candidates, start)
                if index == len(candidates) or candidates[index] >= end:
                    continue  # no run in the span repeats the one before it
            if not self.may_repeat(prose, start, end):
                continue
            previous, previous_start, previous_end, count = "", 0, 0, 0
            for match in finditer(self.pattern, prose, start, end):
                current = match.group().strip()
                hit = current != "" and (current.casefold() == previous.casefold() if self.ignorecase else current == previous)
                hit = hit and (not self.alpha or current.isalpha())
                if hit:
                    count += 1
                if hit and count > self.max:
                    text = prose[previous_start:match.end()]
                    if "\n" not in text and not self.exceptions(text) and not _markup_between(view, previous_end, match.start()):
                        fixes = action_fixes(self.action_name, self.action_params, text) if self.action_name else []
                        yield self.finding(previous_start, match.end(), current, fix=fix_from(fixes))
                        count = 0
                previous, previous_start, previous_end = current, match.start(), match.end()


    def may_repeat(self, prose: str, start: int, end: int) -> bool:
        """False when no two consecutive matches in [start, end) have the same text, which
        every repetition needs: most spans are ruled out by comparing strings from findall
        (the pattern's group 1 is the whole match) instead of building match objects."""
        found = self.pattern.findall(prose, start, end, timeout=STATE.timeout)
        if self.pattern.groups > 1:
            found = [groups[0] for groups in found]
        texts = list(map(str.strip, found))
        if self.ignorecase:
            texts = list(map(str.casefold, texts))
        return any(map(operator.eq, texts, texts[1:]))


def _markup_between(view: DocumentView, start: int, end: int) -> bool:
    """True when masked markup other than emphasis separates the two words ("the `the` the"):
    Vale sees a placeholder there, not a repetition."""
    return any(not c.isspace() and c not in "*_~" for c in view.document.text[start:end])


RULE_KINDS = {"repetition": Repetition}
