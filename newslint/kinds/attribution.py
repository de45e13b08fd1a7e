"""Attribution analysis for the sourcing rules: who a paragraph's claims are attributed to, which
attributions are vague or anonymous, and which sentences make check-worthy claims.

Everything this module recognises comes from a lexicon (YAML, see rules/sourcing/lexicon/); the
code only knows how to inflect verbs, compile the lists and walk paragraphs and sentences.
"""
from __future__ import annotations

try:  # pickle's C functions (what pickle.dumps and pickle.loads are), without pickle.py: ~0.5% of a cold check
    import _pickle as pickle
except ImportError:  # pragma: no cover - CPython has it
    import pickle
import warnings
from collections.abc import Callable, Iterator
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import regex

from newslint import regexcache
from newslint.digests import hexdigest
from newslint.document.model import Block, Document, Sentence
from newslint.document.runs import Runs, first_runs, matches_at
from newslint.kinds.base import REGEX_TIMEOUT, RuleError
from newslint.regextimer import finditer as timed_finditer
from newslint.kinds.literals import NEVER, Folded, LazyPattern, Needs, WordLists
from newslint.registry.lexicon import lexicon as names_lexicon
from newslint.yamlcache import ParsedYaml

FLAGS = regex.IGNORECASE | regex.VERSION0
# The code that turns lexicon data into a Lexicon (its edits make the kept lexicons stale).
LEXICON_CODE = ("kinds/attribution.py", "kinds/literals.py")
# Blocks that are narration; headings, front matter, tables and block quotes are not.
NARRATION_KINDS = frozenset({"paragraph"})
NOT_NARRATION_SCOPES = frozenset({"blockquote", "table", "table.cell", "heading", "frontmatter", "code"})
SENTENCE_END = regexcache.compile(r"[.!?…][\"'”’)\]]*\s*$")
# Where a clause ends inside a sentence: semicolon, colon, dash, or a comma before a new clause.
CLAUSE_BREAK = regexcache.compile(r";\s+|:\s+|\s+[—–]\s+|\s+--\s+|,\s+")
DESCRIBED_BY = regexcache.compile(r"(?-i:[A-Z][\w.&'-]*)$")
NATIONALITY = regexcache.compile(r"(?:an|ian|ese|ish|i|ic|ch)$")
FUNCTION_WORDS = ["the", "a", "an", "and", "but", "or", "nor", "that", "as", "while", "because", "if",
                  "when", "which", "who", "whom", "these", "those", "this", "its", "their", "his",
                  "her", "our", "your", "my", "to", "of", "in", "on", "at", "by", "for", "with", "from",
                  "than", "so", "yet", "both", "such"]
# Capitalised words before a group that do not name it ("On Monday experts said").
CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                      "january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "jan", "feb", "aug", "sept",
                      "oct", "nov", "dec", "today", "yesterday"})
# Longer "sentences" are not prose (tables flattened to text, data dumps): they are skipped.
MAX_SENTENCE = 3000
# How far back to look for the word before a match, and for a named source it may refer to.
WINDOW = 80
LOOKBACK = 600
BACK_REFERENCE = frozenset({"the", "these", "those", "both", "such"})


