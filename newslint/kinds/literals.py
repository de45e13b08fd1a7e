"""What any match of a regex must contain, read from the pattern itself, so that a text that
lacks it is skipped without running the regex (a literal prefilter).

`Needs.of(pattern)` gives groups of alternatives: a match contains one string of each group
(casefolded), or a digit where the string is DIGIT. "(?:people|persons)\\s+(?:familiar|close)"
needs ("people", "persons") and ("close", "familiar").

The pattern is read by a small parser that knows the common syntax (literals, escapes,
classes, groups, alternation, quantifiers, lookaround). It is conservative: a construct it
does not know makes the whole pattern need nothing (no prefilter), and a part it cannot spell
(a class, a dot, a repeat that may be absent) needs nothing. So a prefilter only ever skips a
text the regex would not match. It is much cheaper than compiling the pattern, which can then
wait until some text passes the prefilter (LazyPattern); a pattern made of word lists keeps
its lists (WordLists), so that a search can start only at their words.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Any

import regex

from newslint import regexcache

DIGIT = "\x00digit"  # stands for "any \d character" in a group
MAX_STRINGS = 64  # the most strings a run of literals may spell before it is cut
# The pieces of a pattern (compiled on first use: a kept lexicon needs no parse).
PIECE = r"""
    [\w ,'’%&#@"<>=/;:!-]{2,}            # a run of plain characters
  | \\[dDsSwWbBAZ]                       # class and zero-width escapes
  | \\[^0-9A-Za-z]                       # an escaped punctuation mark or space: itself
  | \\.                                  # any other escape (\n, \x41, \p{L}, \1 ...): unknown
  | \[\^?\]?(?:\\.|[^\]\\])*\]            # a character class
  | \(\?(?::|>|=|!|<=|<!|P<\w+>|[ims]*-?[ims]*:)   # group openers we know
  | \(\?                                 # any other: unknown
  | [()|]
  | [*+?][?+]?
  | \{\d+(?:,\d*)?\}[?+]?
  | \{                                   # a brace that is not a count: unknown
  | .
"""
DIGITS = regexcache.compile(r"\d")
# Node kinds of the parsed pattern.
EXACT, CLASS, DIGIT_CLASS, GROUP, REPEAT = range(5)


@lru_cache(maxsize=1)
def _pieces() -> regex.Pattern:
    return regexcache.compile(PIECE, regex.VERBOSE | regex.DOTALL)


class Unknown(Exception):
    """The pattern uses syntax this module does not read."""


@dataclass(eq=False, repr=False)  # never changed after it is made: not frozen, which compiles __setattr__ and __delattr__ at import
class Folded:
    """A stretch of text as the prefilter reads it: casefolded, and whether it has a digit."""

    text: str
    digit: bool

    @classmethod
    def of(cls, text: str) -> Folded:
        return cls(text.casefold(), DIGITS.search(text) is not None)


@dataclass(unsafe_hash=True, repr=False)  # hashed and compared, never changed after it is made: unsafe_hash, not frozen (which compiles __setattr__, __delattr__ and a longer __init__ at import)
class Needs:
    """The literal words every match of a pattern contains, as alternative groups (see Needs.of)."""

    groups: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def of(cls, pattern: str) -> Needs:
        """What every match of `pattern` (case-sensitive or not) contains."""
        try:
            alternatives = _Parser(pattern).parse()
        except (Unknown, RecursionError):
            return cls()
        groups = _needs_of_group(alternatives)
        useful = {_simplest(g) for g in groups if _useful(g)}
        # Small groups first: they are the cheapest to test and fail soonest.
        return cls(tuple(sorted(useful, key=lambda g: (len(g), g))))

    @classmethod
    def of_words(cls, *groups: list[str]) -> Needs:
        """Needs given as word lists, for a pattern that is an alternation of each list's
        entries (escaped, a space standing for any white space) in sequence: an entry needs
        its first word. A list with an empty entry or a word with case outside ASCII needs
        nothing."""
        made = set()
        for entries in groups:
            firsts = [entry.split()[0].casefold() if entry.split() else "" for entry in entries]
            group = frozenset(firsts)
            if firsts and "" not in group and all(_char(c) == c for w in group for c in w) and _useful(group):
                made.add(_simplest(group))
        return cls(tuple(sorted(made, key=lambda g: (len(g), g))))

    @classmethod
    def any_of(cls, needs: list[Needs]) -> Needs:
        """What a match of any of several patterns contains: one group, the union of each
        one's smallest group (none when one of them needs nothing)."""
        if not needs or not all(needs):
            return cls()
        union = frozenset(s for n in needs for s in min(n.groups, key=_looseness))
        return cls((_simplest(union),))

    @property
    def _checks(self) -> tuple[tuple[bool, tuple[str, ...]], ...]:
        """Per group: whether a digit meets it, and its strings."""
        checks = self.__dict__.get("_checks_made")
        if checks is None:
            checks = tuple((DIGIT in g, tuple(s for s in g if s != DIGIT)) for g in self.groups)
            object.__setattr__(self, "_checks_made", checks)
        return checks

    def met_by(self, folded: Folded) -> bool:
        contains = folded.text.__contains__
        digit = folded.digit
        for by_digit, strings in self._checks:
            if not ((by_digit and digit) or any(map(contains, strings))):
                return False
        return True

    def __bool__(self) -> bool:
        return bool(self.groups)


def _looseness(group: tuple[str, ...]) -> tuple[int, int]:
    """Groups of long strings, and of few, are met by fewer texts ("familiar" beats "it")."""
    return -min(2 if s == DIGIT else len(s) for s in group), len(group)


def _useful(group: frozenset[str]) -> bool:
    """A group worth testing: no empty string, no single letter, digit or space."""
    return bool(group) and all(s == DIGIT or (s and not (len(s) == 1 and (s.isalnum() or s.isspace())))
                               for s in group)


def _simplest(group: frozenset[str]) -> tuple[str, ...]:
    """Drop strings that contain another of the group: a text holding them holds it too."""
    out: list[str] = []
    for s in sorted(group, key=len):
        if s == DIGIT or not any(o in s for o in out if o != DIGIT):
            out.append(s)
    return tuple(sorted(out))


def _char(char: str) -> str | None:
    """A literal character as casefolded text, when case-insensitive matching of it can only
    meet characters whose casefold is the same: ASCII, or a character without case."""
    if char.isascii():
        return char.lower()
    if char.lower() == char == char.upper() == char.casefold():
        return char
    return None


class _Parser:
    """Pattern text -> alternatives, each a list of nodes:
    (EXACT, strings) | (CLASS,) | (DIGIT_CLASS,) | (GROUP, alternatives) | (REPEAT, min, max, node)
    (max None when unbounded).
    Zero-width items (anchors, \\b, lookaround) match the empty string: (EXACT, {""})."""

    def __init__(self, pattern: str) -> None:
        self.pieces = _pieces().findall(pattern)
        self.at = 0

    def parse(self) -> list[list[tuple]]:
        alternatives = self._alternatives()
        if self.at != len(self.pieces):
            raise Unknown  # an unbalanced ")"
        return alternatives

    def _alternatives(self) -> list[list[tuple]]:
        alternatives = [[]]
        while self.at < len(self.pieces):
            piece = self.pieces[self.at]
            if piece == ")":
                break
            self.at += 1
            if piece == "|":
                alternatives.append([])
                continue
            sequence = alternatives[-1]
            if len(piece) > 1 and piece[0] not in "\\[(*+?{" and self.at < len(self.pieces) \
                    and self.pieces[self.at][0] in "*+?{":
                # A quantifier after a run of characters repeats only its last one.
                sequence.append(_literal(piece[:-1]))
                piece = piece[-1]
            if piece[0] in "*+?{":
                if piece == "{" or not sequence:
                    raise Unknown
                sequence.append((REPEAT, *_bounds(piece), sequence.pop()))
                continue
            sequence.append(self._atom(piece))
        return alternatives

    def _atom(self, piece: str) -> tuple:
        if piece.startswith("("):
            if piece == "(?":
                raise Unknown
            inner = self._alternatives()
            if self.at >= len(self.pieces):
                raise Unknown  # no closing ")"
            self.at += 1
            if piece in ("(?=", "(?!", "(?<=", "(?<!"):
                return (EXACT, frozenset({""}))  # lookaround consumes nothing
            return (GROUP, inner)
        if piece.startswith("["):
            if "[" in piece[1:]:
                raise Unknown  # a nested set or a POSIX class: `regex` and `re` differ
            return (CLASS,) if piece.startswith("[^") else _class(piece)
        if piece.startswith("\\"):
            if piece in ("\\b", "\\B", "\\A", "\\Z"):
                return (EXACT, frozenset({""}))
            if piece == "\\d":
                return (DIGIT_CLASS,)
            if piece[1] in "DsSwW":
                return (CLASS,)
            if piece[1].isascii() and piece[1].isalnum():
                raise Unknown
            char = _char(piece[1])
            return (CLASS,) if char is None else (EXACT, frozenset({char}))
        if piece in ("^", "$"):
            return (EXACT, frozenset({""}))
        if piece == ".":
            return (CLASS,)
        if piece == ")":
            raise Unknown
        return _literal(piece)


def _literal(text: str) -> tuple:
    """Plain characters: one string, or "some characters" when one of them has a case
    outside ASCII (see _char)."""
    chars = [_char(c) for c in text]
    return (CLASS,) if None in chars else (EXACT, frozenset({"".join(chars)}))


def _bounds(quantifier: str) -> tuple[int, int | None]:
    if quantifier[0] == "{":
        low, _, high = quantifier[1:quantifier.index("}")].partition(",")
        return int(low), (int(low) if "," not in quantifier else int(high) if high else None)
    return {"*": (0, None), "+": (1, None), "?": (0, 1)}[quantifier[0]]


def _class(piece: str) -> tuple:
    """A class of plain characters is the set of them; anything else (ranges, escapes,
    nested sets, POSIX classes) is just "some character"."""
    body = piece[1:-1]
    if not body or any(c in body for c in "\\[]-:&~|") or len(body) > 8:
        return (CLASS,)
    chars = {_char(c) for c in body}
    return (CLASS,) if None in chars else (EXACT, frozenset(chars))


def _exact(node: tuple) -> frozenset[str] | None:
    """The strings a node matches, when they are few literals; None otherwise."""
    kind = node[0]
    if kind == EXACT:
        return node[1]
    if kind == GROUP:
        strings: set[str] = set()
        for alternative in node[1]:
            one = _exact_sequence(alternative)
            if one is None:
                return None
            strings |= one
        return frozenset(strings) if len(strings) <= MAX_STRINGS else None
    if kind == REPEAT and node[1] == 0 and node[2] == 1:  # optional: once or not at all
        one = _exact(node[3])
        return None if one is None else one | {""}
    return None


def _exact_sequence(nodes: list[tuple]) -> frozenset[str] | None:
    strings = frozenset({""})
    for node in nodes:
        one = _exact(node)
        if one is None:
            return None
        strings = frozenset(a + b for a, b in product(strings, one))
        if len(strings) > MAX_STRINGS:
            return None
    return strings


def _needs(nodes: list[tuple]) -> list[frozenset[str]]:
    """Groups every match of the sequence meets: the strings of each maximal run of exact
    nodes, and what each mandatory node that is not exact needs."""
    groups: list[frozenset[str]] = []
    run: frozenset[str] | None = None
    for node in nodes:
        exact = _exact(node)
        if exact is not None:
            joined = exact if run is None else frozenset(a + b for a, b in product(run, exact))
            if len(joined) > MAX_STRINGS:
                if run is not None:
                    groups.append(run)
                joined = exact
            run = joined
            continue
        if run is not None:
            groups.append(run)
            run = None
        groups.extend(_inner_needs(node))
    if run is not None:
        groups.append(run)
    return [g for g in groups if "" not in g]


def _inner_needs(node: tuple) -> list[frozenset[str]]:
    """What a node that is not a run of literals needs of the text it matches."""
    kind = node[0]
    if kind == DIGIT_CLASS:
        return [frozenset({DIGIT})]
    if kind == REPEAT:
        return _needs([node[3]]) if node[1] >= 1 else []
    if kind == GROUP:
        return _needs_of_group(node[1])
    return []  # a class: some character, nothing to look for


def _needs_of_group(alternatives: list[list[tuple]]) -> list[frozenset[str]]:
    if len(alternatives) == 1:
        return _needs(alternatives[0])
    # One of the alternatives matches: it meets its own best group, so the union holds.
    union: set[str] = set()
    for alternative in alternatives:
        own = [g for g in _needs(alternative) if _useful(g)]
        if not own:
            return []
        union |= min(own, key=lambda g: (len(g), -min(len(s) for s in g)))
    return [frozenset(union)]


# -- patterns compiled on first use ------------------------------------------------------
class LazyPattern:
    """A pattern that is compiled on first use: `regex` compiles in pure Python (about
    0.7 ms a pattern), and most patterns never pass their literal prefilter in a given draft.
    Matches like the compiled pattern (search, finditer, match, fullmatch); `pattern` is its
    source."""

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int, compiled: regex.Pattern | None = None) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regexcache.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, *args: Any, **kwargs: Any) -> regex.Match | None:
        return self.compiled.search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> regex.Match | None:
        return self.compiled.match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> regex.Match | None:
        return self.compiled.fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Iterator[regex.Match]:
        return self.compiled.finditer(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}{'' if self._compiled is None else ', compiled'})"

    def __getstate__(self) -> tuple:
        return self.pattern, self.flags  # pickled uncompiled: a loaded copy compiles on first use

    def __setstate__(self, state: tuple) -> None:
        self.pattern, self.flags = state
        self._compiled = None


NEVER = r"(?!)"  # a pattern that matches nothing (a required list with no entry)


class WordLists(LazyPattern):
    """A pattern made from word lists (reporting verbs, vague groups ...) by `build(*lists)`.
    It keeps `build` and `lists`: the searches that try a pattern only where a run of word
    characters begins one of its entries read them (attribution._run_needs, _group_reach).
    Every document searches the whole pattern, compiled once (and kept; see regexcache)."""

    __slots__ = ("build", "lists")

    def __init__(self, build: Any, lists: tuple[tuple[str, ...], ...], flags: int) -> None:
        super().__init__(build(*lists), flags)
        self.build = build
        self.lists = lists

    def __getstate__(self) -> tuple:
        return self.pattern, self.flags, self.build, self.lists

    def __setstate__(self, state: tuple) -> None:
        self.pattern, self.flags, self.build, self.lists = state
        self._compiled = None
