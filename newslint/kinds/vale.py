"""What the Vale-compatible style kinds share: building Vale's regexes from `tokens`, the
literal prefilter that lets most rules skip most documents, exceptions, actions (fixes),
case-preserving replacement, and the per-document caches.

Vale wraps a rule's tokens as `(?m)\\b(?:tok1|tok2)\\b` (or `(?m)(?:...)` with `nonword`),
puts `raw` before them (after them with `append: true`) and adds `(?i)` for `ignorecase`.
We build the same pattern, but run it only when the document can contain a match: every
literal token needs one of its words in the document's word set, and the whole pattern
(compiled once) is searched only where a token whose words are present can match (a token
whose literal words are absent cannot match)."""
from __future__ import annotations

import atexit
import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import regex

from newslint import regexcache
from newslint.digests import hexdigest
from newslint.document.model import Document
from newslint.document.runs import Runs
from newslint.findings import Finding, Fix
from newslint.yamlcache import ParsedYaml
from newslint.kinds.base import (
    STATE, CheckContext, Rule, RuleError, RuleSpec, compile_pattern, finditer, prose_words,
)

# The private sre parser is used only to find literal words in a pattern for the prefilter;
# when it cannot parse a pattern (regex-module syntax) the rule simply always runs.
try:  # pragma: no cover - location differs between Python versions
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

WORD_TEMPLATE = r"\b(?:{})\b"
WORD_LEAD = r"\b"  # what WORD_TEMPLATE asserts where every token starts
NONWORD_TEMPLATE = r"(?:{})"
_WORDS = regexcache.compile(r"\w+")
_WORD_PAIR = regexcache.compile(r"\w\w")
_LEADING_FLAGS = re.compile(r"^\(\?([a-zA-Z]*(?:-[a-zA-Z]+)?)\)")
# Vale turns capture groups in swap keys into non-capturing ones (so each key is one group).
_CAPTURE_OPEN = regexcache.compile(r"(?<!\\)\((?!\?)")
_GO_GROUP = regexcache.compile(r"\$(\d+)|\$\{(\w+)\}")


T = TypeVar("T")
# Token analyses kept per folder of rules (the latest written): twice its rules is enough, and a
# bound on what edits leave behind.
KEPT_ANALYSES = 32768


# -- patterns -----------------------------------------------------------------------------
def kept_analysis(kind: str, key: tuple, analyse: Callable[[], T], origin: str = "") -> T:
    """`analyse()`, a pure function of `key` (of strings, booleans and tuples of them), from
    the signed cache of an earlier run when there is one: parsing the tokens of the shipped
    rules with Python's parser for their prefilters is about 30 ms of a cold start. One cache
    per folder of rules (`origin` is a rule file; none: a cache of its own), stale when this
    file changes (yamlcache.ParsedYaml), written at exit."""
    raw = repr(key).encode("utf-8", "surrogatepass")
    folder = _FOLDERS.get(origin)
    if folder is None:  # a Path is made once per rule file (~7 us each; ~100 analyses per start)
        folder = _FOLDERS[origin] = str(Path(origin).parent) if origin else str(Path(__file__).resolve().parent)
    return _analyses(folder).parse(f"{kind}-{hexdigest(raw)[:24]}", raw, analyse)


_FOLDERS: dict[str, str] = {}  # a rule file -> its folder, as kept_analysis names it


_ANALYSES: dict[str, ParsedYaml] = {}  # folder -> its kept analyses, read on first use


def _analyses(folder: str) -> ParsedYaml:
    cache = _ANALYSES.get(folder)
    if cache is None:
        if not _ANALYSES:
            atexit.register(save_analyses)
        cache = _ANALYSES[folder] = ParsedYaml(Path(folder), "tokens", code=("kinds/vale.py",), keep=KEPT_ANALYSES)
    return cache


def save_analyses() -> None:
    """Write the analyses made in this process (at exit)."""
    for cache in list(_ANALYSES.values()):
        cache.save()


def scoped_flags(token: str) -> str:
    """`(?i)foo` -> `(?i:foo)`: Go applies a leading flag to its alternative only; Python's
    `regex` (version 0) would apply it to the whole pattern."""
    match = _LEADING_FLAGS.match(token)
    if not match or not match.group(1):
        return token
    return f"(?{match.group(1)}:{token[match.end():]})"


def flags_for(ignorecase: bool) -> int:
    return regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)


SCALARS = (str, int, float, bool)


def string_list(data: dict[str, Any], key: str) -> list[str]:
    """A list-of-strings key (a lone string is a one-item list); blanks are dropped as Vale does."""
    value = data.get(key)
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list) or not all(v is None or isinstance(v, SCALARS) for v in value):
        raise RuleError(f"'{key}' must be a list of strings", key)
    return [str(v) for v in value if v is not None and str(v).strip()]


def string_map(data: dict[str, Any], key: str) -> dict[str, str]:
    value = data.get(key)
    if value is None:
        return {}
    if isinstance(value, list):  # some styles write a list of one-entry maps
        merged: dict[str, str] = {}
        for item in value:
            if not isinstance(item, dict):
                raise RuleError(f"'{key}' must map patterns to replacements", key)
            merged.update(item)
        value = merged
    if not isinstance(value, dict):
        raise RuleError(f"'{key}' must map patterns to replacements", key)
    if not all(isinstance(k, SCALARS) and (v is None or isinstance(v, SCALARS)) for k, v in value.items()):
        raise RuleError(f"'{key}' must map strings to strings", key)
    return {str(k): "" if v is None else str(v) for k, v in value.items()}


def number(data: dict[str, Any], key: str, default: float = 0) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise RuleError(f"'{key}' must be a number", key)
    try:
        return float(value)
    except ValueError:
        raise RuleError(f"'{key}' must be a number, not {value!r}", key) from None