# -- lexicon ---------------------------------------------------------------------------------
def inflect(entry: str) -> tuple[set[str], set[str]]:
    """("tell/told") -> (all forms, the bare and -s forms). Multi-word verbs inflect their first
    word ("point out" -> "points out", "pointed out", "pointing out")."""
    base, *irregular = [part.strip().lower() for part in str(entry).split("/")]
    head, _, tail = base.partition(" ")
    tail = f" {tail}" if tail else ""
    if head.endswith("y") and len(head) > 1 and head[-2] not in "aeiou":
        third, past, ing = head[:-1] + "ies", head[:-1] + "ied", head + "ing"
    else:
        third = head + ("es" if head.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        past = head + ("d" if head.endswith("e") else "ed")
        ing = (head[:-1] if head.endswith("e") and not head.endswith("ee") else head) + "ing"
    forms = {past, ing}
    # Consonant doubling (admit -> admitted) is generated alongside; an unused form is harmless.
    if len(head) > 2 and head[-1] not in "aeiouwxy" and head[-2] in "aeiou" and head[-3] not in "aeiou":
        forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    bare = {base, third + tail}
    return {f + tail for f in forms} | bare | set(irregular), bare


def _alternation(words: list[str]) -> str:
    # Longest first; ties alphabetical, so that the same lists give the same pattern in every
    # process (a set's order changes with string hashing) and its kept program is found.
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _strings(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise RuleError(f"{key} must be a list of strings", key.split(".")[0])
    return [str(v) for v in value]


DEFINED = regexcache.compile(r"\{\{(\w+)\}\}")


def _expand(pattern: str, defines: dict[str, str], key: str) -> str:
    """Replace {{name}} by the lexicon's `define:` fragment of that name."""
    def replace(match: regex.Match) -> str:
        if match.group(1) not in defines:
            raise RuleError(f"{key}: {{{{{match.group(1)}}}}} is not defined (add it under define:)", key.split(".")[0])
        return f"(?:{defines[match.group(1)]})"
    for _ in range(5):  # fragments may use fragments ("money" uses "number")
        if not DEFINED.search(pattern):
            break
        pattern = DEFINED.sub(replace, pattern)
    return pattern


try:  # pragma: no cover - location differs between Python versions
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _sre_parses(pattern: str) -> bool:
    """Python's own parser reads the pattern without error or warning: then `regex` compiles
    it too (its syntax is a superset), so the compile can wait. A cheap check (about a sixth of
    a compile); anything it rejects (`regex`-only syntax, or a real mistake) is compiled now."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            _sre_parse.parse(pattern, regex.IGNORECASE)
    except Exception:  # noqa: BLE001 - any complaint: let `regex` decide, now
        return False
    return True


def _compile(pattern: str, key: str, defines: dict[str, str] | None = None) -> LazyPattern:
    # A space in a lexicon pattern matches any run of white space: drafts are often hard-wrapped.
    pattern = _expand(pattern, defines or {}, key).replace(" ", r"\s+")
    source = rf"(?<!\w)(?:{pattern})"
    if _sre_parses(source):
        return LazyPattern(source, FLAGS)
    try:  # so that a broken pattern is reported at load, with its file and key
        return LazyPattern(source, FLAGS, regexcache.compile(source, FLAGS))
    except regex.error as error:
        raise RuleError(f"{key}: pattern {pattern!r} does not compile: {error}", key.split(".")[0]) from None


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The lexicon file extended by a rule's own keys: lists are appended, mappings merged."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = [*old, *value]
        else:
            merged[key] = value
    return merged


@dataclass(unsafe_hash=True, repr=False)  # hashed and compared, never changed after it is made: unsafe_hash, not frozen (which compiles __setattr__, __delattr__ and a longer __init__ at import)
class ClaimKind:
    """A kind of check-worthy claim: its cues, what rules a cue out, and the acts that are their own record."""

    name: str
    what: str
    fix: str
    cues: tuple[LazyPattern, ...]
    not_: tuple[LazyPattern, ...] = ()
    # Acts that are their own record for this kind of claim ("the council approved $4 million").
    acts: LazyPattern | None = None

    def recorded_in(self, texts: Texts, block: Block) -> bool:
        return self.acts is not None and next(texts.word_matches(self.acts, block.start, block.end), None) is not None


@dataclass(eq=False, repr=False)
class Lexicon:
    """The compiled word lists. Built once per rule from YAML."""

    verbs: LazyPattern
    sources: tuple[LazyPattern, ...]
    vague_groups: LazyPattern | None
    vague_phrases: tuple[LazyPattern, ...]
    anonymous: tuple[LazyPattern, ...]
    claims: tuple[ClaimKind, ...] = field(default_factory=tuple)
    # Groups that take a side ("critics", "opponents"): never the authors of a study or data
    # set named near them, so such a name does not make them specific.
    side_groups: frozenset[str] = frozenset()
    # Capitalised words before a group that name no one in particular ("Capitol Hill insiders").
    unnamed: frozenset[str] = frozenset()
    # What a match of each pattern must contain (see literals.py): a sentence or paragraph
    # that lacks it is not searched.
    needs: dict[LazyPattern, Needs] = field(default_factory=dict, repr=False, compare=False)
    needs_any: dict[tuple[LazyPattern, ...], Needs] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        """The lexicon of this YAML data; rules with identical lists share one, compiled once
        per process (the sourcing rules all name the same lexicon file)."""
        try:
            key = _frozen(data)
            hash(key)
        except TypeError:  # not plain YAML data: compile it afresh
            return cls._compile_data(data)
        return _cached_lexicon(key)

    @classmethod
    def _compile_data(cls, data: dict[str, Any]) -> Lexicon:
        defines = data.get("define") or {}
        if not isinstance(defines, dict):
            raise RuleError("define must be a mapping of names to patterns", "define")
        defines = {str(k): str(v) for k, v in defines.items()}
        nouns = {n.lower() for n in _strings(data.get("noun_verbs"), "noun_verbs")}
        verb_forms: set[str] = set()
        for entry in _strings(data.get("verbs"), "verbs"):
            forms, bare = inflect(entry)
            verb_forms |= forms - bare if entry.split("/")[0].strip().lower() in nouns else forms
        if not verb_forms:
            raise RuleError("the lexicon needs a list of reporting verbs", "verbs")
        verbs = WordLists(_words_pattern, (tuple(sorted(verb_forms)),), FLAGS)
        needs = {verbs: Needs.of_words(sorted(verb_forms))}
        sources = tuple(_compile(p, "sources", defines) for p in _strings(data.get("sources"), "sources"))
        vague = data.get("vague") or {}
        if not isinstance(vague, dict):
            raise RuleError("vague must be a mapping", "vague")
        anonymous = tuple(_compile(p, "anonymous", defines) for p in _strings(data.get("anonymous"), "anonymous"))
        claims_data = data.get("claims") or {}
        if not isinstance(claims_data, dict):
            raise RuleError("claims must be a mapping of claim kinds", "claims")
        claims = []
        for name, spec in claims_data.items():
            if not isinstance(spec, dict):
                raise RuleError(f"claims.{name} must be a mapping with cues", "claims")
            acts = _act_pattern(_strings(spec.get("acts"), "claims"))
            if acts is not None:
                needs[acts[0]] = acts[1]
            claims.append(ClaimKind(
                name=str(name),
                what=str(spec.get("what", name)),
                fix=str(spec.get("fix", "say who the claim comes from")),
                cues=tuple(_compile(p, "claims", defines) for p in _strings(spec.get("cues"), "claims")),
                not_=tuple(_compile(p, "claims", defines) for p in _strings(spec.get("not"), "claims")),
                acts=None if acts is None else acts[0],
            ))
        groups = _vague_groups(vague)
        if groups is not None:
            needs[groups[0]] = groups[1]
        phrases = tuple(_compile(p, "vague", defines) for p in _strings(vague.get("phrases"), "vague"))
        for pattern in (*sources, *phrases, *anonymous, *(p for c in claims for p in (*c.cues, *c.not_))):
            needs.setdefault(pattern, Needs.of(pattern.pattern))
        # What a match of any pattern of a list holds: one test before the list's own.
        lists = [sources, phrases, anonymous, *(c.cues for c in claims)]
        needs_any = {patterns: Needs.any_of([needs[p] for p in patterns]) for patterns in lists}
        sides = frozenset(word.casefold() for word in _strings(vague.get("side_groups"), "vague"))
        unnamed = frozenset(" ".join(w.casefold().split()) for w in _strings(vague.get("unnamed"), "vague"))
        return cls(verbs, sources, None if groups is None else groups[0], phrases, anonymous, tuple(claims),
                   sides, unnamed,
                   {pattern: n for pattern, n in needs.items() if n},  # only patterns a text can skip
                   {patterns: n for patterns, n in needs_any.items() if n})


def _frozen(value: Any) -> Any:
    """A hashable image of YAML data: order kept (the claim kinds are tried in order), types
    kept (True, 1 and "1" are different entries)."""
    if isinstance(value, dict):
        return ("dict", tuple((_frozen(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("list", tuple(_frozen(v) for v in value))
    return (type(value).__name__, value)


def _thawed(frozen: Any) -> Any:
    kind, value = frozen
    if kind == "dict":
        return {_thawed(k): _thawed(v) for k, v in value}
    if kind == "list":
        return [_thawed(v) for v in value]
    return value


@lru_cache(maxsize=64)
def _cached_lexicon(key: Any) -> Lexicon:
    """Kept between runs too (yamlcache.ParsedYaml, keyed by the data and by this code):
    validating and reading ~100 patterns for their prefilters is most of a lexicon's load.
    Only a lexicon that loaded without error is kept; its patterns are kept uncompiled."""
    try:
        raw = pickle.dumps(key, protocol=4)
    except (pickle.PicklingError, RecursionError, TypeError):
        return Lexicon._compile_data(_thawed(key))
    cache = _lexicon_cache()
    lexicon = cache.parse("lexicon-" + hexdigest(raw)[:16], raw, lambda: Lexicon._compile_data(_thawed(key)))
    cache.save()
    return lexicon


@lru_cache(maxsize=1)
def _lexicon_cache() -> ParsedYaml:
    return ParsedYaml(Path(__file__).resolve().parent, "lexicon", code=LEXICON_CODE, keep=16)


def _act_pattern(entries: list[str]) -> tuple[LazyPattern, Needs] | None:
    """Past and -ing forms only: the bare forms of these verbs are mostly nouns ("the budget")."""
    forms: set[str] = set()
    for entry in entries:
        all_forms, bare = inflect(entry)
        irregular = {part.strip().lower() for part in entry.split("/")[1:]}
        forms |= (all_forms - bare) | irregular
    if not forms:
        return None
    return WordLists(_words_pattern, (tuple(sorted(forms)),), FLAGS), Needs.of_words(sorted(forms))


def _words_pattern(words: tuple[str, ...]) -> str:
    """Any of the words (a space in one: any white space), as a whole word; none: no match."""
    return rf"\b(?:{_alternation(list(words))})\b" if words else NEVER


def _vague_groups(vague: dict[str, Any]) -> tuple[LazyPattern, Needs] | None:
    """One pattern for "[quantifier] [modifiers] group [adverbs] verb", and its needs: a
    group word (the quantified list includes the plain groups) and a verb."""
    quantifiers = _strings(vague.get("quantifiers"), "vague")
    groups = _strings(vague.get("groups"), "vague")
    quantified = _strings(vague.get("quantified_groups"), "vague") + groups
    verbs: set[str] = set()
    for entry in _strings(vague.get("verbs"), "vague"):
        verbs |= inflect(entry)[0]
    if not verbs or not (groups or quantified):
        return None
    # The quantified part exists only when there are quantifiers.
    lists = (tuple(quantifiers), tuple(quantified), tuple(groups), tuple(sorted(verbs)), ADVERBS, tuple(FUNCTION_WORDS))
    pattern = WordLists(_vague_groups_pattern if quantifiers else _plain_groups_pattern, lists, FLAGS)
    # A match holds a group word (a quantified one when there are quantifiers; that list
    # includes the plain groups) and a verb.
    words = quantified if quantifiers else groups
    return pattern, Needs.of_words(words, sorted(verbs))


# Words between a vague group and its verb ("critics have long said"), in this order.
ADVERBS = ("have", "has", "had", "will", "would", "may", "might", "could", "can", "do", "did", "does", "also",
           "still", "long", "now", "often", "generally", "widely", "privately", "publicly", "increasingly",
           "largely", "mostly", "broadly", "openly", "repeatedly", "already", "all", "too")


def _vague_groups_pattern(quantifiers: tuple[str, ...], quantified: tuple[str, ...], groups: tuple[str, ...],
                          verbs: tuple[str, ...], adverbs: tuple[str, ...], function_words: tuple[str, ...]) -> str:
    if not quantifiers or not quantified:  # no quantified group can match; the group stays
        quantified_part = rf"(?P<quant>{NEVER})"
    else:
        quantified_part = rf"(?P<quant>{_alternation(list(quantifiers))})\s+(?:[\w-]+\s+){{0,2}}?(?:{_alternation(list(quantified))})"
    return _groups_pattern([quantified_part], groups, verbs, adverbs, function_words)


def _plain_groups_pattern(quantifiers: tuple[str, ...], quantified: tuple[str, ...], groups: tuple[str, ...],
                          verbs: tuple[str, ...], adverbs: tuple[str, ...], function_words: tuple[str, ...]) -> str:
    return _groups_pattern([], groups, verbs, adverbs, function_words)


def _groups_pattern(parts: list[str], groups: tuple[str, ...], verbs: tuple[str, ...], adverbs: tuple[str, ...],
                    function_words: tuple[str, ...]) -> str:
    """The vague-group pattern from its lists; an empty list drops out where that
    cannot change a match (no adverb: none between group and verb; no function word: no
    exclusion) and makes its part never match where one is required."""
    if not verbs:
        return NEVER
    # A short description after the group keeps it vague ("critics of the plan say", "critics
    # of the county's river dredging plan say", "advocates for tenants say").
    of_what = r"(?:\s+(?:of|in|on|for)\s+(?:the\s+|this\s+|that\s+)?(?:(?!(?:a|an|the|and|or|to|that|who|which)\b)[\w'’-]+\s+){0,3}?(?!(?:a|an|the)\b)[\w-]+)?"
    adverb = rf"(?:(?:{'|'.join(adverbs)})\s+){{0,3}}" if adverbs else ""
    # Lowercase descriptive words before the group ("security experts"), not function words,
    # nor the verbs ("briefed investors at a lunch that": the investors heard, they did not say).
    excluded = list(function_words) + list(verbs)
    unless = rf"(?!(?:{_alternation(excluded)})\b)" if excluded else ""
    modifiers = rf"(?:(?<!['’]){unless}(?-i:[a-z][\w-]*)\s+){{0,2}}?"  # (not the "s" of "Acme's")
    if groups:
        parts = [*parts, rf"{modifiers}(?:{_alternation(list(groups))})"]
    if not parts:
        return NEVER
    return rf"\b(?:{'|'.join(parts)}){of_what}\s+{adverb}(?:{_alternation(list(verbs))})\b"


# -- analysis --------------------------------------------------------------------------------
@dataclass(unsafe_hash=True, repr=False)  # hashed and compared, never changed after it is made: unsafe_hash, not frozen (which compiles __setattr__, __delattr__ and a longer __init__ at import)
class Span:
    """A stretch of the text: [start, end) offsets and what it says."""

    start: int
    end: int
    text: str


@dataclass(unsafe_hash=True, repr=False)  # hashed and compared, never changed after it is made: unsafe_hash, not frozen (which compiles __setattr__, __delattr__ and a longer __init__ at import)
class Claim:
    """A check-worthy cue in a sentence: its kind and the phrase that makes it check-worthy."""

    kind: ClaimKind
    span: Span


class Texts:
    """One document's text as the lexicon reads it, shared by its paragraphs: each stretch
    casefolded once for the literal prefilters, each sentence's claims found once, and which
    capitalised words are names."""

    def __init__(self, document: Document, lexicon: Lexicon) -> None:
        self.document = document
        self.lexicon = lexicon
        self.names: dict[str, bool] = {}
        self._folded: dict[tuple[int, int], Folded] = {}
        self._claims: dict[tuple[int, int], list[Claim]] = {}

    def may_match(self, pattern: LazyPattern, start: int, end: int) -> bool:
        """False when prose[start:end] lacks what every match of the pattern holds."""
        needs = self.lexicon.needs.get(pattern)
        return needs is None or needs.met_by(self.folded(start, end))

    def may_match_any(self, patterns: tuple[LazyPattern, ...], start: int, end: int) -> bool:
        """False when no pattern of the lexicon list `patterns` can match prose[start:end]."""
        needs = self.lexicon.needs_any.get(patterns)
        return needs is None or needs.met_by(self.folded(start, end))

    def may_matching(self, patterns: tuple[LazyPattern, ...], start: int, end: int) -> list[LazyPattern]:
        """The patterns of a lexicon list, in order, that may_match prose[start:end] (the
        stretch read once for all of them); none when the list's shared prefilter fails.
        (Needs.met_by of each pattern, its loops run here in one frame: a sentence asks lists
        of up to 30 patterns, and the calls were much of the cost.)"""
        needs_any = self.lexicon.needs_any.get(patterns)
        folded = self.folded(start, end)
        if needs_any is not None and not needs_any.met_by(folded):
            return []
        text, digit = folded.text, folded.digit
        found = []
        for pattern, checks in _list_checks(self.lexicon, patterns):
            for by_digit, strings in checks:  # every group: a digit, or one of its strings
                if by_digit and digit:
                    continue
                for string in strings:
                    if string in text:
                        break
                else:
                    break  # a group unmet: the pattern cannot match
            else:
                found.append(pattern)
        return found

    def matches(self, pattern: LazyPattern, start: int, end: int) -> Iterator[regex.Match]:
        """finditer() without the prefilter, for a pattern that passed it (may_matching)."""
        return timed_finditer(pattern, self.document.prose, start, end, REGEX_TIMEOUT)

    def folded(self, start: int, end: int) -> Folded:
        folded = self._folded.get((start, end))
        if folded is None:
            folded = self._folded[start, end] = Folded.of(self.document.prose[start:end])
        return folded

    def finditer(self, pattern: LazyPattern, start: int, end: int) -> Iterator[regex.Match]:
        if not self.may_match(pattern, start, end):
            return iter(())
        return timed_finditer(pattern, self.document.prose, start, end, REGEX_TIMEOUT)

    def word_matches(self, pattern: WordLists, start: int, end: int) -> Iterator[regex.Match]:
        """finditer() of a word-list pattern (_words_pattern): tried only at the runs of word
        characters that begin one of its entries (document/runs.py), not at every position."""
        needs = _run_needs(pattern) if getattr(pattern, "build", None) is _words_pattern else None
        runs = Runs.of(self.document)
        if needs is None or runs.within(start, end) is None:
            return self.finditer(pattern, start, end)
        return matches_at(pattern, self.document.prose, runs.starts_of(needs[0]), start, end,
                          timeout=REGEX_TIMEOUT)

    def group_matches(self, pattern: WordLists, start: int, end: int) -> Iterator[regex.Match]:
        """finditer() of the vague-group pattern, tried only where a match can begin (see
        _group_reach): at a run that is a group word, or at a run a few words before one with
        only word characters, hyphens and white space between."""
        reach = _group_reach(pattern)
        runs = Runs.of(self.document)
        within = runs.within(start, end)
        if reach is None or within is None:
            return self.finditer(pattern, start, end)
        if not self.may_match(pattern, start, end):
            return iter(())
        candidates = runs.reaching(reach[0], reach[1], *within)
        return matches_at(pattern, self.document.prose, candidates, start, end, timeout=REGEX_TIMEOUT)

    def runs_allow(self, pattern: LazyPattern, start: int, end: int) -> bool:
        """False when prose[start:end] lacks a run that every match of the word-list pattern
        holds (_run_needs): a set test on runs found once, cheaper than its prefilter's
        substring tests."""
        needs = _run_needs(pattern)
        if needs is None:
            return True
        runs = Runs.of(self.document)
        if runs.within(start, end) is None:
            return True
        for firsts in needs:
            starts = runs.starts_of(firsts)  # with the runs that are not ASCII
            at = bisect_left(starts, start)
            if at == len(starts) or starts[at] >= end:
                return False
        return True

    def search(self, pattern: LazyPattern, start: int, end: int) -> regex.Match | None:
        if not self.may_match(pattern, start, end):
            return None
        return pattern.search(self.document.prose, start, end, timeout=REGEX_TIMEOUT)

    def claims(self, sentence: Sentence) -> list[Claim]:
        key = (sentence.start, sentence.end)
        if key not in self._claims:
            self._claims[key] = claims_in(self.document, self.lexicon, sentence, self)
        return self._claims[key]


_LIST_CHECKS: dict[tuple[Lexicon, tuple[LazyPattern, ...]], tuple[tuple[LazyPattern, tuple], ...]] = {}


def _list_checks(lexicon: Lexicon, patterns: tuple[LazyPattern, ...]) -> tuple[tuple[LazyPattern, tuple], ...]:
    """Each pattern of a lexicon list with its prefilter's groups (Needs._checks; none for a
    pattern without a prefilter), gathered once per lexicon and list."""
    key = (lexicon, patterns)
    checks = _LIST_CHECKS.get(key)
    if checks is None:
        if len(_LIST_CHECKS) > 64:
            _LIST_CHECKS.clear()
        needs = lexicon.needs
        checks = _LIST_CHECKS[key] = tuple((p, needs[p]._checks if p in needs else ()) for p in patterns)
    return checks


_RUN_NEEDS: dict[int, tuple[LazyPattern, tuple[frozenset[str], ...] | None]] = {}


def _run_needs(pattern: LazyPattern) -> tuple[frozenset[str], ...] | None:
    """What every match of a word-list pattern holds as whole runs of word characters (see
    runs.first_runs): for each list, one of its entries' first runs. A word list (_words_pattern)
    begins with an entry; a vague-group match has a group word after white space (or at its
    start) and a verb after white space, each followed by white space or a word's end. Worked
    out once per pattern (kept alive with it); None for any other pattern, or lists that
    runs cannot read."""
    held = _RUN_NEEDS.get(id(pattern))
    if held is None or held[0] is not pattern:
        lists: list[tuple[str, ...]] = []
        build = getattr(pattern, "build", None) if isinstance(pattern, WordLists) else None
        if build is _words_pattern:
            lists = [tuple(e for entries in pattern.lists for e in entries)]
        elif build is _vague_groups_pattern or build is _plain_groups_pattern:
            quantifiers, quantified, groups, verbs, _, _ = pattern.lists
            lists = [quantified if build is _vague_groups_pattern else groups, verbs]
        firsts = [first_runs(entries) for entries in lists]
        if len(_RUN_NEEDS) > 64:
            _RUN_NEEDS.clear()
        held = _RUN_NEEDS[id(pattern)] = (pattern, tuple(firsts) if firsts and None not in firsts else None)
    return held[1]


_GROUP_REACH: dict[int, tuple[WordLists, tuple[frozenset[str], int] | None]] = {}
_PLAIN_RUNS = regexcache.compile(r"\w+(?: \w+)*")


def _group_reach(pattern: WordLists) -> tuple[frozenset[str], int] | None:
    """Where a vague-group match can begin. It starts with its quantifier or a modifier (a
    word) and reaches its group word over words of word characters and hyphens (the
    quantifier's, up to two after it, or up to two modifiers), one run of white space apart:
    so at the group word or at a run at most `gaps` runs of white space before it, with only
    word characters, hyphens and white space between. A group word begins with a whole run
    (white space comes before it). Returns the group words' first runs (runs.first_runs) and
    `gaps`; None when they or the quantifiers are not plain words (then every position is
    tried)."""
    held = _GROUP_REACH.get(id(pattern))
    if held is None or held[0] is not pattern:
        reach = None
        build = getattr(pattern, "build", None)
        if build is _vague_groups_pattern or build is _plain_groups_pattern:
            quantifiers, quantified, groups, _, _, _ = pattern.lists
            words = (*quantified, *groups) if build is _vague_groups_pattern else groups
            phrases = quantifiers if build is _vague_groups_pattern else ()
            firsts = first_runs(words)
            if firsts is not None and all(q.isascii() and _PLAIN_RUNS.fullmatch(q) for q in phrases):
                gaps = max([q.count(" ") + 3 for q in phrases] + [2])
                reach = (firsts, gaps)
        if len(_GROUP_REACH) > 64:
            _GROUP_REACH.clear()
        held = _GROUP_REACH[id(pattern)] = (pattern, reach)
    return held[1]


class Paragraph:
    """A narration block and what attributes its claims. Each analysis runs on first use, so a
    rule pays only for what it asks."""

    def __init__(self, texts: Texts, block: Block, sentences: list[Sentence], introduced: bool = False) -> None:
        self.texts = texts
        self.document = texts.document
        self.lexicon = texts.lexicon
        self.block = block
        self.sentences = sentences
        # A list item under an attributed lead-in ("The audit found:") carries its attribution.
        self.introduced = introduced

    @cached_property
    def prose_sentences(self) -> list[Sentence]:
        """The sentences worth scanning: a "sentence" of thousands of characters is not prose."""
        return [s for s in self.sentences if s.end - s.start <= MAX_SENTENCE]

    @cached_property
    def vague(self) -> list[Span]:
        return [span for sentence in self.prose_sentences
                for span in _vague_spans(self.texts, self.block.start, sentence)]

    @cached_property
    def anonymous(self) -> list[Span]:
        texts = self.texts
        anonymous = self.lexicon.anonymous
        prose = self.document.prose
        return _disjoint([Span(m.start(), m.end(), m.group()) for s in self.prose_sentences
                          for p in texts.may_matching(anonymous, s.start, s.end)
                          for m in texts.matches(p, s.start, s.end)
                          if not _describes_named(prose, s.start, m.start())], self.document)

    @cached_property
    def attributed(self) -> bool:
        """Any reporting verb, named source, vague or anonymous source anywhere in the paragraph."""
        if self.introduced or _names_a_source(self.texts, self.block):
            return True
        return bool(self.vague or self.anonymous)

    def claims(self, sentence: Sentence) -> list[Claim]:
        return self.texts.claims(sentence)

    def sentence_attributed(self, sentence: Sentence) -> bool:
        """A reporting verb, named source, vague or anonymous source in this sentence."""
        return _names_a_source(self.texts, sentence) \
            or any(sentence.start <= s.start < sentence.end for s in (*self.vague, *self.anonymous))

    def recorded(self, kind: ClaimKind) -> bool:
        """An act in this paragraph is the record of this kind of claim."""
        return kind.recorded_in(self.texts, self.block)


# A sentence that opens with a full name and at most one appositive before a comma: "Ann Roe,
# the founder's niece, " (what follows describes Roe).
_NAME_OPENING = regexcache.compile(r"[\s\"“*_]*((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+),\s+(?:[^,;:]{1,60},\s+)?")


def _describes_named(prose: str, sentence_start: int, at: int) -> bool:
    """The phrase at `at` is an appositive of the full name that opens its sentence ("Ann Roe,
    the founder's niece, a former executive who …"): a named source, not an anonymous one."""
    opening = _NAME_OPENING.match(prose, sentence_start, at)
    if opening is None or opening.end() != at:
        return False
    function_words = names_lexicon().function_words
    return not any(w.casefold() in function_words for w in opening.group(1).split())


def _names_a_source(texts: Texts, block: Block | Sentence) -> bool:
    lexicon = texts.lexicon
    prose = texts.document.prose
    if any(not _attributive(prose, m) and not _declined(prose, m) and COMPARED_AFTER.match(prose, m.end()) is None
           and not _told_when(prose, m) for m in texts.word_matches(lexicon.verbs, block.start, block.end)):
        return True
    return texts.may_match_any(lexicon.sources, block.start, block.end) and \
        any(texts.search(p, block.start, block.end) for p in lexicon.sources)


# "months before it told workers,": when someone told an audience, with nothing said in the
# sentence; nobody vouches for the claim around it.
WHEN_BEFORE = regexcache.compile(r"\b(?:before|after|until|when|once)\s+(?:it|he|she|they|we|the\s+[\w-]+)\s+$", regex.IGNORECASE)
AUDIENCE_AFTER = regexcache.compile(r"(?:\s+(?:the|its|their|his|her|our)\b)?(?:\s+[\w-]+){1,2}\s*(?:[,.;]|$)")


def _told_when(prose: str, match: regex.Match) -> bool:
    return WHEN_BEFORE.search(prose[max(0, match.start() - 30):match.start()]) is not None \
        and AUDIENCE_AFTER.match(prose, match.end()) is not None


# "the/its/the state's recorded history", "a reported 40 cases": a participle between a determiner
# and a noun describes the noun; nobody is reporting anything.
# Also after a preposition or a number: "the number of recorded thefts", "640 confirmed cases".
ATTRIBUTIVE_BEFORE = regexcache.compile(r"(?:\b(?:the|a|an|its|their|his|her|our|this|that|of|on|among)|\w['’]s|(?<![\d,.])\d[\d,]*)\s+$", regex.IGNORECASE)
EVER_BEFORE = regexcache.compile(r"\bever\s+$", regex.IGNORECASE)
ATTRIBUTIVE_AFTER = regexcache.compile(r"\s+(?-i:[a-z][\w-]*)")


def _attributive(prose: str, match: regex.Match) -> bool:
    word = match.group()
    if not word.casefold().endswith(("ed", "en", "wn")):
        return False
    before = prose[max(0, match.start() - 20):match.start()]
    if EVER_BEFORE.search(before) is not None:
        return True  # "the largest spill ever reported by a refinery": part of the claim, not its source
    after = ATTRIBUTIVE_AFTER.match(prose, match.end())
    return after is not None and ATTRIBUTIVE_BEFORE.search(before) is not None


# "has logged more complaints than any other clinic", "posted the most losses": the verb is
# the claim's own predicate, what is compared is its object; nobody vouches for the comparison.
COMPARED_AFTER = regexcache.compile(r"\s+(?:more|fewer|less|(?:the\s+)?(?:most|fewest|least|highest|lowest|largest|smallest"
                                    r"|biggest|worst|best)|a\s+record)\b", regex.IGNORECASE)


# "did not respond to requests for comment", "declined to say": nobody says anything; "had
# been warned about", "after the results were reported": something was said, by nobody named.
DECLINED_BEFORE = regexcache.compile(r"\b(?:(?:did|does|do|would|will|could|has|have|had)\s+not|(?:did|does|do|would|wo|could|has|have|had)n['’]t"
                                r"|declined\s+to|refused\s+to|failed\s+to|(?:had|has|have)\s+been|(?:was|were|is|are|being)(?:\s+not)?)\s+$", regex.IGNORECASE)
BY_AFTER = regexcache.compile(r"(?:\s+\w+){0,2}?\s+by\b", regex.IGNORECASE)


def _declined(prose: str, match: regex.Match) -> bool:
    if DECLINED_BEFORE.search(prose[max(0, match.start() - 20):match.start()]) is None:
        return False
    return BY_AFTER.match(prose, match.end()) is None  # "had been told by the ministry" names a source


def narration(document: Document) -> Iterator[tuple[int, Block]]:
    """Blocks in the narrator's voice: paragraphs and list items that read as prose (they end
    a sentence), not headings, front matter, tables or block quotes."""
    for index, block in enumerate(document.blocks):
        if block.kind not in NARRATION_KINDS or block.scopes & NOT_NARRATION_SCOPES:
            continue
        if "list" not in block.scopes and not SENTENCE_END.search(document.prose[block.start:block.end]):
            continue  # a headline, label or caption line in plain text (list items need no stop)
        yield index, block


def analyse(document: Document, lexicon: Lexicon) -> list[Paragraph]:
    by_block: dict[int, list[Sentence]] = {}
    for sentence in document.sentences:
        by_block.setdefault(sentence.block, []).append(sentence)
    texts = Texts(document, lexicon)
    narrated = dict(narration(document))
    paragraphs = []
    introduced = False  # the list being read follows an attributed lead-in ending in a colon
    for index, block in enumerate(document.blocks):
        if "list" not in block.scopes:
            lead = document.prose[block.start:block.end].rstrip()
            introduced = lead.endswith(":") and _names_a_source(texts, block)
        if index in narrated:
            paragraphs.append(Paragraph(texts, block, by_block.get(index, []), introduced and "list" in block.scopes))
    return paragraphs


def _vague_spans(texts: Texts, start: int, sentence: Sentence) -> list[Span]:
    """Vague attributions in one sentence; `start` is where its paragraph starts."""
    document, lexicon, names = texts.document, texts.lexicon, texts.names
    prose = document.prose
    spans: list[Span] = []
    if lexicon.vague_groups is not None and texts.runs_allow(lexicon.vague_groups, sentence.start, sentence.end):
        for match in texts.group_matches(lexicon.vague_groups, sentence.start, sentence.end):
            # A bare group ("researchers found", "analysts expected") is the named study's or
            # data's when one is named earlier in the paragraph or anywhere in the sentence;
            # one that takes a side ("critics say") is nobody's study.
            if match.group("quant") is None and (
                    _described(prose, match.start(), sentence.start, names, lexicon.unnamed)
                    or not _takes_side(match.group(), lexicon.side_groups)
                    and any(texts.search(p, max(start, match.start() - LOOKBACK), sentence.end)
                            for p in lexicon.sources)):
                continue
            if match.group("quant") is None and _owned(prose, match.start()) \
                    and not _takes_side(match.group(), lexicon.side_groups):
                continue  # "the district's engineers told the council": that body's own staff (not "the plan's critics")
            if NAMING_VERB.search(match.group()) and (
                    WHAT.search(match.group()) or _word_before(prose, match.start(), sentence.start).casefold() == "what"):
                continue  # "what engineers call fracture-critical": a term, not a claim
            if DELIBERATING.search(match.group()):
                continue  # "opponents are considering their options": weighing a step, no claim
            if CALLING.search(match.group()) and PHONED_AFTER.match(prose, match.end()):
                continue  # "some neighbors had called him Monday asking …": a telephone call
            spans.append(Span(match.start(), match.end(), match.group()))
    for pattern in texts.may_matching(lexicon.vague_phrases, sentence.start, sentence.end):
        for match in texts.matches(pattern, sentence.start, sentence.end):
            if _described(prose, match.start(), sentence.start, names):
                continue  # "the studies show", "Census statistics show": already named
            spans.append(Span(match.start(), match.end(), match.group()))
    return _disjoint(spans, document)


def _owned(prose: str, at: int) -> bool:
    """A possessive right before the group at `at`: it belongs to someone ("Acme's analysts")."""
    return prose[max(0, at - 3):at] in ("'s ", "’s ")


def _takes_side(text: str, sides: frozenset[str]) -> bool:
    return any(word.casefold() in sides for word in text.split())


# "what engineers call X", "what economists term X": naming a thing, not claiming anything.
NAMING_VERB = regexcache.compile(r"\b(?:call|calls|term|terms|dub|dubs)$", regex.IGNORECASE)
WHAT = regexcache.compile(r"\bwhat\b", regex.IGNORECASE)
DELIBERATING = regexcache.compile(r"\bconsidering$", regex.IGNORECASE)
# "call" for a telephone call: someone called (and not "called her a liar"), then when, why or
# how often.
CALLING = regexcache.compile(r"\b(?:call|calls|called|calling)$", regex.IGNORECASE)
PHONED_AFTER = regexcache.compile(
    r"\s+(?:her|him|me|us|them|you)(?:\s*[,.;]|\s+(?:this|last|on|to|asking|about|for|after|back|again|every|each|twice"
    r"|repeatedly|in|at|during|over|since|from|and)\b)", regex.IGNORECASE)


def _disjoint(spans: list[Span], document: Document) -> list[Span]:
    """Overlapping matches merged into one span, quoted ones dropped, in text order."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if document.in_quote(span.start, span.end):
            continue
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = Span(last.start, span.end, document.prose[last.start:span.end])
            continue
        merged.append(span)
    return merged


_LAST_WORD = regexcache.compile(r"([\w.&'’-]+)\W*$")
_NUMBER = regexcache.compile(r"\d(?:[\d,.]*\d)?")


def _word_before(prose: str, at: int, floor: int) -> str:
    word = _LAST_WORD.search(prose[max(floor, at - WINDOW):at])
    return word.group(1) if word else ""


def _described(prose: str, at: int, floor: int, names: dict[str, bool], unnamed: frozenset[str] = frozenset()) -> bool:
    """True when the word before a bare group names or points back to it: "Treasury analysts",
    "the experts" (already introduced). A nationality ("French experts") or a name that stands
    for no one in particular ("Capitol Hill insiders": `unnamed`) still leaves it vague."""
    before = prose[max(floor, at - WINDOW):at].rstrip()
    token = _word_before(prose, at, floor)
    if not token or not before.endswith(token):
        return False
    if unnamed and any(" ".join(before.casefold().split()).endswith(phrase) for phrase in unnamed):
        return False
    if token.lower() in BACK_REFERENCE:
        return True
    if not DESCRIBED_BY.search(token) or NATIONALITY.search(token) or token.lower().rstrip(".") in CALENDAR:
        return False
    rest = before[: len(before) - len(token)].rstrip()
    if rest and rest[-1] not in ".!?\"“”":
        return True  # capitalised mid-sentence: a name ("Treasury analysts")
    # At the start of a sentence a capital proves nothing; a name is capitalised elsewhere too.
    if token not in names:
        # ... on its own: "of Regional Planning" or "of Health and Human Services" makes the
        # word part of a longer name only.
        names[token] = token in _named_inside(prose)
    return names[token]


# Where a word holding a capital A-Z can start after a lowercase word (a comma maybe) and white
# space; the run of word characters there; a word boundary; and where a word read there may end:
# a word boundary not followed by "and", "&", "of" or "for" and a capital.
_AFTER_LOWER = regexcache.compile(r"(?-i:\b[a-z]+,?\s+)(?=[\w.&'’-]*?[A-Z])")
_WORD_RUN = regexcache.compile(r"[\w.&'’-]+")
_BOUNDARY = regexcache.compile(r"\b")
_NAME_END = regexcache.compile(r"(?-i:\b(?!\s+(?:(?:and|&|of|for)\s+)?\p{Lu}))")


@lru_cache(maxsize=8)
def _named_inside(prose: str) -> frozenset[str]:
    """The tokens `_described` asks about (a run of [\\w.&'’-] holding a capital A-Z) that are
    written after a lowercase word and are not the start of a longer name ("of Regional
    Planning"), found in one pass per document: a search per token compiled a pattern for each
    and read the whole prose again. Each place yields every prefix of the run there that ends at
    a word boundary the longer-name test allows."""
    found: set[str] = set()
    for place in _AFTER_LOWER.finditer(prose):
        start = place.end()
        end = _WORD_RUN.match(prose, start).end()
        found.update(prose[start:b.start()] for b in _BOUNDARY.finditer(prose, start + 1, end)
                     if _NAME_END.match(prose, b.start()) is not None)
    return frozenset(found)


def claims_in(document: Document, lexicon: Lexicon, sentence: Sentence, texts: Texts | None = None) -> list[Claim]:
    """The check-worthy cues of a sentence that lie outside quotation marks, in text order.
    `texts` is the document's shared Texts (Paragraph.claims passes it)."""
    prose = document.prose
    found: list[Claim] = []
    if sentence.end - sentence.start > MAX_SENTENCE:
        return found
    texts = texts or Texts(document, lexicon)
    for kind in lexicon.claims:
        cues = texts.may_matching(kind.cues, sentence.start, sentence.end)
        if not cues:
            continue  # nothing to find, so nothing to exclude
        found_exclusions: list[list[tuple[int, int]]] = []

        def exclusions(kind: ClaimKind = kind) -> list[tuple[int, int]]:
            """The sentence's dates, years, times ... (the kind's `not`), found when a cue's
            number first needs them."""
            if not found_exclusions:
                found_exclusions.append([(m.start(), m.end()) for p in kind.not_
                                         for m in texts.finditer(p, sentence.start, sentence.end)])
            return found_exclusions[0]
        for pattern in cues:  # each passed its prefilter above: searched without it
            for match in timed_finditer(pattern, document.prose, sentence.start, sentence.end, REGEX_TIMEOUT):
                text = match.group()
                lead = len(text) - len(text.lstrip())
                span = Span(match.start() + lead, match.end(), text.strip())
                if not span.text or document.in_quote(span.start, span.end):
                    continue
                if kind.not_ and _only_excluded_numbers(span, exclusions):
                    continue
                overlapping = [c for c in found if c.span.start < span.end and span.start < c.span.end]
                if overlapping:  # one phrase, found by two cues: keep the union
                    old = overlapping[0]
                    start, end = min(old.span.start, span.start), max(old.span.end, span.end)
                    # A cue whose phrase holds the whole of an earlier, shorter one says what the
                    # phrase is: "the longest 40-mile detour in the county's history" is a
                    # superlative with a number in it, "has faced at least 12 lawsuits" a record
                    # of complaints with a count in it, not the number alone.
                    inside = span.start <= old.span.start and old.span.end <= span.end \
                        and span.end - span.start > old.span.end - old.span.start
                    found[found.index(old)] = Claim(kind if inside else old.kind, Span(start, end, prose[start:end]))
                    continue
                found.append(Claim(kind, span))
    return sorted(found, key=lambda c: c.span.start)


def _only_excluded_numbers(span: Span, exclusions: Callable[[], list[tuple[int, int]]]) -> bool:
    """A cue whose every number is a date, year, time, duration or identifier (the spans
    `exclusions()` gives) is not a statistic."""
    numbers = [(span.start + m.start(), span.start + m.end()) for m in _NUMBER.finditer(span.text)]
    if not numbers:
        return False
    excluded = exclusions()
    return all(any(s <= a and b <= e for s, e in excluded) for a, b in numbers)


PHRASE_OPENERS = frozenset({"in", "for", "by", "with", "without", "despite", "after", "before", "during",
                            "under", "against", "at", "on"})
_FIRST_WORD = regexcache.compile(r"\W*(\w+)")


def _first_word(prose: str, start: int, end: int) -> str:
    word = _FIRST_WORD.match(prose, start, end)
    return word.group(1).casefold() if word else ""


def clause(document: Document, sentence: Sentence, span: Span, min_words: int = 4) -> tuple[int, int]:
    """The clause of `sentence` that carries `span`: clause breaks split the sentence, and short
    pieces (an introductory "Meanwhile,") are joined to their neighbours."""
    prose = document.prose
    cuts = [sentence.start]
    for match in CLAUSE_BREAK.finditer(prose, sentence.start, sentence.end):
        if not document.in_quote(match.start()):
            cuts.append(match.end())
    cuts.append(sentence.end)
    pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]
    first = next(i for i, (s, e) in enumerate(pieces) if s <= span.start < e or i == len(pieces) - 1)
    last = next((i for i, (s, e) in enumerate(pieces) if s < span.end <= e), first)
    while first > 0 and _first_word(prose, pieces[first][0], pieces[first][1]) in PHRASE_OPENERS:
        first -= 1  # ", in breach of its permit": a phrase of the clause before, not a clause
    start, end = pieces[first][0], pieces[max(last, first)][1]
    while len(prose[start:end].split()) < min_words and (first > 0 or last < len(pieces) - 1):
        if last < len(pieces) - 1:
            last += 1
        else:
            first -= 1
        start, end = pieces[first][0], pieces[last][1]
    text = prose[start:end]
    stripped = text.rstrip(" ,;:—–.!?\"”’'\n")
    return start, start + len(stripped) if stripped else end
