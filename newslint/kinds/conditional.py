"""`extends: conditional` (Vale): a match of `first` needs a match of `second` whose groups
captured the same text, earlier in the document or in the same block; e.g. an acronym (`first`)
needs its definition "Full Name (ACRONYM)" (`second`). The message's %s is the match of `first`."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import RuleError, finditer
from newslint.kinds.vale import (
    STYLE_KEYS, DocumentView, Exceptions, ValeRule, compile_key, flags_for, need_words, requirement,
    string_list,
)


class Conditional(ValeRule):
    extends = "conditional"
    keys = frozenset({"first", "second", "exceptions"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        for key in ("first", "second"):
            if not isinstance(data.get(key), str) or not data[key]:
                raise RuleError(f"a conditional rule needs a '{key}' pattern", key)
        flags = flags_for(self.ignorecase)
        self.first = compile_key(data["first"], "first", flags)
        self.second = compile_key(data["second"], "second", flags)
        self.gate = requirement(data["first"], False, self.spec.path)
        self.gate_words = need_words(self.gate)
        self.exceptions = Exceptions(string_list(data, "exceptions"))

    def prepare(self, view: DocumentView) -> Any:
        return True if self.raw or view.has(self.gate) else None

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        prose = self.subject(view)
        defined: set[str] = set()
        for start, end in self.spans(view):
            for match in finditer(self.second, prose, start, end):
                defined.update(g for g in match.groups() if g)
            for match in finditer(self.first, prose, start, end):
                text = match.group()
                if text not in defined and not self.exceptions(text):
                    yield self.finding(match.start(), match.end(), text)


RULE_KINDS = {"conditional": Conditional}