def compile_key(pattern: str, key: str, flags: int = 0) -> regex.Pattern:
    """compile_pattern, with the YAML key named so the loader reports the right line."""
    try:
        return compile_pattern(pattern, flags)
    except RuleError as error:
        raise RuleError(str(error), key) from None


def non_capturing(pattern: str) -> str:
    return _CAPTURE_OPEN.sub("(?:", pattern)


def go_template(replacement: str) -> str:
    """Go's `$1`/`${name}` replacement syntax as Python's `\\g<1>`."""
    escaped = replacement.replace("\\", "\\\\")
    return _GO_GROUP.sub(lambda m: f"\\g<{m.group(1) or m.group(2)}>", escaped)


# -- the literal prefilter ----------------------------------------------------------------
Need = frozenset  # of ("w", word) / ("s", substring): a match contains at least one of them


def need_words(need: Need | None) -> frozenset[str] | None:
    """The words of a requirement made only of words (usable as a rule's gate_words)."""
    if not need or any(kind != "w" for kind, _ in need):
        return None
    return frozenset(value for _, value in need)


def requirement(pattern: str, bounded: bool, origin: str | None = None) -> Need | None:
    """What any match of `pattern` must contain: a set of lowercase whole words ("w") or
    substrings ("s"), one of which is in the matched text. None when nothing is certain.
    `bounded`: the pattern is wrapped in \\b...\\b. `origin`: the rule file whose folder's
    cache keeps the answer between runs (kept_analysis; Python's parser is slow on big patterns)."""
    if origin is not None:
        return kept_analysis("requirement", (pattern, bounded), lambda: requirement(pattern, bounded), origin)
    tree = _parse(pattern)
    return None if tree is None else _sequence(list(tree), bounded, bounded)


def parses(pattern: str) -> bool:
    """Python's own parser accepts the pattern: then `regex` compiles it too, and the compile
    (slow in pure Python) can wait until the pattern is first needed."""
    return _parse(pattern) is not None


def _parse(pattern: str, flags: int = 0) -> Any:
    try:
        return _sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - any syntax sre does not know: no prefilter
        return None


_BOUNDARIES = {
    _sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_END, _sre.AT_BEGINNING_STRING,
    _sre.AT_END_STRING, _sre.AT_BEGINNING_LINE, _sre.AT_END_LINE,
}
_NONWORD_CATEGORIES = {_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_WORD, _sre.CATEGORY_LINEBREAK}


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _bounds_words(item: tuple) -> bool:
    """True when `item` matches only at a word edge or only non-word characters."""
    op, av = item
    if op is _sre.AT:
        return av in _BOUNDARIES
    if op is _sre.LITERAL:
        return not _is_word_char(chr(av))
    if op is _sre.IN:
        return all(o is _sre.CATEGORY and a in _NONWORD_CATEGORIES
                   or o is _sre.LITERAL and not _is_word_char(chr(a)) for o, a in av)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
        body = list(av[2])
        return len(body) == 1 and _bounds_words(body[0])
    return False


def _sequence(items: list, left: bool, right: bool) -> Need | None:
    candidates: list[Need] = []
    run: list[str] = []
    run_left = left
    for index, (op, av) in enumerate(items):
        before = left if index == 0 else _bounds_words(items[index - 1])
        after = right if index == len(items) - 1 else _bounds_words(items[index + 1])
        if op is _sre.LITERAL:
            if not run:
                run_left = before
            run.append(chr(av))
            if index == len(items) - 1 or items[index + 1][0] is not _sre.LITERAL:
                need = _run_need("".join(run), run_left, after)
                if need:
                    candidates.append(need)
                run = []
            continue
        need = None
        if op is _sre.SUBPATTERN:
            need = _sequence(list(av[-1]), before, after)
        elif op is _sre.BRANCH:
            parts = [_sequence(list(alternative), before, after) for alternative in av[1]]
            if parts and all(parts):
                need = frozenset().union(*parts)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            need = _sequence(list(av[2]), False, False)
        elif op is getattr(_sre, "ATOMIC_GROUP", None):
            need = _sequence(list(av), before, after)
        if need:
            candidates.append(need)
    if not candidates:
        return None
    # Prefer whole words (a set lookup) over substrings, few alternatives, long literals.
    return min(candidates, key=lambda n: (sum(k == "s" for k, _ in n), len(n), -min(len(v) for _, v in n)))


def _run_need(text: str, left: bool, right: bool) -> Need | None:
    words = [
        m.group().lower() for m in _WORDS.finditer(text)
        if (m.start() > 0 or left) and (m.end() < len(text) or right)
    ]
    if words:
        return frozenset({("w", max(words, key=len))})
    if len(text.strip()) >= 2:
        return frozenset({("s", text.lower())})
    return None


# -- match anchors -------------------------------------------------------------------------
# Most tokens begin, after lookarounds and \b, with a literal ("president", "$") or a digit
# class. A match can only start where that first item matches, so the pattern need only be
# tried there (pattern.match at each such position is what finditer does at every position):
# exact, and much cheaper for tokens that open with heavy lookbehinds. An anchor is the
# source of a small regex for that first item; None when a token has no selective one.
_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
_NOTHING = frozenset({""})  # "no consuming item here": the match starts with what follows
_LOCATORS: dict[str, regex.Pattern] = {}
# `regex`'s Unicode properties, which sre does not know, read as \w for the analysis: never
# an anchor themselves, and they leave the structure around them intact.
_ESCAPE = regexcache.compile(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z]|.)", regex.DOTALL)


