"""What every rule kind shares: the compiled rule's common keys, the check context, and the
helpers that turn a match into a Finding."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from newslint import regexcache
from newslint.regextimer import REGEX_TIMEOUT, STATE, finditer as timed_finditer
from newslint.document.model import Document
from newslint.document.runs import Runs
from newslint.findings import CATEGORIES, SEVERITIES, Evidence, Finding, Fix

if TYPE_CHECKING:
    from newslint.registry.model import Registry

LEVELS = {"suggestion": "suggestion", "info": "info", "warning": "warning", "error": "error"}
COMMON_KEYS = {
    "extends", "message", "level", "scope", "link", "description", "category", "examples",
    "action", "limit", "ignorecase", "nonword", "vocab", "inquotes",
}


class RuleError(Exception):
    """A rule's YAML is wrong. `key` names the offending key so the loader can give its line."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


@dataclass
class RuleSpec:
    """A rule as loaded from YAML: its id, where it came from, and its raw keys."""

    id: str
    path: str
    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)  # key -> 1-based line in the file
    line: int = 1


@dataclass(eq=False)
class CheckContext:
    """Everything a rule may consult while checking one document."""

    document: Document
    registry: Registry | None = None
    accepted_words: frozenset[str] = frozenset()
    draft_date: str | None = None
    # Per-document work that several rules need (the draft's resolved names, its attribution
    # analysis), done by the first rule that asks; see `shared`.
    cache: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def shared(self, key: Any, build: Callable[[], Any]) -> Any:
        """`build()` once per context and key. The key must name everything the result
        depends on besides the document (e.g. the registry's and the lexicon's identity)."""
        if key not in self.cache:
            self.cache[key] = build()
        return self.cache[key]


def prose_words(document: Document) -> frozenset[str]:
    """The lowercase words (\\w+ runs) of the document's prose, computed once per document
    from its runs (document/runs.py), which the fact checks and style rules share."""
    return Runs.of(document).words


class Rule:
    """Base of all rule kinds. Subclasses set `extends` and implement `compile` and `check`."""

    extends: ClassVar[str] = ""
    category: ClassVar[str] = "style"
    needs_registry: ClassVar[bool] = False
    # Reads the registry when the draft has sources, and runs without one too.
    uses_registry: bool = False
    # The rule finds nothing in a document whose prose (see prose_words) has none of these
    # words; None: no such promise. Set once in compile(); the engine indexes rules by these
    # words so that a document visits only the rules whose words it contains.
    gate_words: frozenset[str] | None = None
    # Keys this kind understands besides COMMON_KEYS; unknown keys are reported as warnings.
    keys: ClassVar[frozenset[str]] = frozenset()
    # Runs users' patterns under its document's timer (regextimer.py) where there is one: its
    # memos are each stored once, complete, so it may be stopped anywhere.
    timed: ClassVar[bool] = False

    def __init__(self, spec: RuleSpec) -> None:
        self.spec = spec
        self.id = spec.id
        data = spec.data
        self.message: str = str(data.get("message", "") or "")
        level = str(data.get("level", "warning")).lower()
        if level not in LEVELS:
            raise RuleError(f"level must be one of {', '.join(SEVERITIES)}, not {level!r}", "level")
        self.level = LEVELS[level]
        self.scope = data.get("scope", "text")
        if isinstance(self.scope, list):
            self.scope = ",".join(str(s) for s in self.scope)
        self.link: str = str(data.get("link", "") or "")
        self.description: str = str(data.get("description", "") or "")
        self.finding_category = str(data.get("category", self.category))
        if self.finding_category not in CATEGORIES:
            raise RuleError(f"category must be one of {', '.join(CATEGORIES)}", "category")
        self.ignorecase = bool(data.get("ignorecase", False))
        self.nonword = bool(data.get("nonword", False))
        self.action = data.get("action") or {}
        # Style rules leave quotations alone unless the rule says `inquotes: true`.
        self.inquotes = bool(data.get("inquotes", False))
        self.compile(data)

    def compile(self, data: dict[str, Any]) -> None:  # pragma: no cover - overridden
        """Validate and precompile the kind's own keys; raise RuleError on bad input."""

    def check(self, context: CheckContext) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------------------
    def finding(
        self,
        start: int,
        end: int,
        *args: Any,
        message: str | None = None,
        fix: str | Fix | None = None,
        evidence: tuple[Evidence, ...] | list[Evidence] = (),
        category: str | None = None,
        severity: str | None = None,
    ) -> Finding:
        text = message if message is not None else self._message_for(args)
        if isinstance(fix, str):
            fix = Fix(fix)
        return Finding(
            rule=self.id,
            category=category or self.finding_category,
            severity=severity or self.level,
            message=text,
            start=start,
            end=end,
            fix=fix,
            evidence=tuple(evidence),
            link=self.link,
        )

    def _message_for(self, args: tuple[Any, ...]) -> str:
        """format_message(self.message, args), formatted once per distinct args: a style rule
        reports the same few words many times."""
        template = self.message
        cached = self.__dict__.get("_messages")
        if cached is None or cached[0] is not template or len(cached[1]) > 1024:
            cached = self.__dict__["_messages"] = (template, {})  # a kind may change its message
        messages = cached[1]
        key = tuple(map(str, args))  # what format_message fills in; always hashable
        text = messages.get(key)
        if text is None:
            text = messages[key] = format_message(template, key)
        return text

    def scoped_spans(self, document: Document) -> list[tuple[int, int]]:
        """The (start, end) spans of prose this rule looks at, per Vale's `scope`."""
        spans: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        for alternative in str(self.scope or "text").split(","):
            alternative = alternative.strip() or "text"
            if alternative == "sentence":
                candidates = [(s.start, s.end) for s in document.sentences]
            else:
                candidates = [(b.start, b.end) for b in document.blocks_in_scope(alternative)]
            for span in candidates:
                if span not in seen:
                    seen.add(span)
                    spans.append(span)
        spans.sort()
        return spans


def format_message(template: str, args: tuple[Any, ...]) -> str:
    """Vale's `%s` substitution: fill as many %s as there are arguments, leave the rest."""
    if not args or "%" not in template:
        return template
    parts = template.split("%s")
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append(str(args[index]) if index < len(args) else "%s")
        out.append(part)
    return "".join(out).replace("%%", "%")


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """Compile a user regex (Vale's RE2-flavoured syntax is a subset of `regex`'s)."""
    try:
        return regexcache.compile(pattern, flags | regex.VERSION0)
    except (regex.error, TypeError, ValueError, OverflowError, RecursionError) as error:  # deep nesting recurses
        raise RuleError(f"pattern {pattern!r} does not compile: {error}") from None


def finditer(pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None):
    """finditer under the run's regex timeout (per call, or the rule's budget: regextimer.py);
    the engine reports a TimeoutError per rule."""
    return timed_finditer(pattern, text, start, len(text) if end is None else end, STATE.timeout)
