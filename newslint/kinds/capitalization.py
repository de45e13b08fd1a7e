"""`extends: capitalization` (Vale): the text of each scope (usually a heading) must match
`match`: `$title` (AP style, or `style: Chicago`), `$sentence`, `$lower`, `$upper`, or a
regex. For $title/$sentence, up to 1 - `threshold` (default 0.8) of the words may differ, so
that proper nouns do not trip the rule; `exceptions` are always accepted; `indicators` are
word endings (e.g. ":") after which a capital is allowed. The message's %s are the text and
the expected text."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

from newslint import regexcache
from newslint.findings import Finding, Fix
from newslint.kinds.base import RuleError
from newslint.kinds.vale import (
    STYLE_KEYS, DocumentView, Exceptions, ValeRule, compile_key, number, string_list,
)

# AP: lowercase articles, conjunctions and prepositions of three letters or fewer.
AP_SMALL = frozenset(
    "a an and as at but by for if in nor of off on or out per so the to up via vs yet".split())
CHICAGO_SMALL = AP_SMALL | frozenset((
    "about above across after against along amid among around before behind below beneath beside "
    "between beyond despite down during except from inside into like near onto over past since "
    "through throughout toward towards under underneath until upon with within without").split())
WORD = regexcache.compile(r"[\p{N}\p{L}*]+\S*")
PUNCT = "\"'“”‘’()[]{}.,;:!?"


def _core(word: str) -> str:
    return word.strip(PUNCT)


def _keeps_case(word: str, vocab: frozenset[str]) -> bool:
    """Acronyms, mixed case (iPhone, McCain) and vocabulary keep their case."""
    core = _core(word)
    letters = [c for c in core if c.isalpha()]
    return core in vocab or (len(letters) > 1 and all(c.isupper() for c in letters)) \
        or any(c.isupper() for c in core[1:])


def _upper_first(word: str) -> str:
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1:]
    return word


def title_case(text: str, small: frozenset[str], vocab: frozenset[str]) -> str:
    words = text.split(" ")
    filled = [i for i, w in enumerate(words) if w]
    out = []
    for position, word in enumerate(words):
        if not word or _keeps_case(word, vocab):
            out.append(word)
            continue
        edge = position in (filled[0], filled[-1]) or (position > 0 and words[position - 1].endswith(":"))
        lowered = word.lower()
        out.append(lowered if _core(lowered) in small and not edge else _upper_first(word))
    return " ".join(out)


def sentence_case(text: str, vocab: frozenset[str], indicators: tuple[str, ...]) -> str:
    words = text.split(" ")
    out, first = [], True
    for position, word in enumerate(words):
        if not word:
            out.append(word)
            continue
        after_indicator = position > 0 and indicators and words[position - 1].endswith(indicators)
        if first or after_indicator:
            out.append(word if _keeps_case(word, vocab) else _upper_first(word))
        elif _keeps_case(word, vocab) or _core(word) == "I" or _core(word).startswith(("I'", "I’")):
            out.append(word)
        else:
            out.append(word.lower())
        first = False
    return " ".join(out)


class Capitalization(ValeRule):
    extends = "capitalization"
    keys = frozenset({"match", "style", "exceptions", "indicators", "threshold", "prefix"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        match = data.get("match")
        if not isinstance(match, str) or not match:
            raise RuleError("a capitalization rule needs 'match' ($title, $sentence, $lower, $upper or a pattern)", "match")
        self.match = match
        exceptions = string_list(data, "exceptions")
        self.vocab = frozenset(exceptions)
        self.exceptions = Exceptions(exceptions)
        self.threshold = number(data, "threshold", 0.8) or 0.8
        self.prefix = str(data.get("prefix") or "")
        indicators = tuple(string_list(data, "indicators"))
        small = CHICAGO_SMALL if str(data.get("style", "AP")).lower() == "chicago" else AP_SMALL
        self.convert: Callable[[str], str] | None = None
        self.pattern = None
        if match == "$title":
            self.convert = lambda text: title_case(text, small, self.vocab)
        elif match == "$sentence":
            self.convert = lambda text: sentence_case(text, self.vocab, indicators)
        elif match == "$lower":
            self.convert = str.lower
        elif match == "$upper":
            self.convert = str.upper
        else:
            self.pattern = compile_key(match, "match")

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        prose, text = self.subject(view), view.document.text
        for start, end in self.spans(view):
            chunk = prose[start:end]
            begin = start + len(chunk) - len(chunk.lstrip())
            finish = start + len(chunk.rstrip())
            if begin >= finish:
                continue
            observed = prose[begin:finish]
            if self.prefix and observed.startswith(self.prefix):
                observed = observed[len(self.prefix):]
                begin += len(self.prefix)
            expected, ok = self.verdict(observed)
            if ok:
                continue
            # Only offer the text as a fix when no markup sits inside it (prose == text there).
            fixable = self.convert is not None and text[begin:finish] == observed and expected != observed
            yield self.finding(begin, finish, observed, expected,
                               fix=Fix(expected, safe=False) if fixable else None)

    def verdict(self, observed: str) -> tuple[str, bool]:
        if self.pattern is not None:
            return self.match, self.pattern.search(observed, timeout=1.0) is not None or self.exceptions(observed)
        assert self.convert is not None
        expected = self.convert(observed)
        if self.match in ("$lower", "$upper"):
            return expected, observed == expected or self.exceptions(observed)
        return expected, self.ratio(observed, expected)

    def ratio(self, observed: str, expected: str) -> bool:
        """Vale's test: enough words as expected (or exceptions, or all capitals for titles)."""
        want = WORD.findall(expected)
        words = WORD.findall(observed)
        if not words:
            return True
        good = 0
        for index, word in enumerate(words):
            if index >= len(want) or word == want[index] or _core(word) in self.vocab:
                good += 1
            elif self.match == "$title" and word == word.upper():
                good += 1
            elif self.match == "$sentence" and index == 0 and word != word[:1].upper() + word[1:].lower():
                return False
        return good / len(words) >= self.threshold


RULE_KINDS = {"capitalization": Capitalization}