def analysis_tree(pattern: str) -> Any:
    """The sre tree of `pattern` with Unicode properties as \\w; None when sre cannot parse it."""
    return _parse(_ESCAPE.sub(lambda m: r"\w" if m.group()[1] in "pP" and len(m.group()) > 2 else m.group(), pattern))


def anchors(tree: Any, ignorecase: bool, lead: str = "") -> frozenset[str] | None:
    """The anchors of a parsed pattern (sre tree): its possible first items, each with the
    \\b or \\B that must hold just before it. `lead`: such an assertion outside the tree."""
    if tree is None:
        return None
    ignorecase = ignorecase or bool(tree.state.flags & _sre.SRE_FLAG_IGNORECASE)
    found = _first_items(list(tree), ignorecase, lead)
    return None if found is None or found is _NOTHING else found


_LEADS = {_sre.AT_BOUNDARY: r"\b", _sre.AT_NON_BOUNDARY: r"\B"}


def _first_items(items: list, ignorecase: bool, lead: str) -> frozenset[str] | None:
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            # A word-edge test applies where the first item starts: the locator keeps it.
            lead = _LEADS.get(av, lead) if op is _sre.AT and not lead else lead
            continue
        if op is _sre.LITERAL:
            run = []
            for next_op, next_av in items[index:]:
                if next_op is not _sre.LITERAL:
                    break
                run.append(chr(next_av))
            return _anchor("".join(run), regex.escape("".join(run)), ignorecase, lead)
        if op is _sre.IN:
            return _class_anchor(av, ignorecase, lead)
        if op is _sre.SUBPATTERN or op is getattr(_sre, "ATOMIC_GROUP", None):
            if op is _sre.SUBPATTERN:
                _, add, remove, body = av
                ignorecase = (ignorecase or bool(add & _sre.SRE_FLAG_IGNORECASE)) and not remove & _sre.SRE_FLAG_IGNORECASE
            else:
                body = av
            found = _first_items(list(body), ignorecase, lead)
            if found is _NOTHING:
                continue
            return found
        if op is _sre.BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                found = _first_items(list(alternative), ignorecase, lead)
                if found is None or found is _NOTHING:
                    return None
                union |= found
            return frozenset(union)
        if op in _REPEATS and av[0] >= 1:
            found = _first_items(list(av[2]), ignorecase, lead)
            return None if found is _NOTHING else found
        if op in _REPEATS:
            # An optional item ("(?:a )?mixed bag"): a match begins with it or, without it,
            # with what follows, the same lead holding there.
            found = _first_items(list(av[2]), ignorecase, lead)
            rest = _first_items(items[index + 1:], ignorecase, lead)
            if found is None or found is _NOTHING or rest is None or rest is _NOTHING:
                return None
            return found | rest
        return None
    return _NOTHING


def _anchor(text: str, source: str, ignorecase: bool, lead: str) -> frozenset[str] | None:
    # A lone letter or a space would be found almost everywhere: no help.
    if not text.strip() or (len(text) == 1 and text.isalpha()):
        return None
    return frozenset({lead + (f"(?i:{source})" if ignorecase else source)})


def _class_anchor(items: list, ignorecase: bool, lead: str) -> frozenset[str] | None:
    """A class of digits and punctuation (`[1-9]`, `\\d`, `['’]`); letters are too common."""
    parts, chars = [], []
    for op, av in items:
        if op is _sre.LITERAL:
            chars.append(chr(av))
            parts.append(regex.escape(chr(av)))
        elif op is _sre.RANGE and av[1] - av[0] < 256:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
            parts.append(f"{regex.escape(chr(av[0]))}-{regex.escape(chr(av[1]))}")
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_DIGIT:
            parts.append(r"\d")
        else:
            return None
    if any(c.isalpha() or c.isspace() for c in chars):
        return None
    source = "[" + "".join(parts) + "]"
    return frozenset({lead + (f"(?i:{source})" if ignorecase else source)})


# An anchor that matches only where a run of word characters begins: a word boundary, then
# ASCII letters or digits (ignoring case or not; "\\bFeb\\." goes on past them), or a digit.
_RUN_WORD_ANCHOR = re.compile(r"\\b(?:\(\?i:)?([A-Za-z0-9]+)")
# Digit anchors, by the first characters of the runs they match at (all of them: no regex is
# asked); "\\d" stands for every decimal digit.
_RUN_DIGIT_ANCHORS = {r"\b[1-9]": "123456789", r"\b[\d]": r"\d", r"\b(?i:[\d])": r"\d", r"\b\d": r"\d",
                      r"\b(?i:\d)": r"\d"}


def run_anchors(anchor_set: Iterable[str]) -> tuple[tuple[str, ...], str] | None:
    """(the lowercase word prefixes, the digits) that a run of the prose must begin with for
    one of the anchors to match at its start; None unless every anchor matches only at the
    start of a run of word characters (\\w+, as document/runs.py splits the prose): a `\\b`
    followed by a word character can only be met where such a run begins. A run that begins
    with a prefix is only a candidate (the anchors' pattern decides); one that begins with a
    digit of a digit anchor is a match."""
    prefixes: list[str] = []
    digits = ""
    for anchor in anchor_set:
        these = _RUN_DIGIT_ANCHORS.get(anchor)
        if these is not None:
            if digits and digits != these:
                return None
            digits = these
            continue
        word = _RUN_WORD_ANCHOR.match(anchor)
        if word is None:
            return None
        prefixes.append(word.group(1).lower())
    return tuple(sorted(prefixes)), digits


def locator(anchor_set: Iterable[str]) -> regex.Pattern:
    """One regex for a set of anchors, compiled once per process."""
    source = "|".join(sorted(anchor_set))
    found = _LOCATORS.get(source)
    if found is None:
        found = _LOCATORS[source] = regexcache.compile(source, regex.VERSION0)
    return found


