"""`extends: occurrence` (Vale): count matches of `token` per scope (each sentence, paragraph
or heading; the whole text for `text`) and report when there are more than `max` or fewer
than `min`. The message's %s is the count; the finding sits on the first match."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import REGEX_TIMEOUT, RuleError, finditer
from newslint.kinds.vale import STYLE_KEYS, DocumentView, ValeRule, compile_key, flags_for, number


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

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        spans = self.spans(view)
        if self.whole_document() and spans:
            spans = [(spans[0][0], spans[-1][1])]
        prose = self.subject(view)
        for start, end in spans:
            count = self.count(prose, start, end)
            if (self.max > 0 and count > self.max) or (self.min > 0 and count < self.min):
                first = next((m.span() for m in finditer(self.pattern, prose, start, end) if m.group().strip()), (start, start))
                yield self.finding(first[0], first[1], str(count))

    def count(self, prose: str, start: int, end: int) -> int:
        """The matches in [start, end) that are not blank. Without groups, findall gives the
        matched strings without building a match object each (most spans only count)."""
        if self.pattern.groups:
            return sum(1 for m in finditer(self.pattern, prose, start, end) if m.group().strip())
        found = self.pattern.findall(prose, start, end, timeout=REGEX_TIMEOUT)
        return sum(map(bool, map(str.strip, found)))


RULE_KINDS = {"occurrence": Occurrence}
