"""`extends: existence` (Vale): report every match of `tokens` (and/or `raw`) in scope.

Keys: tokens, raw, append, ignorecase, nonword, exceptions, vocab, action. The message's %s is
the matched text (and, with an action, the suggestion)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import RuleError
from newslint.kinds.vale import (
    STYLE_KEYS, Chosen, DocumentView, Exceptions, TokenPattern, ValeRule, action_fixes, action_of, fix_from,
    need_words, requirement, string_list, to_sentence,
)


class Existence(ValeRule):
    extends = "existence"
    keys = frozenset({"tokens", "raw", "append", "exceptions", "code"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        tokens = string_list(data, "tokens")
        raw = "".join(string_list(data, "raw"))  # Vale concatenates the parts of `raw`
        if not tokens and not raw:
            raise RuleError("an existence rule needs 'tokens' or 'raw'", "tokens")
        append = bool(data.get("append", False))
        # Vale: raw goes before the tokens' group, or after it with `append: true`.
        before, after = ("", raw) if append else (raw, "")
        self.tokens = TokenPattern(
            tokens, word=bool(tokens) and not self.nonword, ignorecase=self.ignorecase,
            before=before, after=after, key="tokens" if tokens else "raw", origin=self.spec.path)
        # With no tokens the rule is its raw pattern: gate it on the raw's literals instead.
        self.gate = None if tokens else requirement(raw, False, self.spec.path)
        self.gate_words = self.tokens.gate_words if tokens else need_words(self.gate)
        self.exceptions = Exceptions(string_list(data, "exceptions"))
        self.action_name, self.action_params = action_of(data)

    def prepare(self, view: DocumentView) -> Any:
        if self.raw:  # the prefilter knows only the prose
            return self.tokens.everywhere()
        if not view.has(self.gate) or not self.tokens.may_match(view):
            return None
        return self.tokens.for_document(view) if self.tokens.tokens else self.tokens.everywhere()

    def scan(self, view: DocumentView, chosen: Chosen) -> Iterator[Finding]:
        for match in self.matches(view, chosen):
            text = match.group()
            if not text.strip() or self.exceptions(text.strip()):
                continue
            yield self.report(match.start(), match.end(), text)

    def report(self, start: int, end: int, text: str) -> Finding:
        if not self.action_name:
            return self.finding(start, end, text)
        fixes = action_fixes(self.action_name, self.action_params, text)
        suggestion = fixes[0] if len(fixes) == 1 else to_sentence(fixes) if fixes else text
        # A removal or a choice among several words needs an editor's eye: unsafe.
        safe = len(fixes) == 1 and self.action_name != "remove"
        return self.finding(start, end, text, suggestion, fix=fix_from(fixes, safe))


RULE_KINDS = {"existence": Existence}