def anchored_finditer(pattern: regex.Pattern, subject: str, start: int, end: int, starts: list[int]) -> Iterator[regex.Match]:
    """What finditer(pattern, subject, start, end) yields when every match begins at one of
    `starts` (sorted): the pattern is tried only at those. Matches are never empty there."""
    index = bisect.bisect_left(starts, start)
    stop = bisect.bisect_left(starts, end)
    at = start
    match = pattern.match
    timeout = STATE.timeout  # (a rule's matches are all taken while it runs)
    while index < stop:
        offset = starts[index]
        index += 1
        if offset < at:
            continue
        found = match(subject, offset, end, timeout=timeout)
        if found is not None:
            yield found
            at = found.end()


# -- per-document caches ------------------------------------------------------------------
@dataclass(eq=False, repr=False)
class DocumentView:
    """What every style rule asks of a document, computed once per document."""

    document: Document
    words: frozenset[str] = frozenset()  # the lowercase words of the prose
    _lower: str | None = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _statistics: dict[str, float] | None = None
    _word_starts: dict[str, list[int]] | None = None
    _anchor_starts: dict[tuple[frozenset[str], bool], list[int]] = field(default_factory=dict)
    _initials: dict[str, list[str]] | None = None  # see _run_candidates
    _span_starts: dict[str, list[int] | None] = field(default_factory=dict)
    _word_spans: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)
    _folds: bool | None = None
    # Literals.search's matches by tokens, case, chosen tokens and scope: rules of a style
    # often flag the same words (a word in two packs, a phrase in several rules).
    literal_matches: dict[tuple, list[LiteralMatch]] = field(default_factory=dict)

    @property
    def statistics(self) -> dict[str, float]:
        """Vale's metric variables (words, sentences, syllables...), for metric/readability."""
        if self._statistics is None:
            from newslint.kinds.textstats import statistics
            self._statistics = statistics(self.document)
        return self._statistics

    def first_line(self) -> tuple[int, int]:
        """Where a whole-document finding goes: the first line of the first block."""
        blocks = self.document.blocks
        start = blocks[0].start if blocks else 0
        end = self.document.text.find("\n", start)
        return start, len(self.document.text) if end < 0 else end

    def __post_init__(self) -> None:
        self.words = prose_words(self.document)  # shared with the engine's rule index

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.document.prose.lower()
        return self._lower

    def word_starts(self) -> dict[str, list[int]]:
        """Where each lowercase word of `words` starts in the prose."""
        if self._word_starts is None:  # the document's runs, shared with the fact checks
            self._word_starts = Runs.of(self.document).word_starts
        return self._word_starts

    def anchor_starts(self, anchor_sets: tuple[frozenset[str], ...], raw: bool) -> list[int]:
        """Where one of the anchors matches in the prose (the source text when `raw`), in
        order. Found per token's set of anchors, so that each locator is compiled once per
        process and each search made once per document whichever tokens a rule needs."""
        if len(anchor_sets) == 1:
            return self._starts_of(anchor_sets[0], raw)
        return sorted(set().union(*(self._starts_of(anchor_set, raw) for anchor_set in anchor_sets)))

    def _starts_of(self, anchor_set: frozenset[str], raw: bool) -> list[int]:
        key = (anchor_set, raw)
        starts = self._anchor_starts.get(key)
        if starts is None:
            subject = self.document.text if raw else self.document.prose
            at_runs = None if raw else run_anchors(anchor_set)
            if at_runs is None:
                starts = [m.start() for m in locator(anchor_set).finditer(subject, overlapped=True, timeout=STATE.timeout)]
            else:  # only where a run of the prose's words begins as an anchor can
                prefixes, digits = at_runs
                found = set(self._runs_beginning(digits)) if digits else set()
                if prefixes:
                    match = locator(anchor_set).match
                    found.update(at for at in self._run_candidates(prefixes)
                                 if at not in found and match(subject, at, timeout=STATE.timeout) is not None)
                starts = sorted(found)
            self._anchor_starts[key] = starts
        return starts

    def _initial_words(self) -> dict[str, list[str]]:
        """The document's distinct lowercase runs (Runs.word_starts) by their first character."""
        if self._initials is None:  # stored once complete: a timed rule may be stopped anywhere
            initials: dict[str, list[str]] = {}
            for word in Runs.of(self.document).word_starts:
                initials.setdefault(word[:1], []).append(word)
            self._initials = initials
        return self._initials

    def _run_candidates(self, prefixes: tuple[str, ...]) -> list[int]:
        """The starts of the prose's runs whose lowercase text begins with one of `prefixes`
        (lowercase ASCII letters and digits), and of every run that is not ASCII."""
        runs = Runs.of(self.document)
        initials = self._initial_words()
        found = list(runs.not_ascii)
        for prefix in prefixes:
            for word in initials.get(prefix[:1], ()):
                if word.startswith(prefix):
                    found.extend(runs.word_starts[word])
        return found

    def _runs_beginning(self, digits: str) -> list[int]:
        """The starts of the prose's runs that begin with one of `digits`, or with any decimal
        digit (Unicode's, as the regex `\\d`) when `digits` is "\\d"."""
        word_starts = Runs.of(self.document).word_starts
        test = str.isdecimal if digits == "\\d" else digits.__contains__
        return [at for initial, words in self._initial_words().items() if test(initial)
                for word in words for at in word_starts[word]]

    def spans_holding(self, scope: str, spans: list[tuple[int, int]], words: Iterable[str]) -> list[tuple[int, int]]:
        """The spans of `scope` in which one of `words` occurs. A match that must contain one
        of the words (as a whole word) can only be in those, provided the spans are disjoint
        and none of their edges cuts a word (a search ending inside a word sees a word edge
        there): otherwise all of them."""
        if scope not in self._span_starts:
            self._span_starts[scope] = self._narrowable(spans)
        starts = self._span_starts[scope]
        if starts is None:
            return spans
        chosen: set[int] = set()
        for word in words:
            chosen.update(self._spans_of_word(scope, spans, starts, word))
        return [spans[index] for index in sorted(chosen)]

    def _spans_of_word(self, scope: str, spans: list[tuple[int, int]], starts: list[int], word: str) -> tuple[int, ...]:
        """The indexes of the spans of `scope` holding `word`, once per document, scope and
        word: many rules share a scope and some share words."""
        key = (scope, word)
        found = self._word_spans.get(key)
        if found is None:
            indexes: dict[int, None] = {}
            for offset in self.word_starts().get(word, ()):
                index = bisect.bisect_right(starts, offset) - 1
                if index >= 0 and offset < spans[index][1]:
                    indexes[index] = None
            found = self._word_spans[key] = tuple(indexes)
        return found

    def _narrowable(self, spans: list[tuple[int, int]]) -> list[int] | None:
        prose = self.document.prose
        previous_end = 0
        for start, end in spans:
            if start < previous_end:
                return None  # overlapping spans
            for edge in (start, end):
                if 0 < edge < len(prose) and _WORD_PAIR.match(prose, edge - 1):
                    return None
            previous_end = end
        return [start for start, _ in spans]

    @property
    def folds_to_ascii(self) -> bool:
        """The prose has a non-ASCII letter that `regex` matches to an ASCII one ignoring case."""
        if self._folds is None:
            prose = self.document.prose
            self._folds = not prose.isascii() and any(char in prose for char in _FOLDS_TO_ASCII)
        return self._folds

    def narrowable(self, scope: str) -> list[int] | None:
        """The starts of the scope's spans (see spans_holding), None when they overlap or cut a
        word. `spans[scope]` must be filled (ValeRule.spans does)."""
        if scope not in self._span_starts:
            self._span_starts[scope] = self._narrowable(self.spans[scope])
        return self._span_starts[scope]

    def has(self, need: Need | None) -> bool:
        if need is None:
            return True
        return any(value in self.words if kind == "w" else value in self.lower for kind, value in need)


