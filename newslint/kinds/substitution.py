"""`extends: substitution` (Vale): `swap` maps a pattern to its replacement ("a|b" offers
alternatives). The message's first %s is the replacement, the second the matched text.

One replacement gives a safe fix, in the case of the matched text when the rule ignores case;
several give an unsafe fix with the first."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from newslint import regexcache
from newslint.findings import Finding, Fix
from newslint.kinds.base import RuleError, format_message
from newslint.kinds.vale import (
    STYLE_KEYS, Chosen, DocumentView, Exceptions, TokenPattern, ValeRule, action_of, case_like, compile_key,
    go_template, kept_analysis, non_capturing, parses, string_list, string_map, to_sentence,
)


class Substitution(ValeRule):
    extends = "substitution"
    keys = frozenset({"swap", "exceptions", "capitalize", "pos"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        swap = string_map(data, "swap")
        if not swap:
            raise RuleError("a substitution rule needs a non-empty 'swap' map", "swap")
        # Vale tries longer keys first so that "past history" wins over "history".
        self.keys_in_order = sorted(swap, key=len, reverse=True)
        self.replacements = [swap[k] for k in self.keys_in_order]
        self.tokens = TokenPattern(
            [non_capturing(k) for k in self.keys_in_order], word=not self.nonword,
            ignorecase=self.ignorecase, capture=True, key="swap", origin=self.spec.path)
        self.gate_words = self.tokens.gate_words
        # Replacements with $1 need the key's own groups: those keys compiled alone, on first
        # use when Python's parser accepts them (they cannot fail then), else now so that a
        # broken key is reported at load time with its file.
        self.own_flags = regex.IGNORECASE if self.ignorecase else 0
        self.own: dict[int, regex.Pattern | None] = {
            i: None if kept_analysis("parses", (k,), lambda k=k: parses(k), self.spec.path)
            else compile_key(k, "swap", self.own_flags)
            for i, k in enumerate(self.keys_in_order) if "$" in self.replacements[i]}
        self.exceptions = Exceptions(string_list(data, "exceptions"))
        self.capitalize = bool(data.get("capitalize", False))
        self.action_name, _ = action_of(data)
        message = self.message
        for spec in ("'%s'", '"%s"'):  # Vale's convertMessage: the list brings its own quotes
            if message.count(spec) == 2:
                message = message.replace(spec, "%s", 1)
        self.list_message = message

    def prepare(self, view: DocumentView) -> Any:
        if self.raw:  # the prefilter knows only the prose
            return self.tokens.everywhere()
        if not self.tokens.may_match(view):
            return None
        return self.tokens.for_document(view)

    def scan(self, view: DocumentView, chosen: Chosen) -> Iterator[Finding]:
        prose = self.subject(view)
        for match in self.matches(view, chosen):
            index, begin, finish = TokenPattern.token_of(match, chosen.indexes)
            observed = prose[begin:finish].strip()
            if not observed:
                continue
            expected = self.expected(index, observed)
            if same(expected, observed) or self.exceptions(observed):
                continue
            yield self.report(begin, finish, observed, expected)

    def expected(self, index: int, observed: str) -> str:
        expected = self.replacements[index]
        if index in self.own:
            own = self.own[index]
            if own is None:
                own = self.own[index] = compile_key(self.keys_in_order[index], "swap", self.own_flags)
            expected = own.sub(go_template(expected), observed, count=1)
        if self.capitalize and observed[:1].isupper():
            expected = expected[:1].upper() + expected[1:]
        return expected

    def report(self, start: int, end: int, observed: str, expected: str) -> Finding:
        options = [o.strip() for o in expected.split("|") if o.strip()] or [expected]
        if self.ignorecase:
            options = [case_like(observed, o) for o in options]
        if len(options) > 1 or self.action_name == "replace":
            message_arg, template = to_sentence(options), self.list_message
        else:
            message_arg, template = expected, self.message
        fix = Fix(options[0], safe=len(options) == 1)
        return self.finding(start, end, message=format_message(template, (message_arg, observed)), fix=fix)


def same(expected: str, observed: str) -> bool:
    """Vale's matchToken: the replacement (as a whole-string pattern) already matches."""
    if " " in expected:
        return expected == observed
    try:
        return regexcache.compile(expected).fullmatch(observed, timeout=1.0) is not None  # (kept programs)
    except (regex.error, TimeoutError):
        return expected == observed


RULE_KINDS = {"substitution": Substitution}
