"""`extends: consistency` (Vale): `either` pairs (`advisor: adviser`) of which a document should
use only one. Once both have appeared, every use of the form that came second is reported.
The message's %s is the inconsistent text."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import RuleError, finditer
from newslint.kinds.vale import (
    STYLE_KEYS, NONWORD_TEMPLATE, WORD_TEMPLATE, DocumentView, ValeRule, compile_key, flags_for,
    requirement, string_map,
)


class Consistency(ValeRule):
    extends = "consistency"
    keys = frozenset({"either"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        either = string_map(data, "either")
        if not either:
            raise RuleError("a consistency rule needs an 'either' map", "either")
        template = NONWORD_TEMPLATE if self.nonword else WORD_TEMPLATE
        self.pairs = []
        for first, second in either.items():
            pattern = compile_key(template.format(f"({first})|({second})"), "either", flags_for(self.ignorecase))
            gates = (requirement(first, not self.nonword, self.spec.path), requirement(second, not self.nonword, self.spec.path))
            self.pairs.append((pattern, gates))

    def prepare(self, view: DocumentView) -> Any:
        # Both forms must be present for an inconsistency.
        pairs = [p for p, (first, second) in self.pairs if self.raw or (view.has(first) and view.has(second))]
        return pairs or None

    def scan(self, view: DocumentView, pairs: Any) -> Iterator[Finding]:
        prose = self.subject(view)
        spans = self.spans(view)
        for pattern in pairs:
            established = 0  # which group came first: 1 or 2
            for start, end in spans:
                for match in finditer(pattern, prose, start, end):
                    group = 1 if match.start(1) >= 0 else 2
                    established = established or group
                    if group != established:
                        yield self.finding(match.start(), match.end(), match.group())


RULE_KINDS = {"consistency": Consistency}