def view_of(document: Document) -> DocumentView:
    # Stored on the document itself so that thousands of rules share one word set per document.
    view = document.__dict__.get("_style_view")
    if view is None or view.document is not document:
        view = DocumentView(document)
        document.__dict__["_style_view"] = view
    return view


# -- tokens --------------------------------------------------------------------------------
class Chosen(NamedTuple):
    """How a rule's tokens search one document."""

    pattern: regex.Pattern
    indexes: tuple[int, ...]  # the token of each capture group
    anchors: tuple[frozenset[str], ...] | None = None  # every match starts at one of these
    words: frozenset[str] | None = None  # every match holds one of these words of the document
    # Set when every token is a plain word literal (see Literals): `pattern` is then None;
    # ValeRule.matches turns to the regex (compiled then) when Literals.usable says no.
    literals: TokenPattern | None = None


class LiteralMatch(NamedTuple):
    """A match found without the regex (Literals.search): what scan() asks of a match."""

    subject: str
    begin: int
    finish: int
    token: int

    def group(self) -> str:
        return self.subject[self.begin:self.finish]

    def start(self, group: int = 0) -> int:
        return self.begin

    def end(self, group: int = 0) -> int:
        return self.finish


# Non-ASCII characters that `regex` matches to an ASCII letter when ignoring case.
_FOLDS_TO_ASCII = ("\u0130", "\u017f", "\u212a")
_WORD_CHAR = regexcache.compile(r"\w")


class Literals:
    """Tokens that are all plain text starting and ending with an ASCII word character
    (`Joordan`, `long overdue`), searched through the document's word index instead of a
    regex: no compile on first use, no scan of the text. Exactly what `\b(?:t1|t2)\b`
    finds: a token matches where a word of the document starts with its text and no word
    character follows; at one place the first token in order wins and matches do not overlap."""

    def __init__(self, texts: list[str], ignorecase: bool) -> None:
        self.texts = texts
        self.ignorecase = ignorecase
        self.compare = [t.lower() for t in texts] if ignorecase else texts
        self.first_words = [_WORDS.match(t).group().lower() for t in texts]
        self.identity = (tuple(texts), ignorecase)  # what the matches depend on besides the document

    @staticmethod
    def texts_of(trees: list[Any], word: bool, before: str, after: str) -> list[str] | None:
        """The tokens' texts (sre trees) when a Literals can search for them; else None."""
        if not word or before or after or not trees or None in trees:
            return None
        texts = []
        for tree in trees:
            items = list(tree)
            if not items or any(op is not _sre.LITERAL for op, _ in items):
                return None
            text = "".join(chr(code) for _, code in items)
            if not (text.isascii() and _is_word_char(text[0]) and _is_word_char(text[-1])):
                return None
            texts.append(text)
        return texts

    def usable(self, view: DocumentView, scope: str) -> bool:
        """The word index answers exactly: the scope's spans neither overlap nor cut a word
        (a search bounded inside a word would see a word edge there), and, ignoring case, the
        prose has none of the few non-ASCII letters that match an ASCII one."""
        if self.ignorecase and view.folds_to_ascii:
            return False
        return view.narrowable(scope) is not None

    def search(self, view: DocumentView, indexes: tuple[int, ...], scope: str) -> Iterator[LiteralMatch]:
        """The matches in order, found once per document for every rule with the same
        tokens, case, chosen tokens and scope."""
        key = (self.identity, indexes, scope)
        found = view.literal_matches.get(key)
        if found is None:
            found = view.literal_matches[key] = list(self._search(view, indexes, scope))
        return iter(found)

    def _search(self, view: DocumentView, indexes: Iterable[int], scope: str) -> Iterator[LiteralMatch]:
        prose = view.document.prose
        spans = view.spans[scope]
        starts = view.narrowable(scope)
        word_starts = view.word_starts()
        found = []
        for index in indexes:
            text, compare, size = self.texts[index], self.compare[index], len(self.texts[index])
            for offset in word_starts.get(self.first_words[index], ()):
                piece = prose[offset:offset + size]
                if (piece.lower() if self.ignorecase else piece) != compare:
                    continue
                if _WORD_CHAR.match(prose, offset + size):
                    continue  # the token ends inside a longer word
                found.append((offset, index))
        found.sort()
        after = -1  # matches do not overlap
        for offset, index in found:
            if offset < after:
                continue
            span = bisect.bisect_right(starts, offset) - 1
            finish = offset + len(self.texts[index])
            if span < 0 or finish > spans[span][1]:
                continue  # outside the scope, or running past the end of its span
            after = finish
            yield LiteralMatch(prose, offset, finish, index)


