"""`extends: repetition` (Vale): two consecutive matches of `tokens` with the same text ("the
the"), on one line. `max` repetitions are allowed (default 0); `alpha` counts only
alphabetic tokens. The message's %s is the repeated token."""
from __future__ import annotations

import operator
from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import REGEX_TIMEOUT, RuleError, finditer
from newslint.kinds.vale import (
    STYLE_KEYS, DocumentView, Exceptions, ValeRule, action_fixes, action_of, compile_key, fix_from,
    flags_for, number, scoped_flags, string_list,
)


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

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        prose = self.subject(view)
        for start, end in self.spans(view):
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
        found = self.pattern.findall(prose, start, end, timeout=REGEX_TIMEOUT)
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