class TokenPattern:
    """Tokens joined into one Vale-style alternation, with a per-token literal prefilter.
    `capture`: each token is its own group, so `token_of(match)` says which one matched."""

    def __init__(self, tokens: list[str], *, word: bool, ignorecase: bool, before: str = "",
                 after: str = "", capture: bool = False, key: str = "tokens", origin: str = "") -> None:
        self.tokens = [scoped_flags(t) for t in tokens]
        self.word = word
        self.flags = flags_for(ignorecase)
        self.before, self.after, self.capture, self.key = before, after, capture, key
        self.everything = tuple(range(len(self.tokens)))
        self._pattern: regex.Pattern | None = None
        self.source = self._source(range(len(self.tokens)))
        # What Python's parser says of the tokens depends on nothing else: kept between runs.
        self._kept_key = (tuple(self.tokens), word, bool(self.flags & regex.IGNORECASE), before, after, capture)
        self._origin = origin  # the rule file: its folder's cache keeps the analyses
        compile_now, needs, literal_texts = kept_analysis("tokens", self._kept_key, self._analyse, origin)
        # Tokens that Python's parser accepts are compiled on first use; anything else now,
        # so that a broken pattern is reported at load time with its file.
        if compile_now:
            self._pattern = compile_key(self.source, key, self.flags)
        self.by_word: dict[str, list[int]] = {}
        self.by_substring: list[tuple[str, int]] = []
        self.always: list[int] = []
        for index, need in enumerate(needs):
            if need is None:
                self.always.append(index)
                continue
            for kind, value in need:
                if kind == "w":
                    self.by_word.setdefault(value, []).append(index)
                else:
                    self.by_substring.append((value, index))
        self.literals = None if literal_texts is None else Literals(literal_texts, ignorecase)
        # Plain-text tokens need every word of theirs in the document, not only the one
        # filed in `by_word` (a misspelt phrase shares its correct words with many drafts).
        self.word_sets = None if literal_texts is None else [
            frozenset(_WORDS.findall(text.lower())) for text in literal_texts]
        self.words = frozenset(self.by_word)
        self.ungated = frozenset(self.always) | {index for _, index in self.by_substring}
        # When every token has a literal word, the pattern can only match if one is present.
        self.gate_words = self.words if not self.always and not self.by_substring else None
        self._anchors: tuple[list[frozenset[str] | None], frozenset[str] | None] | None = None

    def _analyse(self) -> tuple[bool, list[Need | None], list[str] | None]:
        """Whether the pattern must be compiled at load (Python's parser rejects a token, or
        the whole with its raw part), each token's requirement (see `requirement`), and the
        tokens' texts when all are plain literals (see Literals)."""
        parsed = [_parse(token) for token in self.tokens]
        compile_now = None in parsed or bool((self.before or self.after) and not parses(self.source))
        needs = [None if tree is None else _sequence(list(tree), self.word, self.word) for tree in parsed]
        return compile_now, needs, Literals.texts_of(parsed, self.word, self.before, self.after)

    def _analyse_anchors(self) -> tuple[list[frozenset[str] | None], frozenset[str] | None]:
        """The anchors of each token, and those of the raw part when it comes first (then it
        anchors every token); worked out on first need, as most rules never need them."""
        if self._anchors is None:
            self._anchors = kept_analysis("anchors", self._kept_key, self._find_anchors, self._origin)
        return self._anchors

    def _find_anchors(self) -> tuple[list[frozenset[str] | None], frozenset[str] | None]:
        """A global flag inside a token that sre rejects would apply to every token in
        `regex`: then there are none."""
        ignorecase = bool(self.flags & regex.IGNORECASE)
        each: list[frozenset[str] | None] = [None] * len(self.tokens)
        whole = None
        trees = [analysis_tree(token) for token in self.tokens]
        if "\\G" not in self.source and None not in trees:
            if self.before or not self.tokens:
                whole = anchors(analysis_tree(self.source), ignorecase)
            else:
                each = [anchors(tree, ignorecase, WORD_LEAD if self.word else "") for tree in trees]
        return each, whole

    @property
    def anchors(self) -> list[frozenset[str] | None]:
        return self._analyse_anchors()[0]

    @property
    def whole_anchors(self) -> frozenset[str] | None:
        return self._analyse_anchors()[1]

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:
            self._pattern = compile_key(self.source, self.key, self.flags)
        return self._pattern

    def _source(self, indexes: Iterable[int]) -> str:
        body = "|".join(f"({self.tokens[i]})" if self.capture else self.tokens[i] for i in indexes)
        template = WORD_TEMPLATE if self.word else NONWORD_TEMPLATE
        return self.before + template.format(body) + self.after

    def may_match(self, view: DocumentView) -> bool:
        """False when no plain-text token has all its words in the prose: none can match
        there (the word index's words are the prose's runs of word characters, lowercased;
        ignoring case, a few non-ASCII letters match ASCII ones, so then it may)."""
        sets, literals = self.word_sets, self.literals
        if sets is None or literals is None or (literals.ignorecase and view.folds_to_ascii):
            return True
        words = view.words
        return any(need <= words for need in sets)

    def for_document(self, view: DocumentView, literal: bool = True) -> Chosen | None:
        """How to search this document (None: no token can match in it). Only the tokens
        whose literal words or substrings occur can match. When each of them holds a word,
        only the spans holding one are searched; otherwise, when each has anchors, the whole
        pattern is tried only at those. Either way it is the whole pattern, compiled once."""
        if self.gate_words is not None and self.gate_words.isdisjoint(view.words):
            return None  # the common case: none of the rule's words is in the document
        chosen = set(self.always)
        present = self.words & view.words if self.words else frozenset()
        for word in present:
            chosen.update(self.by_word[word])
        for substring, index in self.by_substring:
            if index not in chosen and substring in view.lower:
                chosen.add(index)
        if not chosen:
            return None
        everything = self.everything
        if literal and self.literals is not None:
            return Chosen(None, tuple(sorted(chosen)), None, present, self)  # type: ignore[arg-type]
        words = present if self.ungated.isdisjoint(chosen) else None
        # The whole pattern (compiled once), searched in the spans holding the words (all
        # spans without) and, when the tokens that can match in the document all have
        # anchors, tried only at those: the other tokens cost nothing there.
        return Chosen(self.pattern, everything, self._anchors_of(chosen), words)

    def everywhere(self) -> Chosen:
        """The whole pattern, for a search the prefilter knows nothing about (`scope: raw`)."""
        return Chosen(self.pattern, tuple(range(len(self.tokens))), self._anchors_of(range(len(self.tokens))))

    def _anchors_of(self, indexes: Iterable[int]) -> tuple[frozenset[str], ...] | None:
        """The anchor sets of these tokens (the raw part's, if it anchors them all)."""
        each, whole = self._analyse_anchors()
        if whole is not None:
            return (whole,)
        found = [each[index] for index in indexes]
        if not found or None in found:
            return None
        return tuple(dict.fromkeys(found))

    @staticmethod
    def find(view: DocumentView, chosen: Chosen, subject: str, spans: list[tuple[int, int]], raw: bool) -> Iterator[regex.Match]:
        """finditer(chosen.pattern, subject, start, end) for each span in turn, the pattern
        tried only at the anchors if it has them."""
        if chosen.anchors is None:
            for start, end in spans:
                yield from finditer(chosen.pattern, subject, start, end)
            return
        starts = view.anchor_starts(chosen.anchors, raw)
        if not starts:
            return
        last = starts[-1]
        for start, end in spans:
            if start > last:
                break
            index = bisect.bisect_left(starts, start)
            if starts[index] < end:
                yield from anchored_finditer(chosen.pattern, subject, start, end, starts)

    @staticmethod
    def token_of(match: regex.Match | LiteralMatch, indexes: tuple[int, ...]) -> tuple[int, int, int]:
        """(token index, start, end) of the group that matched."""
        if type(match) is LiteralMatch:
            return match.token, match.begin, match.finish
        for group, token in enumerate(indexes, start=1):
            if match.start(group) >= 0:
                return token, match.start(group), match.end(group)
        return indexes[0], match.start(), match.end()


# -- exceptions ----------------------------------------------------------------------------
class Exceptions:
    """Vale's `exceptions`: a match is skipped when an exception occurs in it (as a word).
    Exceptions are case-sensitive unless they start with (?i), whatever `ignorecase` says."""

    def __init__(self, terms: list[str], key: str = "exceptions") -> None:
        terms = sorted(terms, key=len, reverse=True)  # greedy alternation, as Vale sorts them
        self.pattern = compile_key(WORD_TEMPLATE.format("|".join(scoped_flags(t) for t in terms)), key,
                                   regex.MULTILINE) if terms else None

    def __call__(self, text: str) -> bool:
        if self.pattern is None:
            return False
        try:
            return self.pattern.search(text, timeout=1.0) is not None
        except TimeoutError:
            return False


# -- actions and replacements -------------------------------------------------------------
def case_like(observed: str, replacement: str) -> str:
    """`replacement` in the case of `observed`: "Past history" -> "History"; "AMID" -> "AMONG"."""
    letters = [c for c in observed if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and observed.lstrip()[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def to_sentence(words: list[str], conjunction: str = "or") -> str:
    """Vale's ToSentence: 'a', 'a' or 'b', 'a', 'b', or 'c'."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 2:
        return f" {conjunction} ".join(quoted)
    quoted[-1] = f"{conjunction} {quoted[-1]}"
    return ", ".join(quoted)


def action_of(data: dict[str, Any]) -> tuple[str, list[str]]:
    action = data.get("action") or {}
    if not isinstance(action, dict):
        raise RuleError("'action' must be a mapping with 'name' and 'params'", "action")
    params = action.get("params") or []
    if not isinstance(params, list):
        params = [params]
    return str(action.get("name") or ""), [str(p) for p in params]


def action_fixes(name: str, params: list[str], match: str) -> list[str]:
    """The suggestions Vale's action would give for `match` (empty when it gives none)."""
    if name == "replace":
        return params
    if name == "remove":
        return [""]
    if name == "convert" and params:
        return [match.lower() if params[0] == "lower" else match.upper() if params[0] == "upper" else match]
    if name == "edit" and params:
        how, args = params[0], params[1:]
        if how == "truncate" and args:
            return [match.split(args[0])[0]]
        if how == "split" and len(args) > 1 and args[1].lstrip("-").isdigit():
            parts = match.split(args[0])
            index = int(args[1])
            return [parts[index]] if -len(parts) <= index < len(parts) else []
        if how in ("trim", "trim_left", "trim_right"):
            chars = args[0] if args else None
            strip = {"trim": str.strip, "trim_left": str.lstrip, "trim_right": str.rstrip}[how]
            return [strip(match, chars)]
        if how == "regex" and len(args) >= 2:
            try:
                return [regex.sub(args[0], go_template(args[1]), match, timeout=1.0)]
            except (regex.error, TimeoutError):
                return []
    return []


def fix_from(suggestions: list[str], safe: bool = True) -> Fix | None:
    """One suggestion is a fix; several are an unsafe fix with the first one."""
    if not suggestions:
        return None
    return Fix(suggestions[0], safe=safe and len(suggestions) == 1)


# -- the base of the style kinds ----------------------------------------------------------
# Keys every style kind accepts besides its own: Vale's `name`, and newslint's `fix`
# (safe | unsafe | none: how --fix treats the rule's replacements; a house-style preference
# such as "more than" for "over" is better offered than applied).
STYLE_KEYS = frozenset({"name", "fix"})
FIX_POLICIES = ("safe", "unsafe", "none")


class ValeRule(Rule):
    """A Vale-compatible style rule: scans its scope of the prose and honours `limit`."""

    timed = True  # users' YAML patterns, stopped by the document's timer (regextimer.py)

    def __init__(self, spec: RuleSpec) -> None:
        policy = str(spec.data.get("fix", "safe")).lower()
        if policy not in FIX_POLICIES:
            raise RuleError(f"'fix' must be one of {', '.join(FIX_POLICIES)}", "fix")
        self.fix_policy = policy
        super().__init__(spec)
        limit = spec.data.get("limit") or 0
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise RuleError("'limit' must be a whole number (0: no limit)", "limit")
        self.limit = limit
        if self.raw:
            self.gate_words = None  # the prefilter knows the prose's words, not the markup's

    def finding(self, start: int, end: int, *args: Any, fix: str | Fix | None = None, **kwargs: Any) -> Finding:
        if fix is None:
            return super().finding(start, end, *args, **kwargs)
        if isinstance(fix, str):
            fix = Fix(fix)
        if fix is not None and self.fix_policy != "safe":
            fix = None if self.fix_policy == "none" else Fix(fix.replacement, safe=False)
        return super().finding(start, end, *args, fix=fix, **kwargs)

    limit: int = 0

    def check(self, context: CheckContext) -> Iterable[Finding]:
        # Thousands of rules run per document: a rule that cannot match returns an empty
        # tuple before any generator, span or regex work, in as few steps as possible.
        document = context.document
        view = document.__dict__.get("_style_view")
        if view is None or view.document is not document:
            view = view_of(document)
        if self.gate_words is not None and self.gate_words.isdisjoint(view.words):
            return ()
        state = self.prepare(view)
        if state is None:
            return ()
        found = self.scan(view, state)
        if not self.limit:
            return found
        if not self.inquotes:  # the engine drops these; they must not count towards the limit
            found = (f for f in found if not document.in_quote(f.start, f.end))
        return islice(found, self.limit)

    def prepare(self, view: DocumentView) -> Any:
        """What scan() needs for this document, or None when the rule cannot match in it."""
        return True

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError

    @property
    def raw(self) -> bool:
        """Vale's `scope: raw`: the source text, markup included, in one piece."""
        scope = self.scope
        if scope == "text":  # the default: no string work on every call
            return False
        return str(scope).strip() == "raw"

    def subject(self, view: DocumentView) -> str:
        """The string the rule searches: the source for `scope: raw`, else the prose."""
        return view.document.text if self.raw else view.document.prose

    def spans(self, view: DocumentView, words: frozenset[str] | None = None) -> list[tuple[int, int]]:
        """The spans to search; with `words` (every match contains one of them as a whole
        word), only the spans where one of them occurs."""
        scope = str(self.scope or "text")
        if self.raw:
            return [(0, len(view.document.text))]
        spans = view.spans.get(scope)
        if spans is None:
            spans = view.spans[scope] = self.scoped_spans(view.document)
        if words is not None and len(spans) > 1:
            return view.spans_holding(scope, spans, words)
        return spans

    def matches(self, view: DocumentView, chosen: Chosen) -> Iterator[regex.Match | LiteralMatch]:
        """The matches of the tokens (as chosen by TokenPattern.for_document) in scope."""
        tokens = chosen.literals
        if tokens is not None:
            scope = str(self.scope or "text")
            if not self.raw:
                self.spans(view)  # the scope's spans, for the search
                if tokens.literals.usable(view, scope):
                    return tokens.literals.search(view, chosen.indexes, scope)
            chosen = tokens.for_document(view, literal=False)
            if chosen is None:
                return iter(())
        return self.find_with_regex(view, chosen)

    def find_with_regex(self, view: DocumentView, chosen: Chosen) -> Iterator[regex.Match]:
        return TokenPattern.find(view, chosen, self.subject(view), self.spans(view, chosen.words), self.raw)

    def whole_document(self) -> bool:
        """Scopes that mean the whole text rather than each block in it."""
        return str(self.scope or "text").strip() in ("text", "raw", "summary", "")
