"""Find the figures of a document: counts ("three budget votes", "twice", "a four-match tour"),
amounts ("$1.2 million"), percentages and fractions ("roughly a third of", "one in four drivers"), durations
("90-minute meeting"), dates ("March 3"), months ("in February"), years and weekdays, each with a
normalised value, the noun it counts or measures, the words around it, a bound ("more than",
"about") and the dates of its clause (which event it belongs to).

Used by figure extraction (sources) and by the figure check (drafts), so both read figures the
same way. Number words, scales, months and units come from newslint/data/numbers.yaml."""
from __future__ import annotations

import atexit
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import regex

from newslint import regexcache
from newslint.datafiles import data_file
from newslint.document.model import Document
from newslint.document.runs import Runs
from newslint.kinds.literals import Folded, Needs
from newslint.registry.wording import WordTable, stem
from newslint.yamlcache import ParsedYaml

KINDS = ("count", "amount", "percent", "duration", "date", "month", "year", "tally", "weekday", "time")
TIME_KINDS = frozenset({"date", "month", "year", "weekday"})
CONTEXT_WINDOW = 12  # words either side of the figure, within its sentence


@dataclass(eq=False, repr=False)  # never changed after it is made: not frozen, which compiles __setattr__ and __delattr__ at import
class Lexicon:
    """The number words, scales, months, units and patterns of the figure finder (numbers.yaml)."""

    numbers: dict[str, float]
    scales: dict[str, float]
    not_after_one: frozenset[str]
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_prepositions: frozenset[str]
    time_units: dict[str, int]
    currencies: dict[str, str]
    stopwords: frozenset[str]
    patterns: dict[str, regex.Pattern]
    qualifiers: dict[str, str]  # "more than" -> "more"
    approximate: float
    multiplicatives: dict[str, float]
    fractions: dict[str, float]
    not_units: frozenset[str]
    fraction_not_after: frozenset[str]
    aggregate_words: frozenset[str] = frozenset()  # "combined": a total, compared with totals only
    day_parts: frozenset[str] = frozenset()  # "Saturday afternoon": still the day
    label_words: frozenset[str] = frozenset()  # "magnitude 4.1", "Local 118": a label, not a count
    # The number kinds' patterns with their first number in digits only, for a match that
    # begins at an ASCII digit ({} when a number word does not begin with a letter): the
    # alternation of number words can match no digit, yet `regex` tried it at every digit
    # (_matches_at; 3-4 times the time a try at a digit takes).
    digit_led: dict[str, regex.Pattern] = field(default_factory=dict)
    unit_abbreviations: dict[str, str] = field(default_factory=dict)  # "µg" -> microgram


@dataclass(unsafe_hash=True, repr=False)  # hashed and compared, never changed after it is made: unsafe_hash, not frozen (which compiles __setattr__, __delattr__ and a longer __init__ at import)
class Figure:
    """A figure in a document. `value` is normalised for comparison; `number` is the span of
    the number itself (what a fix replaces)."""

    kind: str
    value: str
    text: str
    start: int
    end: int
    unit: str  # stem of the noun counted or measured ("invasi", "call"); "" when none
    context: tuple[str, ...]
    number_start: int
    number_end: int
    phrase: str = ""  # the figure with the noun it counts ("three budget votes", "90-minute council meeting")
    bound: str = ""  # "" exact | more | less | nearly | about (see qualifiers in numbers.yaml)
    # The dates, months, years and weekdays of its clause: "<kind:value" before it, ">" after;
    # for a duration between two events ("two weeks after"), "<event:…" the first one's words.
    anchors: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = data_file("numbers.yaml")
    # WordTable: read with case-insensitive matches, which may hold a Turkish "İ" (see WordTable).
    numbers = WordTable({str(k): float(v) for k, v in data["numbers"].items()})
    scales = WordTable({str(k): float(v) for k, v in data["scales"].items()})
    months = WordTable({str(k): int(v) for k, v in data["months"].items()})
    units = WordTable({str(k): int(v) for k, v in data["time_units"].items()})
    currencies = WordTable({str(k): str(v) for k, v in data["currencies"].items()})
    word_numbers = sorted((w for w in numbers if " " not in w), key=len, reverse=True)
    multiplicatives = WordTable({str(k): float(v) for k, v in (data.get("multiplicatives") or {}).items()})
    fractions = WordTable({str(k): float(v) for k, v in (data.get("fractions") or {}).items()})
    qualifiers = WordTable({str(q): str(bound) for bound, phrases in (data.get("qualifiers") or {}).items() for q in phrases})
    weekdays = [str(w).capitalize() for w in data.get("weekdays") or []]
    tens = [w for w in word_numbers if numbers[w] in (20, 30, 40, 50, 60, 70, 80, 90)]
    units_words = [w for w in word_numbers if 1 <= numbers[w] <= 9 and numbers[w] == int(numbers[w])]
    # A number in words, compound ones included: "forty-eight", "four hundred twelve thousand",
    # "one million eight hundred seventy-two thousand" (transcripts spell out what is said).
    below = [w for w in word_numbers if numbers[w] < 100]
    small = rf"(?:(?:{'|'.join(tens)})-(?:{'|'.join(units_words)})|{'|'.join(below)})"
    hundreds = rf"(?:(?:{small}\s+)?hundred(?:\s+(?:and\s+)?{small})?|{small})"
    big = "|".join(s for s in ("thousand", "million", "billion", "trillion") if s in scales)
    compound = rf"{hundreds}(?:\s+(?:{big})(?:,?\s+(?:and\s+)?{hundreds}(?=\s+(?:{big})\b))?)*" if big else hundreds
    # A decimal said aloud, before a scale or "percent": "two point seven million", "four point
    # six percent" (transcripts); not "at one point two officers".
    digit_word = rf"(?:zero|{'|'.join(units_words)})"
    spoken = rf"{small}\s+point(?:\s+{digit_word}){{1,2}}(?=\s+(?:{big}|percent)\b)" if big else "(?!)"
    numword = rf"(?:{spoken}|{compound}|a dozen|{'|'.join(word_numbers)})"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    number = rf"(?:{digits}|{numword})"
    scale = "|".join(sorted((s for s in scales if len(s) > 2), key=len, reverse=True))
    month = "|".join(sorted(months, key=len, reverse=True))
    unit = "|".join(units)
    money_words = "|".join(sorted((c for c in currencies if c.isalpha()), key=len, reverse=True))
    symbols = "|".join(regex.escape(c) for c in sorted((c for c in currencies if not c.isalpha()), key=len, reverse=True))
    percent = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in data["percent_words"])
    before = r"\b(?<![\w.\-/$€£¥])(?<!\d:)"  # \b first: most positions fail at once; not the minutes of "8:05"
    multiple = "|".join(sorted(multiplicatives, key=len, reverse=True)) or "(?!)"
    fraction = "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in sorted(fractions, key=len, reverse=True)) or "(?!)"
    qualifier = "|".join(regex.escape(q).replace(r"\ ", r"\s+") for q in sorted(qualifiers, key=len, reverse=True)) or "(?!)"

    def led_by_number(lead: str) -> dict[str, regex.Pattern]:
        """The kinds whose matches begin with a number (or an article, a fraction, a
        multiplicative or a currency symbol), their first number written as `lead`."""
        return {
            # ("an hour and a half": an article counts as one only with its half; "three and a
            # half hours" has it before the unit)
            "duration": regexcache.compile(rf"{before}(?:(?P<number>{lead})(?P<half0>\s+and\s+a\s+half)?(?:\s+|-)(?P<unit>{unit})(?:s|es)?(?:-long)?"
                                           rf"(?P<half>\s+and\s+a\s+half)?|(?P<article>an?)\s+(?P<unit2>{unit})(?P<half2>\s+and\s+a\s+half))\b", regex.I),
            "percent": regexcache.compile(rf"{before}(?P<number>{lead})\s*(?:{percent})(?!\w)", regex.I),
            "amount": regexcache.compile(rf"(?P<symbol>{symbols})\s?(?P<number>{digits})(?:\s*(?P<scale>{scale}|bn|mln|m|k)\b)?"
                                         rf"|{before}(?P<number2>{lead})(?:\s+(?P<scale2>{scale}))?\s+(?P<currency>{money_words})\b", regex.I),
            "fraction": regexcache.compile(rf"{before}(?:(?P<number>{fraction})(?=\s+of\b)|(?P<part>{lead})\s+in\s+(?P<every>{number})(?=\s+\p{{L}}|\s*[,;:.)\u2014\u2013]))", regex.I),
            # A count before a hyphenated noun: "a four-match tour", "a 12-page ruling", "a
            # 250,000-square-foot warehouse".
            # (Not a compound number word: "thirty-seven" is 37, not thirty of "seven".)
            "hcount": regexcache.compile(rf"{before}(?P<number>{lead})-(?!(?:{'|'.join(units_words)})\b)(?P<noun>\p{{Ll}}{{3,}}(?:-\p{{Ll}}{{3,}})?)\b(?![\-'’])"),
            "count": regexcache.compile(rf"{before}(?P<number>{lead}|{multiple})(?:\s+(?P<scale>{scale}))?(?![\w\-%])", regex.I),
        }

    patterns = {
        "date": regexcache.compile(rf"{before}(?P<month>(?=\p{{Lu}})(?:{month}))\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
                              rf"|{before}(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>(?=\p{{Lu}})(?:{month}))\b(?:,?\s+(?P<year2>\d{{4}})\b)?", regex.I),
        "month": regexcache.compile(rf"\b(?P<month>(?=\p{{Lu}})(?:{month}))\b(?:\s+(?:of\s+)?(?P<year>\d{{4}})\b)?", regex.I),  # ("March of 2019")
        **led_by_number(number),
        # (After a hyphen only in "mid-2031", "early-2031", "late-2031": a part of that year.)
        "year": regexcache.compile(r"(?:(?<![\w.,$\-/])|(?<=\b(?i:mid|early|late)-))(?P<year>1[5-9]\d\d|20\d\d)(?![\w,.]\d)"),
        # A vote or a score: "voted 7-2", "a 3-1 win".
        "tally": regexcache.compile(r"\b(?<![\w.\-/])(?P<number>\d{1,2}[-–]\d{1,2})(?![\w\-–/]|\.\d)"),
        "weekday": regexcache.compile(rf"\b(?P<day>{'|'.join(weekdays) or '(?!)'})\b(?!s\b)"),
        # A time of day: "8:42 p.m.", "7 a.m.", "noon"; a range's start takes its end's half of
        # the day ("from 9 to 10:45 a.m.").
        "time": regexcache.compile(r"(?<![\w.:$\-/])(?P<hour>\d{1,2})(?::(?P<minute>[0-5]\d))?\s*(?P<half>[ap])\.?\s?m\b\.?"
                                   r"|(?<![\w.:$\-/])(?P<hour2>\d{1,2})(?::(?P<minute2>[0-5]\d))?(?=\s*(?:to|until|-|–)\s*"
                                   r"\d{1,2}(?::[0-5]\d)?\s*(?P<half2>[ap])\.?\s?m\b)"
                                   r"|\b(?P<word>noon|midnight)\b", regex.I),
        # A bound or approximation just before a figure ("more than 212,000", "about $310m").
        "qualifier": regexcache.compile(rf"(?:^|[^\p{{L}}])(?P<q>{qualifier})\s+(?:(?:a|an)\s+)?$", regex.I),
        # "a fee of", "the first offer, worth": the noun an amount is the value of.
        "amount_head": regexcache.compile(rf"(?P<head>\p{{Ll}}[\p{{Ll}}\-]+)\s*,?\s+(?:{'|'.join(data.get('amount_links') or ['of'])})\s+"
                                     rf"(?:(?:a|an|the)\s+)?(?:(?:{qualifier})\s+)?$"),
        # Quick tests that let a sentence skip the patterns it cannot match.
        "has_digit": regexcache.compile(r"\d"),
        "has_word": regexcache.compile(rf"\b(?:{'|'.join(word_numbers + list(multiplicatives) + ['half', 'third', 'quarter', 'fifth', 'tenth'])})", regex.I),
        "has_weekday": regexcache.compile(rf"\b(?:{'|'.join(weekdays) or '(?!)'})"),
        "has_month": regexcache.compile(rf"\b(?=\p{{Lu}})(?:{month})", regex.I),
    }
    return Lexicon(numbers, scales, frozenset(data["not_after_one"]), months,
                   frozenset(data["ambiguous_months"]), frozenset(data["month_prepositions"]),
                   units, currencies, frozenset(str(w) for w in data["stopwords"]), patterns,
                   qualifiers, float(data.get("approximate", 0.1)), multiplicatives, fractions,
                   frozenset(str(w) for w in data.get("not_units") or []),
                   frozenset(str(w) for w in data.get("fraction_not_after") or []),
                   frozenset(str(w).casefold() for w in data.get("aggregate_words") or []),
                   frozenset(str(w).casefold() for w in data.get("day_parts") or []),
                   frozenset(str(w).casefold() for w in data.get("label_words") or []),
                   # (Every number word begins with a letter: at a digit, only `digits` matches.)
                   led_by_number(f"(?:{digits})") if all(w[:1].isalpha() for w in numbers) else {},
                   {str(k).casefold(): str(v) for k, v in (data.get("unit_abbreviations") or {}).items()})


WORD = regexcache.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’\-]*")


def number_text(kind: str, text: str) -> str:
    """The number of a figure as written ("90" of "90-minute meeting", "three" of "three budget votes")."""
    match = lexicon().patterns.get(kind, lexicon().patterns["count"]).match(text)
    if match is None:
        return ""
    for group in ("number", "number2"):
        if group in match.groupdict() and match.group(group):
            return match.group(group)
    return ""


def parse_number(text: str) -> float | None:
    """"45" → 45, "1,200" → 1200, "two" → 2, "twenty-five" → 25, "a dozen" → 12."""
    lex = lexicon()
    word = text.casefold().strip()
    if word in lex.numbers:
        return lex.numbers[word]
    try:
        number = float(word.replace(",", ""))
    except ValueError:
        return _spelled(lex, word)
    return number if math.isfinite(number) else None  # a run of 309 digits or more is no figure


def _spelled(lex: Lexicon, word: str) -> float | None:
    """A compound number in words: "six hundred thirty thousand" → 630000."""
    whole, point, decimals = word.partition(" point ")
    if point:  # "two point seven" (said aloud) is 2.7
        digits = [lex.numbers.get(part) for part in decimals.split()]
        number = _spelled(lex, whole)
        if number is None or not digits or any(d is None or d != int(d) or d > 9 for d in digits):
            return None
        return number + float("0." + "".join(str(int(d)) for d in digits))
    total = current = 0.0
    for part in word.replace("-", " ").replace(",", " ").split():
        if part in ("and", "a"):
            continue
        if part == "hundred":
            current = (current or 1) * 100
        elif part in lex.scales and lex.scales[part] >= 1000:
            total += (current or 1) * lex.scales[part]
            current = 0
        elif part in lex.numbers:
            current += lex.numbers[part]
        else:
            return None
    return total + current


def _fmt(value: float) -> str:
    if not math.isfinite(value):  # a number of ~300 digits times a scale; int() would raise
        return str(value)
    return f"{value:.6g}" if value != int(value) else str(int(value))


def find_figures(document: Document, skip_quotes: bool = False) -> list[Figure]:
    """Every figure in the document's prose, in text order."""
    lex = lexicon()
    prose = document.prose
    taken = bytearray(len(prose))
    figures: list[Figure] = []
    runs = _Runs.of(document)
    for sentence in document.sentences:
        tokens: list | None = None  # the sentence's words, read once it has a candidate
        found: list[tuple[Figure, int, int]] = []  # with the span of its clause
        within = runs.within(sentence.start, sentence.end)
        if within is None:  # a run of word characters crosses the sentence's edge
            kinds, words = _kinds_possible(lex, prose, sentence.start, sentence.end)
        else:
            kinds, words = _kinds_of_runs(lex, prose, sentence.start, sentence.end, runs.held(*within))
        if not kinds:
            continue  # no digit, month, weekday or number word: no figure
        starts = _Starts(lex, prose, sentence.start, sentence.end, words, runs if within is not None else None)
        if "duration" in kinds:  # (percent comes with it) drop what the sentence's words rule out
            folded = Folded.of(prose[sentence.start:sentence.end])
            kinds = [k for k in kinds if k not in _GATED or _kind_needs(k).met_by(folded)]
        for kind in kinds:
            for match in starts.matches(kind):
                if taken.find(1, match.start(), match.end()) >= 0:  # inside a figure already found
                    continue
                if skip_quotes and document.in_quote(match.start(), match.end()):
                    continue
                if tokens is None:
                    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(prose, sentence.start, sentence.end)]
                made = _figure(kind, match, prose, tokens, sentence.start)
                if made is None:
                    continue
                taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
                found.append(made)
        figures.extend(_with_anchors(found))
    figures.sort(key=lambda f: f.start)
    return with_table_context(document, _range_units(prose, figures))


# "from 4.5 grams per dose to 2.0": the range's end counts what its start counts.
_RANGE_BETWEEN = regexcache.compile(r"[^.;:!?\d]{0,40}?\s(?:to|and)\s+$")


def _range_units(prose: str, figures: list[Figure]) -> list[Figure]:
    """A range's two ends count the same thing: "from 4.5 grams per dose to 2.0",
    "between 40 and 60 students"."""
    out = list(figures)
    for number in range(1, len(out)):
        first, second = out[number - 1], out[number]
        if second.kind != "count" or first.kind != "count" or bool(first.unit) == bool(second.unit) \
                or not prose[max(0, first.start - 8):first.start].rstrip().casefold().endswith(("from", "between")) \
                or _RANGE_BETWEEN.fullmatch(prose, first.end, second.start) is None:
            continue
        if first.unit:
            out[number] = replace(second, unit=first.unit)
        elif prose[first.end:second.start].strip().casefold() not in ("to", "and"):
            continue  # ("from 300 today to 1,250 homes": the start counts nothing said)
        else:
            out[number - 1] = replace(first, unit=second.unit)
    return out


def with_table_context(document: Document, figures: list[Figure]) -> list[Figure]:
    """A figure in a table cell with what its row and its column say about it: a cell is a
    sentence of its own, so "| Under 18 | 41 | $2,300 |" under "| Age group | Cases |
    Cost |" would give 41 no context and no unit. The row's other cells and the column's
    header are its context; a count takes its unit from a header that is a plural noun."""
    if not any(block.kind == "table.cell" for block in document.blocks):
        return figures
    rows: dict[int, list] = defaultdict(list)  # a table line's start -> its cells, in order
    header_of: dict[int, list] = {}  # a body line's start -> its table's header cells
    header: list = []
    for block in document.blocks:
        if block.kind not in ("table.header", "table.cell"):
            continue
        line = document.text.rfind("\n", 0, block.start) + 1
        if block.kind == "table.header":
            if not rows[line]:
                header = rows[line]
        else:
            header_of[line] = header
        rows[line].append(block)
    out = []
    for figure in figures:
        line = document.text.rfind("\n", 0, figure.start) + 1
        cells = rows.get(line) if line in header_of else None
        column = next((i for i, c in enumerate(cells) if c.start <= figure.start < c.end), None) if cells else None
        if column is None:
            out.append(figure)
            continue
        heading = document.text[header_of[line][column].start:header_of[line][column].end] \
            if column < len(header_of[line]) else ""
        counted, heading = _header_unit(heading)
        unit = figure.unit or (counted if figure.kind == "count" else "")
        words = " ".join(document.text[c.start:c.end] for i, c in enumerate(cells) if i != column)
        items = filter(None, (_context_word(m.group()) for m in WORD.finditer(f"{words} {heading}")))
        extra = [item for item, as_unit in items if as_unit != unit and item not in figure.context]
        out.append(replace(figure, unit=unit, context=figure.context + tuple(dict.fromkeys(extra))))
    return out


def _header_unit(heading: str) -> tuple[str, str]:
    """The noun a table column counts ("Units", "Beds", "Number of shelters", "Homes
    inspected"; "" for none) and the header's words that are context. A participle after the
    noun is the column's own wording of its count, not context: a draft's "41 homes that
    inspectors failed" shares it with the "41" of a row under "Homes inspected" by chance."""
    words = heading.split()
    participle = len(words) >= 2 and words[-1].isalpha() and words[-1].casefold().endswith("ed")
    noun = words[-2] if participle else words[-1] if words else ""
    if not 0 < len(words) - participle <= 3 or not noun.isalpha() or not noun.endswith("s") \
            or noun.casefold() in lexicon().stopwords:
        return "", heading
    return stem(_singular(noun.casefold())), " ".join(words[:-1]) if participle else heading


# Kinds whose patterns need words a sentence often lacks (a time unit; "%" or "cent"): a
# literal prefilter read from the pattern (kinds/literals.py) rules them out per sentence.
_GATED = frozenset({"duration", "percent"})


@lru_cache(maxsize=None)
def _kind_needs(kind: str) -> Needs:
    """Read from the pattern once, and kept between runs in the cache folder by the pattern's
    text (Needs.of reads a pattern in Python: about 0.7 ms each for these, every cold start)."""
    pattern = lexicon().patterns[kind].pattern
    return Needs(_kept_needs().parse(kind, pattern.encode("utf-8", "surrogatepass"), lambda: Needs.of(pattern).groups))


@lru_cache(maxsize=1)
def _kept_needs() -> ParsedYaml:
    kept = ParsedYaml(Path(__file__).resolve().parent, "needs", code=("kinds/literals.py",), keep=16)
    atexit.register(kept.save)  # written at exit when something was read afresh
    return kept


class _Starts:
    """Where a sentence's number figures can begin, found once for all their kinds: a pattern
    that starts with a number (digits or a number word) is tried only at the start of a run of
    word characters that is digits or begins like a number word, and an amount also at a
    currency symbol. Trying a pattern at each such position in order (skipping those inside
    its previous match) finds what its finditer over the sentence finds, without scanning
    every position with each kind's alternation of number words."""

    def __init__(self, lex: Lexicon, prose: str, start: int, end: int, words: bool, runs: _Runs | None = None) -> None:
        self.lex, self.prose, self.start, self.end = lex, prose, start, end
        self.words = words  # the sentence has a number word (else only digits begin numbers)
        self.runs = runs  # the document's runs, when none crosses the sentence's edges
        self._numbers: list[int] | None = None
        self._amounts: list[int] | None = None
        self._starting: dict[int, list[int]] = {}  # runs.starting() by bits: kinds share them

    def matches(self, kind: str):
        pattern = self.lex.patterns[kind]
        if kind not in _NUMBER_KINDS:
            bits = _RUN_KINDS.get(kind)
            if bits is None or self.runs is None:
                return pattern.finditer(self.prose, self.start, self.end)
            return _matches_at(pattern, self.prose, self._runs_starting(bits), self.end)
        starts = self.amount_starts() if kind == "amount" else self.number_starts()
        return _matches_at(pattern, self.prose, starts, self.end, self.lex.digit_led.get(kind))

    def _runs_starting(self, bits: int) -> list[int]:
        found = self._starting.get(bits)
        if found is None:
            found = self._starting[bits] = self.runs.starting(self.start, self.end, bits)
        return found

    def number_starts(self) -> list[int]:
        if self._numbers is None and self.runs is not None:
            self._numbers = self._runs_starting(_NUMBER if self.words else _DIGIT)
        if self._numbers is None and not self.words:
            self._numbers = [m.start() for m in _DIGIT_START.finditer(self.prose, self.start, self.end)]
        elif self._numbers is None:
            first = _first_words()
            self._numbers = [m.start() for m in _RUN.finditer(self.prose, self.start, self.end)
                             if m.group()[0].isdigit() or _may_start_number(m.group(), first)]
        if len(self._numbers) >= ENDLESS_GROUPS:
            self._numbers = _outside_endless(self.prose, self.start, self.end, self._numbers)
        return self._numbers

    def amount_starts(self) -> list[int]:
        if self._amounts is None:
            symbols, find = _symbols(), self.prose.find
            # (A symbol holds a character that is not a letter: a sentence without one has none.)
            at = {m.start() for m in symbols.finditer(self.prose, self.start, self.end, overlapped=True)} \
                if symbols and any(find(mark, self.start, self.end) >= 0 for mark in _symbol_marks()) else set()
            self._amounts = sorted(at.union(self.number_starts())) if at else self.number_starts()
        return self._amounts


# A chain of this many comma-separated digit groups ("123,456,…" with no space) holds more
# than 309 digits: no number a float holds, so no figure. Every kind's pattern tried at each
# of its groups would read on to the chain's end (a number's digits are `\d{1,3}(?:,\d{3})+`):
# time that grows with the square of the chain's length. None of its groups begins a figure.
ENDLESS_GROUPS = 104
_ENDLESS = regexcache.compile(rf"(?<!\d)\d{{1,3}}(?:,\d{{3}}){{{ENDLESS_GROUPS - 1},}}")


def _outside_endless(prose: str, start: int, end: int, starts: list[int]) -> list[int]:
    """`starts` without those inside a chain of ENDLESS_GROUPS digit groups or more (a new
    list: a sentence's kinds share the one given)."""
    chains = [m.span() for m in _ENDLESS.finditer(prose, start, end)]
    if not chains:
        return starts
    lows = [low for low, _ in chains]
    kept = []
    for at in starts:
        number = bisect_right(lows, at) - 1
        if number < 0 or at >= chains[number][1]:
            kept.append(at)
    return kept


# Kinds whose every match begins at a number (or, for an amount, a currency symbol).
_NUMBER_KINDS = frozenset({"duration", "percent", "fraction", "amount", "hcount", "count"})
_RUN = regexcache.compile(r"\w+")
_DIGIT_START = regexcache.compile(r"\b\d")


def _may_start_number(run: str, first: tuple[str, ...]) -> bool:
    low = run.casefold()
    return low in ("a", "an") or low.startswith(first) or not run.isascii()  # ("an hour and a half")


@lru_cache(maxsize=1)
def _first_words() -> tuple[str, ...]:
    """Words a number, a multiplicative or a fraction can begin with, "a" apart (it only
    begins a phrase: "a dozen", "a third"); a run of word characters that starts with one of
    them may hold a number ("twenty-five" starts with the run "twenty")."""
    lex = lexicon()
    phrases = [*lex.numbers, *lex.multiplicatives, *lex.fractions, "one"]
    split = regexcache.compile(r"[\s\-]+").split  # (kept: regex's own compile is pure Python)
    words = {w for phrase in phrases for w in split(phrase.casefold())[:1]} - {"a"}
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def _symbols() -> regex.Pattern | None:
    symbols = sorted((c for c in lexicon().currencies if not c.isalpha()), key=len, reverse=True)
    return regexcache.compile("|".join(regex.escape(c) for c in symbols), regex.I) if symbols else None


@lru_cache(maxsize=1)
def _symbol_marks() -> tuple[str, ...]:
    """The characters of the currency symbols that are not letters, in every case (the symbols
    match ignoring case): each symbol holds one, so a text without any holds no symbol."""
    marks = {c for symbol in lexicon().currencies if not symbol.isalpha() for c in symbol if not c.isalpha()}
    return tuple(sorted({v for c in marks for v in (c, c.lower(), c.upper(), c.casefold())}))


_ASCII_DIGITS = frozenset("0123456789")


def _matches_at(pattern: regex.Pattern, prose: str, starts: list[int], end: int, digit_led: regex.Pattern | None = None):
    """pattern.finditer(prose, sentence start, end), given every position where a match can
    begin; `digit_led` (Lexicon.digit_led) is tried instead at a position holding a digit."""
    resume = -1
    for at in starts:
        if at < resume:
            continue
        match = (digit_led if digit_led is not None and prose[at] in _ASCII_DIGITS else pattern).match(prose, at, end)
        if match is not None:
            resume = match.end()
            yield match


def _with_anchors(found: list[tuple[Figure, int, int]]) -> list[Figure]:
    """Each figure with the time figures of its clause: they say which event it belongs to."""
    times = [f for f, _, _ in found if f.kind in TIME_KINDS]
    out = []
    for figure, low, high in found:
        anchors = tuple(sorted({("<" if t.start < figure.start else ">") + f"{t.kind}:{t.value}"
                                for t in times if t is not figure and low <= t.start and t.end <= high} | set(figure.anchors)))
        out.append(replace(figure, anchors=anchors) if anchors and anchors != figure.anchors else figure)
    return out


def _kinds_possible(lex: Lexicon, prose: str, start: int, end: int) -> tuple[list[str], bool]:
    """The kinds a sentence can hold, in the order they are looked for (dates before the
    numbers inside them); and whether it has a number word."""
    digit = lex.patterns["has_digit"].search(prose, start, end) is not None
    month = lex.patterns["has_month"].search(prose, start, end) is not None
    word = lex.patterns["has_word"].search(prose, start, end) is not None
    weekday = lex.patterns["has_weekday"].search(prose, start, end) is not None
    return _kinds(digit, month, word, weekday), word


def _kinds_of_runs(lex: Lexicon, prose: str, start: int, end: int, held: int) -> tuple[list[str], bool]:
    """_kinds_possible from what the sentence's runs of word characters begin with (`held`,
    see _Runs): a month, number word or weekday test matches only at the start of a run."""
    digit = lex.patterns["has_digit"].search(prose, start, end) is not None
    word = bool(held & _WORD)
    return _kinds(digit, bool(held & _MONTH), word, bool(held & _WEEKDAY)), word


def _kinds(digit: bool, month: bool, word: bool, weekday: bool) -> list[str]:
    kinds = []
    if month:
        kinds += ["date", "month"] if digit else ["month"]
    if weekday:
        kinds.append("weekday")
    if digit:
        kinds.append("time")
    if digit or word:
        kinds += ["duration", "percent", "fraction", "amount"]  # ("twenty-three thousand dollars")
    if digit:
        kinds += ["year", "tally"]
    if digit or word:
        kinds += ["hcount", "count"]
    return kinds


# What a run of word characters begins with (bits): a month (capitalised), a number word, a
# weekday (the has_* tests of the lexicon), a number (see _may_start_number), a digit; or
# whether it is a whole time of day in words ("noon").
_MONTH, _WORD, _WEEKDAY, _NUMBER, _DIGIT, _TIME_WORD = 1, 2, 4, 8, 16, 32
# Kinds whose every match begins at a run that begins with these: a month name (the has_month
# test, which the month and date patterns begin with), a weekday, or a digit after a word
# boundary (a date's day, a year, a tally); a time of day at a digit that follows no word
# character, or at a run that is "noon" or "midnight".
_RUN_KINDS = {"month": _MONTH, "date": _MONTH | _DIGIT, "weekday": _WEEKDAY, "year": _DIGIT, "tally": _DIGIT,
              "time": _DIGIT | _TIME_WORD}
_RUN_BITS: dict[str, int] = {}  # per distinct run, kept across documents (words recur)
_MAX_RUN_BITS = 1 << 16


class _Runs:
    r"""A document's runs of word characters (\w+, document/runs.py) with what each begins with.
    The has_* tests, the number starts and the digit starts each match only at the start of a
    run and within it (their words are word characters: see _runs_decide), so for a sentence
    that no run crosses the edge of, its runs answer them: no regex scan per sentence."""

    def __init__(self, runs: Runs) -> None:
        self.starts = runs.starts
        self.within = runs.within
        if len(_RUN_BITS) > _MAX_RUN_BITS:
            _RUN_BITS.clear()
        bits = list(map(_RUN_BITS.get, runs.texts))  # (most runs were met before)
        if None in bits:
            get = _RUN_BITS.get
            bits = [seen if seen is not None else _run_bits(run) if (now := get(run)) is None else now
                    for run, seen in zip(runs.texts, bits)]
        self.bits = bits

    @classmethod
    def of(cls, document: Document) -> _Runs | _NoRuns:
        if not _runs_decide():
            return _NoRuns()
        return cls(Runs.of(document))

    def held(self, first: int, stop: int) -> int:
        held = 0
        for bits in self.bits[first:stop]:
            held |= bits
        return held

    def starting(self, start: int, end: int, bit: int) -> list[int]:
        """Where the runs of prose[start:end] with `bit` start (call within() first)."""
        first, stop = bisect_left(self.starts, start), bisect_left(self.starts, end)
        starts, bits = self.starts, self.bits
        return [starts[i] for i in range(first, stop) if bits[i] & bit]


class _NoRuns:
    """The lexicon's words are not all word characters: every sentence is scanned."""

    def within(self, start: int, end: int) -> None:
        return None


def _run_bits(run: str) -> int:
    r"""What a run begins with: the lexicon's has_* tests at its start (a pattern's `\b` holds
    there and its words stay inside the run), _may_start_number, and `\b\d`; and whether the
    time pattern matches the whole run (its word alternative, `\b(?:noon|midnight)\b`, is a
    whole run; its others begin with a digit that follows no word character)."""
    patterns = lexicon().patterns
    bits = (_MONTH if patterns["has_month"].match(run) else 0) | (_WORD if patterns["has_word"].match(run) else 0) \
        | (_WEEKDAY if patterns["has_weekday"].match(run) else 0) \
        | (_NUMBER if run[0].isdigit() or _may_start_number(run, _first_words()) else 0) \
        | (_DIGIT if _DIGIT_START.match(run) else 0) | (_TIME_WORD if patterns["time"].fullmatch(run) else 0)
    _RUN_BITS[run] = bits
    return bits


@lru_cache(maxsize=1)
def _runs_decide() -> bool:
    r"""The has_* patterns are a `\b`, maybe a capital's lookahead, and a list of words of word
    characters only (read from the patterns themselves), so the runs can stand in for their
    scans: a word like "twenty-one" could run past its run's end."""
    words = r"\(\?:\w+(?:\|\w+)*\)"
    shape = regexcache.compile(rf"\\b(?:\(\?=\\p\{{Lu\}}\))?{words}")
    return all(shape.fullmatch(lexicon().patterns[name].pattern) for name in ("has_month", "has_word", "has_weekday"))


# One or two lowercase words, then a unit of time, after a count, on its line: "4.1 paid
# overtime hours".
_MODIFIED_SPAN = regexcache.compile(r"[ \t]+(?P<words>(?:\p{Ll}+(?:-\p{Ll}+)?[ \t]+){1,2})(?P<unit>seconds|minutes|hours|days|weeks|months|years)\b")


# What turns a year into its decade: "the 1970s" (not "2031's budget", that year's).
_DECADE_AFTER = regexcache.compile(r"s\b")


def _figure(kind: str, match: regex.Match, prose: str, tokens: list, sentence_start: int) -> tuple[Figure, int, int] | None:
    lex = lexicon()
    start, end = match.start(), match.end()
    number_span = (start, end)
    unit, unit_end = "", end
    label = ""  # a fact sheet line's label, when it names what a count counts
    bound = _bound(prose, start, sentence_start) if kind in ("count", "hcount", "amount", "percent", "fraction", "duration") else ""
    if kind == "duration" and bound == "more" and _previous_word(prose, start, sentence_start) == "over":
        bound = ""  # "payments over 15 years": throughout, not more than
    if kind == "weekday":
        value = match.group("day").casefold()
        if _previous_word(prose, start, sentence_start) in _SAID or _in_a_statement(prose, start, sentence_start):
            unit = "said"  # "said Monday", "in a statement on Monday": the day of the statement
        after = _NEXT_WORD.match(prose[end:end + 40])
        if after is not None and after.group(1).islower() and after.group(1).rstrip(".") not in lex.day_parts \
                and _previous_word(prose, start, sentence_start) in _BEFORE_ATTRIBUTIVE_DAY:
            return None  # "at Sunday school classes", "a Monday deadline": a kind, not the day of an event
    elif kind == "time":
        if _previous_word(prose, start, sentence_start) in _LOOSE_TIME:
            return None  # "about 4:10 a.m.", "after 3 p.m.": no one time to compare
        if match.group("word"):
            value = "12:00" if match.group("word").casefold() == "noon" else "00:00"
        else:
            hour = int(match.group("hour") or match.group("hour2"))
            minute = int(match.group("minute") or match.group("minute2") or 0)
            half = (match.group("half") or match.group("half2")).casefold()
            if not 1 <= hour <= 12:
                return None
            value = f"{hour % 12 + (12 if half == 'p' else 0):02d}:{minute:02d}"
    elif kind == "fraction":
        if _previous_word(prose, start, sentence_start) in lex.fraction_not_after:
            return None  # "the second half of the match": a part, not a share
        kind = "percent"
        if match.group("every"):  # "one in four drivers", "nine in 10 workers"
            part, every = parse_number(match.group("part")), parse_number(match.group("every"))
            if not part or not every or part >= every or lex.patterns["year"].fullmatch(match.group("every")):
                return None  # "won one in 2019 and two in 2020"
            value = f"{_fmt(round(100 * part / every, 3))}%"
            unit, unit_end = _unit_after(prose, end, tokens)
        else:
            value = f"{_fmt(lex.fractions[' '.join(match.group('number').casefold().split())])}%"
            unit, unit_end = _of_noun(prose, end)
        bound = bound or "about"  # "half of", "a third of", "one in four" are rarely exact
    elif kind == "hcount":
        kind = "count"
        number = parse_number(match.group("number"))
        noun = match.group("noun")
        if number is None or number == 1 or noun in lex.stopwords or noun.rstrip("s") in lex.time_units \
                or noun in ("old", "odd") or any(f.endswith(noun.rstrip("s")) for f in lex.fractions):
            return None  # "one-off", "24-year-old", "a two-thirds majority"
        value = _fmt(number)
        number_span = match.span("number")
        unit, unit_end = stem(_singular(noun)), end
    elif kind == "date":
        month = (match.group("month") or match.group("month2")).casefold().rstrip(".")
        day = int(match.group("day") or match.group("day2"))
        year = match.group("year") or match.group("year2")
        if not 1 <= day <= 31:
            return None
        value = f"{year + '-' if year else ''}{lex.months[month]:02d}-{day:02d}"
        if _previous_word(prose, start, sentence_start) == "through":
            unit = "through"  # the end of a run of events ("called off six games through March 9"), not one's day
    elif kind == "month":
        word = match.group("month").casefold()
        year = match.group("year")
        if word in lex.ambiguous_months and not year:
            previous = _previous_word(prose, start, sentence_start)
            if previous not in lex.month_prepositions:
                return None
        value = f"{year + '-' if year else ''}{lex.months[word]:02d}"
    elif kind == "year":
        if _DECADE_AFTER.match(prose, end):
            return None  # "the early 1970s": a decade, which no one year of it contradicts
        value = match.group("year")
        if _previous_word(prose, start, sentence_start) == "since":
            unit = "since"  # a starting point ("has run it since 2014"), not an event's year
    elif kind == "duration":
        written = "number" if match.group("number") else "article"
        number = parse_number(match.group("number")) if written == "number" else 1
        if number is None or _HYPHENATED_ON.match(prose, end):
            return None  # "2,400 year-round residents" (but "a 10-year-old" is an age)
        if match.group("half0") or match.group("half") or match.group("half2"):
            number += 0.5
        base = (match.group("unit") or match.group("unit2")).casefold()
        old = _AGE_AFTER.match(prose, end)
        if old is not None and written == "number" and base.startswith("year"):
            # "a 47-year-old welder", "she is 47 years old": an age, compared with ages.
            value, number_span = _fmt(number), match.span(written)
            context, low, high = _context(prose, tokens, start, end + old.end() - old.start(), AGE)
            return Figure("count", value, prose[start:end], start, end, AGE, context, *number_span,
                          phrase=prose[start:end + old.end() - old.start()]), low, high
        value = f"{_fmt(number * lex.time_units[base])}s"
        number_span = match.span(written)
        unit, unit_end = _unit_after(prose, end, tokens) if "-" in match.group() else ("", end)
        if not unit and _next_word(prose, end) in GAP_WORDS and _opens_sentence(prose, start, sentence_start):
            unit = "gap"
    elif kind == "percent":
        number = parse_number(match.group("number"))
        if number is None:
            return None
        value = f"{_fmt(number)}%"
        number_span = match.span("number")
        unit, unit_end = _of_noun(prose, end)
    elif kind == "amount":
        group = "number" if match.group("number") else "number2"
        number = parse_number(match.group(group))
        scale = (match.group("scale") or match.group("scale2") or "").casefold()
        currency = lex.currencies.get((match.group("symbol") or match.group("currency") or "").casefold(), "")
        currency = currency or lex.currencies.get(match.group("symbol") or "", "")
        if number is None:
            return None
        value = f"{_fmt(number * lex.scales.get(scale, 1))} {currency}"
        number_span = match.span(group)
        unit, unit_end = _unit_after(prose, end, tokens, amount=True)
        if not unit:  # "a fee of £30 million": the amount is the value of a fee
            head = _search_at_end(lex, "amount_head", prose[max(sentence_start, start - 80):start])
            if head is not None and head.group("head") not in lex.stopwords:
                unit = stem(head.group("head"))
    elif kind == "tally":
        value = match.group("number").replace("–", "-")
        unit, unit_end = _unit_after(prose, end, tokens)
        if not unit and (_previous_word(prose, start, sentence_start) in _TALLY_VERBS
                         or _VOTE_OF.search(prose, max(sentence_start, start - 24), start) is not None):
            unit = stem("vote")
        if not unit:
            return None  # "10-15" alone is a range, not a tally
    else:  # count
        word = match.group("number").casefold()
        number = lex.multiplicatives.get(word) or parse_number(word)
        if number is None:
            return None
        after = _next_word(prose, end)
        if word in lex.multiplicatives:  # "twice": two times, unless a comparison ("twice as many")
            if after in COMPARISON:
                return None
            phrase = prose[start:end]
            context, low, high = _context(prose, tokens, start, end, "time")
            return Figure(kind, _fmt(number), phrase, start, end, "time", context, start, end, phrase=phrase, bound=bound), low, high
        if word == "one" and (after in lex.not_after_one or not after):
            return None
        if after in REMAINDER_WORDS:
            return None  # "fraud and four other charges", "two more buses": a part of some total
        if _previous_word(prose, start, sentence_start) in lex.label_words:
            return None  # "a magnitude 4.1 event", "Route 9", "Local 118": a label
        if after in ("a.m", "p.m", "am", "pm") or prose[end:end + 1] == ":":
            return None
        if match.group("number")[0].isdigit() is False and _previous_word(prose, start, sentence_start) in ("no", "the") and not after:
            return None
        scale = (match.group("scale") or "").casefold()
        value = _fmt(number * lex.scales.get(scale, 1))
        number_span = match.span("number")
        span = _MODIFIED_SPAN.match(prose, end) if not scale else None
        if span is not None and not any(w.casefold() in lex.stopwords or parse_number(w) is not None
                                         for w in span.group("words").split()):
            # "4.1 paid overtime hours", "six straight weeks": a span of time with words
            # about it between, compared with spans ("4.1 hours", "six weeks").
            base = span.group("unit").casefold()
            base = base if base in lex.time_units else base[:-1]
            kind, value, unit, unit_end = "duration", f"{_fmt(number * lex.time_units[base])}s", "", span.end()
            context, low, high = _context(prose, tokens, start, unit_end, unit)
            context += tuple(word for word in (stem(w.casefold()) for w in span.group("words").split()) if word not in context)
            phrase = prose[start:unit_end]
            return Figure(kind, value, phrase, start, unit_end, unit, context, *number_span, phrase=phrase, bound=bound), low, high
        unit, unit_end = _unit_after(prose, end, tokens)
        if unit and (joined := _COORDINATED_NOUN.match(prose, unit_end)) is not None \
                and not any(w.casefold() in lex.stopwords or w.endswith(("ed", "ing")) for w in joined.group(1).split()):
            unit = ""  # "60 sheep and goats in X": the count is of both, not of the first noun
        if not unit:
            unit = _part_of_unit(prose, end, tokens)  # "two of the nine rides" counts rides
        if not unit and _previous_word(prose, start, sentence_start) == "all":
            unit = _all_of_unit(prose, end, tokens)  # "all 9 of its gates" counts gates
        if not unit:
            unit = _whole_unit(prose, start, sentence_start, tokens)  # "45 acres … out of 80"
        if not unit and _appositive_age(prose, start, end, number):
            unit = AGE  # "Ann Roe, 61, of Elmira"
        if not unit:
            unit, label = _label_unit(prose, start)
        if not unit and after in ("times", "time") and number != 1:  # "three times", like "twice"
            unit_end = end + _TIMES.match(prose[end:end + 40]).end()  # the window and case _next_word read
            if _next_word(prose, unit_end) in COMPARISON:
                return None  # "three times the size": a ratio
            unit = "time"
    context, low, high = _context(prose, tokens, start, end, unit)
    opening = _OPENING_WORD.match(prose, sentence_start, start)
    if opening is not None and opening.group(1) in context and _common_opening(opening.group(1)) \
            and not _capitalised_inside(prose, opening.group(1)):
        # A sentence's capitalised first word may be an ordinary one ("Tickets go on sale …"):
        # its stem is a context word too, as "applications" is elsewhere in a sentence.
        context += (stem(_singular(opening.group(1))),)
    if kind in ("percent", "amount", "count") and _previous_word(prose, start, sentence_start) == "from":
        # The value a change started from ("down from 58.2 percent a year earlier"): one more
        # word in common with another clause that gives a change's starting value.
        context += (FROM,)
    if unit == AGE:
        # Whose age: the name right before it ("Ann Roe, 61,"), an ordinary word of its context,
        # so that her age in another clause about her is compared with no other word shared.
        name = _NAME_BEFORE_AGE.search(prose, max(0, start - 40), start)
        if name is not None:  # none before a fact sheet's "Age: 34" (its label gives the unit)
            context += (f"<of:{name.group().rstrip(', ').casefold()}>",)
    if kind == "count" and _previous_word(prose, start, sentence_start) == "by" \
            and _MARGIN_BEFORE.search(prose, max(sentence_start, start - 80), start):
        context += ("margin",)  # "lost the race by 36 votes": the gap, like "a margin of 36 votes"
    if not label and kind in ("duration", "amount", "percent"):  # "Comment period: 45 days"
        label = _label_unit(prose, start)[1]
    if label:  # the label is cut off by its colon, but it says what the number is about
        context += tuple(w for w in _label_context(label, unit) if w not in context)
    phrase = prose[start:max(end, unit_end)].rstrip(",;:" if kind == "time" else ".,;:")  # (a time keeps "p.m.")
    figure = Figure(kind, value, prose[start:end], start, end, unit, context, *number_span, phrase=phrase, bound=bound)
    if kind == "duration" and _next_word(prose, max(end, unit_end)) in ("after", "before", "since", "until"):
        # "agreed on July 4, two weeks after talks opened": the duration joins two events;
        # the first one (the words before it) is part of what it is about.
        event = [x for x in _context(prose, [t for t in tokens if t[1] <= start], start, end, unit)[0] if not x[:1].isdigit()]
        if event:
            figure = replace(figure, anchors=("<event:" + "|".join(sorted(event)),))
    return figure, low, high


# Words after a duration that opens its sentence and make it the time between two events
# ("Two days after the vote, …"), compared only with another such gap, never with a span
# ("over 18 months"). Inside a sentence the same words often end a span ("lifted the ban on
# Thursday, four days after the attack" is how long the ban lasted), so those stay spans.
GAP_WORDS = frozenset({"after", "before", "later", "earlier"})
_GAP_LEAD = regexcache.compile(r"(?:(?:just|only|about|nearly|almost|some|barely|roughly|more\s+than|less\s+than|a|an)\s+)*", regex.I)


def _opens_sentence(prose: str, start: int, sentence_start: int) -> bool:
    """Nothing but a qualifier before the duration in its sentence."""
    lead = prose[sentence_start:start].lstrip(" \t\n\"“'‘*_#>-")
    return len(lead) < 40 and _GAP_LEAD.fullmatch(lead) is not None


# The context item of a word that makes a figure a total ("combined", "altogether").
TOTAL = "<total>"
FROM = "<from>"  # the context item of a change's starting value


# Verbs of saying before a weekday: the day is when someone spoke.
AGE = "age"  # the unit of a person's age: "61" in "Ann Roe, 61," and "a 61-year-old"
_AGE_AFTER = regexcache.compile(r"-old\b|\s+old\b")
_NAME_BEFORE_AGE = regexcache.compile(r"\p{Lu}[\p{L}'’.-]*,\s*$")


def _appositive_age(prose: str, start: int, end: int, number: float) -> bool:
    """A whole number between commas right after a name: "Ann Roe, 61, of Elmira"."""
    return number == int(number) and 0 < number < 120 and prose[end:end + 1] == "," \
        and _NAME_BEFORE_AGE.search(prose, max(0, start - 40), start) is not None


_SAID = frozenset({"said", "says", "told", "wrote", "testified", "added", "announced", "confirmed", "acknowledged"})
_STATEMENTS = frozenset({"statement", "interview", "post", "letter", "email", "release"})


def _in_a_statement(prose: str, start: int, sentence_start: int) -> bool:
    """"in a statement on Friday", "in an interview Monday": the day someone spoke."""
    window = prose[max(sentence_start, start - 40):start]
    found = _PREVIOUS_WORD.search(window)
    if found is not None and found.group(1).casefold() == "on":
        found = _PREVIOUS_WORD.search(window, 0, found.start(1))
    return found is not None and found.group(1).casefold() in _STATEMENTS


# A word joined on after a duration's unit that makes it another word ("year-round"), not "-old".
_HYPHENATED_ON = regexcache.compile(r"-(?!old\b)\p{L}")


# Words before a time of day that make it approximate or open-ended.
_LOOSE_TIME = frozenset({"about", "around", "approximately", "roughly", "nearly", "almost", "after", "before",
                         "since", "by", "past", "circa", "shortly", "just"})


# Verbs whose tally is a vote ("passed 5-2", "the amendment failed 2-5").
_TALLY_VERBS = frozenset({"voted", "vote", "votes", "ruled", "ruling", "passed", "passes", "won", "lost", "approved",
                          "rejected", "failed", "carried", "defeated", "adopted", "carries", "approves", "adopts",
                          "fails", "rejects"})
# "By a vote of 11-2", "by a margin of 3-1".
_VOTE_OF = regexcache.compile(r"\b(?:vote|votes|margin|tally)\s+of\s+$", regex.IGNORECASE)


# Words after "twice" or "three times" that make it a ratio, not a number of occasions.
COMPARISON = frozenset({"as", "the", "a", "an", "that", "more", "less", "what", "larger", "smaller",
                        "higher", "lower", "bigger", "faster", "greater"})


def _bound(prose: str, start: int, sentence_start: int) -> str:
    """"more than 212,000" → more; "about 90 minutes" → about; "" for an exact figure."""
    lex = lexicon()
    found = _search_at_end(lex, "qualifier", prose[max(sentence_start, start - 30):start])
    return lex.qualifiers.get(" ".join(found.group("q").casefold().split()), "") if found else ""


def _singular(word: str) -> str:
    """"matches" → match, "boxes" → box: plurals in -es that the crude stem keeps."""
    word = word.casefold()
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word


# A verb that a margin follows ("won by", "lost the race by", "led … by").
_MARGIN_BEFORE = regexcache.compile(r"\b(?:won|wins?|lost|loses?|led|leads?|trailed|trails?|beat|beats|defeated|ahead|behind)\b[^.;:!?]{0,60}\bby\s*$",
                                    regex.IGNORECASE)
REMAINDER_WORDS = frozenset({"other", "others", "more", "additional", "further"})
_TIMES = regexcache.compile(r"\W*times?", regex.IGNORECASE)  # "THREE TIMES": _next_word casefolds
# Searched backwards (REVERSE): the match ends at the slice's end, so a forward search would
# try every position of the slice first; both find the same last run of letters.
_PREVIOUS_WORD = regexcache.compile(r"([\p{L}]+)\W*$", regex.REVERSE)
_BEFORE_ATTRIBUTIVE_DAY = frozenset({"the", "a", "an", "at", "its", "their", "his", "her", "our", "this", "that",
                                     "every", "each"})
_NEXT_WORD = regexcache.compile(r"\s*([\p{L}][\p{L}.'’\-]*)")
_OF_NOUN = regexcache.compile(r"\s+of\s+(?:(?:the|their|its|his|her|our|your|my)\s+)?([\p{L}\-]+)")


def _search_at_end(lex: Lexicon, name: str, text: str) -> regex.Match | None:
    """lex.patterns[name].search(text) for a pattern whose matches end at the text's end
    ("$"): most texts hold none, which a search backwards from the end tells at once, where a
    forward search tries every position first. (When there is one, the forward search finds
    the match it always found: the leftmost.)"""
    if _backwards(name).search(text) is None:
        return None
    return lex.patterns[name].search(text)


@lru_cache(maxsize=None)
def _backwards(name: str) -> regex.Pattern:
    pattern = lexicon().patterns[name]
    return regexcache.compile(pattern.pattern, pattern.flags | regex.REVERSE)


def _previous_word(prose: str, at: int, limit: int) -> str:
    found = _PREVIOUS_WORD.search(prose[max(limit, at - 40):at])
    return found.group(1).casefold() if found else ""


def _next_word(prose: str, at: int) -> str:
    found = _NEXT_WORD.match(prose[at:at + 40])
    return found.group(1).casefold().rstrip(".") if found else ""


# A second noun joined to a count's ("sheep and goats in", "boats or barges,"): one or two
# lowercase words, then a preposition or punctuation.
_COORDINATED_NOUN = regexcache.compile(
    r"[ \t]+(?:and|or)[ \t]+((?:\p{Ll}[\p{Ll}-]*[ \t]+)?\p{Ll}[\p{Ll}-]*)"
    r"(?=[ \t]+(?:in|on|at|from|across|over|for|of|to|with|by|since|during|last|this)\b|[,.;:])")


def _unit_after(prose: str, end: int, tokens: list, amount: bool = False) -> str:
    """The noun a figure counts or measures: of the next words (up to three, before a function
    word or punctuation), the first plural, else the last ("three budget votes since", "90-minute
    council meeting with"). After an amount, only a lowercase noun ("a £30 million fee", not
    "£26 million Athletic paid" or "£28 million followed")."""
    lex = lexicon()
    run = []
    for start, stop, text in tokens[bisect_left(tokens, end, key=_token_start):]:
        between = prose[end:start] if not run else prose[run[-1][1]:start]
        # Up to three words, a name's capitalised words not counted ("12,800 Glenmoor Valley
        # Water District customers" counts customers), six at most.
        if not _UNIT_STOPS.isdisjoint(between) or len(run) == 6 \
                or sum(1 for r in run if not r[3]) == 3:
            break
        word = text.casefold().rstrip(".")
        if word in lex.stopwords or word in lex.months or word in lex.not_units or parse_number(word) is not None:
            break
        if (run or amount) and word.endswith(("ed", "ing")):  # a verb: the noun phrase has ended
            break
        if amount and text[:1].isupper():
            break
        run.append((start, stop, word, text[:1].isupper()))
        if _plural(word):  # a plural noun heads the phrase
            break
    if run and run[-1][3] and not all(r[3] for r in run):
        while run[-1][3]:
            run.pop()  # "three budget votes Acme": the name after the noun is not the noun
    if not run:
        return "", end
    plural = [r for r in run if _plural(r[2])]
    head = plural[0] if plural else run[-1]
    noun = _singular(head[2])
    return stem(lex.unit_abbreviations.get(noun, noun)), head[1]


# The first word of a sentence, capitalised, before a lowercase word (not a name's or a
# title's run of capitals: "Transport Secretary Ann Roe").
_OPENING_WORD = regexcache.compile(r"[\s\"“'‘*_#>\-]*(\p{Lu}\p{Ll}+)\s+\p{Ll}")

@lru_cache(maxsize=1 << 12)
def _common_opening(word: str) -> bool:
    """Not a word that begins a name, title or organisation ("Union organizer Ann Roe"), nor
    a number ("Forty of the …", a figure itself)."""
    from newslint.registry.lexicon import is_title_word, lexicon as people_lexicon

    return not is_title_word(word) and word.casefold() not in people_lexicon().organisation_words \
        and parse_number(word.casefold()) is None


def _capitalised_inside(prose: str, word: str) -> bool:
    """The word (a capital, then lowercase letters) is written capitalised inside a sentence
    too: a name ("Acme to buy …" and "… said Acme's chief"): a lowercase letter, a comma or
    semicolon maybe, white space, then the whole word. Read at the word's occurrences
    (str.find), each checked backwards and at its end: a draft asks about a word or two, and
    finding every such word of the prose at once (one pass per document) read all its letters."""
    at = prose.find(word)
    while at >= 0:
        end = at + len(word)
        if _LOWER_BEFORE.match(prose, 0, at) is not None and _WORD_CHAR.match(prose, end) is None:
            return True
        at = prose.find(word, at + 1)
    return False


# What stands before a capitalised word inside a sentence, matched backwards from the word;
# and a word character (the word's `\b`: none after it).
_LOWER_BEFORE = regexcache.compile(r"\p{Ll}[,;]?\s+", regex.REVERSE)
_WORD_CHAR = regexcache.compile(r"\w")


# "of the nine rides", "of its 60 beds", "of the firm's 300 workers": the whole a part is counted from.
_PART_OF = regexcache.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|those|these)\s+)?(?:[\p{L}\-]+['’]s\s+)?(?P<whole>\d[\d,]*|[a-z]+)\b", regex.I)


def _part_of_unit(prose: str, end: int, tokens: list) -> str:
    """The unit of the whole after a part ("two of the nine scheduled rides" counts rides): the
    part is compared with the sources' figures of that unit; the whole, another figure of its
    sentence, is not taken for the part's value (FiguresRule's siblings)."""
    whole = _PART_OF.match(prose, end)
    if whole is None or parse_number(whole.group("whole").casefold()) is None:
        return ""
    return _unit_after(prose, whole.end(), tokens)[0]


# "all 9 of its gates", "all five of the county's judges": the whole, counted by the noun after.
_ALL_OF = regexcache.compile(r"\s+of\s+(?:the|its|their|his|her|our|those|these)\s+(?:[\p{L}\-]+['’]s\s+)?", regex.I)


def _all_of_unit(prose: str, end: int, tokens: list) -> str:
    """The unit of "all N of the X": X."""
    whole = _ALL_OF.match(prose, end)
    return _unit_after(prose, whole.end(), tokens)[0] if whole is not None else ""


# "45 acres this year out of 80": the part, then the whole with no unit of its own.
_PART_BEFORE_WHOLE = regexcache.compile(r"(?<![\d,.])\d[\d,]*(?=\s)(?=[^.;:!?\d]{1,60}\bout\s+of\s*$)")


def _whole_unit(prose: str, start: int, sentence_start: int, tokens: list) -> str:
    """The unit of the part before "out of" for a whole written without one."""
    part = _PART_BEFORE_WHOLE.search(prose, max(sentence_start, start - 80), start)
    return _unit_after(prose, part.end(), tokens)[0] if part is not None else ""


_UNIT_STOPS = frozenset(",;:.!?()\"“”")  # marks that end the words a unit is read from


# Plural nouns without an s ("2,400 people live in the village").
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "staff", "personnel", "cattle",
                                "feet", "teeth", "geese", "mice"})  # ("six feet away" measures feet)


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith("ss")) or word in _IRREGULAR_PLURALS


# A fact sheet's line "Buses taken out of service: 38 in total": the label before the colon
# names what the number counts.
_LABEL_LINE = regexcache.compile(r"[ \t]*(?:[-*•+][ \t]+)?(?P<noun>\p{L}+)[\p{L} '’-]{0,60}?:[ \t]*"
                                 r"(?:(?:about|around|roughly|nearly|almost|some|an estimated)[ \t]+)?")


def _label_unit(prose: str, start: int) -> tuple[str, str]:
    """The unit a line's label gives the number after its colon, and the label; ("", "") when
    the number follows no label."""
    line_start = prose.rfind("\n", 0, start) + 1
    label = _LABEL_LINE.fullmatch(prose, line_start, start)
    if label is None:
        return "", ""
    noun = label.group("noun").casefold()
    if noun in lexicon().stopwords or noun in lexicon().months:
        return "", ""
    return stem(_singular(noun)), prose[label.start("noun"):label.end()].rsplit(":", 1)[0]


def _label_context(label: str, unit: str) -> list[str]:
    words = [_context_word(w) for w in label.split()]
    return [item for item, as_unit in filter(None, words) if as_unit != unit]


def _of_noun(prose: str, end: int) -> tuple[str, int]:
    """"12% of voters" → voters; nothing for "6% of those" (a pronoun counts nothing itself)."""
    found = _OF_NOUN.match(prose[end:end + 60])
    if found is None or found.group(1).casefold() in lexicon().stopwords \
            or prose[end + found.end(1):end + found.end(1) + 2] in ("'s", "’s"):
        return "", end  # ("10% of the state's share": the noun comes after the possessive)
    return stem(found.group(1)), end + found.end(1)


CLAUSE_MARKS = frozenset(";:—–()")
CLAUSE_WORDS = frozenset({"and", "but", "while", "whereas", "although", "though", "which", "who", "when", "after", "before", "then"})


_SHARE_RESTATED = regexcache.compile(r"[ \t]+(?:is|was|are|were)[ \t]+(?:(?:about|nearly|roughly|almost|just[ \t]+(?:over|under))[ \t]+)?"
                                     r"\d[\d.]*(?:[ \t]*%|[ \t]+per[ \t]?cent\b)")


_COLON_BEFORE_FIGURE = regexcache.compile(r"[ \t]*:[ \t]*[$€£]?")


def _clause_break(prose: str, left: tuple, right: tuple) -> bool:
    """A clause ends between two tokens: a semicolon, colon, dash or bracket; a comma before
    "and", "which", "while"…; or "and"/"but" before a past-tense verb ("and opened")."""
    between = prose[left[1]:right[0]]
    if between != " ":  # (most words are one space apart)
        if between == ":" and left[2][-1:].isdigit() and right[2][:1].isdigit():
            return False  # a time of day ("4:30 p.m."), not a colon between clauses
        if (right[2][:1].isdigit() or right[2][:1] in "$€£") and _COLON_BEFORE_FIGURE.fullmatch(between) \
                and left[2][-1:].isalpha():
            return False  # "was penalized once: $6,300": the figure that the words before announce
        if _in_figure_aside(prose, left, right):
            return False  # "Nineteen tenants (42.2%) lived alone": the share is an aside
        if not CLAUSE_MARKS.isdisjoint(between):
            return True
    word = right[2].casefold()
    if "," in between and word in CLAUSE_WORDS:
        # (Not "…, which is 42 percent": the share of the clause's own count, restated.)
        return word != "which" or _SHARE_RESTATED.match(prose, right[1]) is None
    # "on May 13, a month after talks opened on April 8": what follows is another event.
    if word in ("after", "before") and left[2].casefold().removesuffix("s") in lexicon().time_units:
        return True
    if left[2].casefold() in ("and", "but") and word.endswith("ed") and len(word) > 4:
        return True
    return False


_ASIDE_OPENS = regexcache.compile(r"[ \t]*\([ \t]*")
_ASIDE_CLOSES = regexcache.compile(r"[ \t]*%[ \t]*\)[ \t]*")


def _in_figure_aside(prose: str, left: tuple, right: tuple) -> bool:
    """The brackets of an aside that holds one share ("(42.2%)") are either side of the two
    tokens. (Not a list's "(3)", which opens a clause of its own.)"""
    if right[2][:1].isdigit() and _ASIDE_OPENS.fullmatch(prose, left[1], right[0]):
        return _ASIDE_CLOSES.match(prose, right[1]) is not None
    if left[2][:1].isdigit() and _ASIDE_CLOSES.fullmatch(prose, left[1], right[0]):
        return prose[max(0, left[0] - 2):left[0]].rstrip(" \t").endswith("(")
    return False


class _MayBreak(dict):
    """Per word as written: whether a clause can end after it when one space follows (see
    _clause_break: only after "and", "but" or a time unit); filled as words are met."""

    def __missing__(self, word: str) -> bool:
        folded = word.casefold()
        may = folded in ("and", "but") or folded.removesuffix("s") in lexicon().time_units
        if len(self) < 1 << 16:
            self[word] = may
        return may


_MAY_BREAK = _MayBreak()


def _leading_name(prose: str, tokens: list, lex: Lexicon) -> list:
    """The capitalised words that open a sentence, up to the first other word or mark."""
    run: list = []
    for token in tokens[:4]:
        if not token[2][:1].isupper() or token[2].casefold() in lex.stopwords or token[2].casefold() in lex.months:
            break
        if run and prose[run[-1][1]:token[0]].strip():
            break
        run.append(token)
    return run


def _context(prose: str, tokens: list, start: int, end: int, unit: str) -> tuple[tuple[str, ...], int, int]:
    """Content words around the figure: names as written ("Ibekwe"), other words as stems,
    numbers as digits; not the figure itself, its unit or function words. With the span of
    the clause they were taken from."""
    # Tokens are in text order and do not overlap: those before the figure are tokens[:cut],
    # those after it tokens[after:]. (Indexes, not copies: a figure reads at most a window.)
    cut = bisect_right(tokens, start, key=_END)
    after = bisect_left(tokens, end, key=_START)
    # Stay in the figure's clause: "closed two schools in 2021 and opened one in 2023" holds
    # two events, and 2023 belongs to the second.
    here = (start, end, prose[start:end])
    # Only the last CONTEXT_WINDOW words are kept, so a break further back changes nothing.
    first = max(0, cut - CONTEXT_WINDOW)
    # (Two words one space apart break a clause only after a time unit, "and" or "but":
    # _MAY_BREAK answers for the left word, and most pairs need no more.)
    may_break = _MAY_BREAK
    for index in range(cut, first, -1):
        left = tokens[index - 1]
        right = tokens[index] if index < cut else here
        if prose[left[1]:right[0]] == " " and not may_break[left[2]]:
            continue
        if _clause_break(prose, left, right):
            first = index
            break
    stop = min(len(tokens), after + CONTEXT_WINDOW)
    previous = here
    for index in range(after, stop):
        token = tokens[index]
        if (prose[previous[1]:token[0]] != " " or may_break[previous[2]]) and _clause_break(prose, previous, token):
            stop = index
            break
        previous = token
    low = tokens[first][0] if first < cut else start
    high = tokens[stop - 1][1] if stop > after else end
    # The name that opens the sentence is its subject, also when a clause comes between
    # ("Ibekwe, who joined in 2016, has organised 14 exhibitions"), unless the figure's own
    # clause names someone ("…, and Abara organised six").
    words = [t[2] for t in tokens[first:cut]]
    if not any(w[:1].isupper() and not (i and words[i - 1].casefold() in _PLACE_BEFORE) for i, w in enumerate(words)):
        # (A place does not name the subject: "X, 41, of Elm Falls, took the title in …".)
        # Leading-name tokens before `first` (those from `first` on are in the window already).
        words = [t[2] for i, t in enumerate(_leading_name(prose, tokens, lexicon())) if i < first and t[1] <= start] + words
    words += [t[2] for t in tokens[after:stop]]
    reads = filter(None, map(_context_word, words))  # (function words and months read as None)
    if unit:  # not the unit itself: "212,400 Model X cars", "votes"
        items = [item for item, as_unit in reads if as_unit != unit]
    else:
        items = [item for item, _ in reads]
    return tuple(dict.fromkeys(items)), low, high  # (each once, where first met)


@lru_cache(maxsize=1 << 16)
def _context_word(text: str) -> tuple[str, str] | None:
    """A token as a context word: names as written, numbers as digits, other words as stems;
    with what it is compared to the figure's unit as ("" never matches). None for a
    function word or a month."""
    lex = lexicon()
    word = text.rstrip(".").replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    folded = word.casefold()
    if not word or folded in lex.stopwords or folded in lex.months:
        return None
    if folded in lex.aggregate_words:
        return TOTAL, ""  # "combined", "in total" (not "a combination", whose stem is the same)
    if word[0].isdigit():
        return word.replace(",", ""), ""
    if word[0].isupper() and (folded in lex.numbers or "-" in folded and all(p in lex.numbers for p in folded.split("-"))):
        # A sentence opens with a number in words where its others are digits ("Eighteen wells
        # were tested; … in 11"): its digits, as the draft writes them ("11 of 18 wells").
        # (Not "two" or "one", in too many clauses to say anything.)
        number = parse_number(folded)
        if number is not None and number >= 10:
            return (str(int(number)) if number.is_integer() else str(number)), ""
    if word[0].isupper():
        return word, stem(_singular(word))
    item = stem(word)
    return item, item


_PLACE_BEFORE = frozenset({"of", "from", "in"})
_START, _END = itemgetter(0), itemgetter(1)  # a token's start and end, as bisect keys (in C)


def _token_start(token: tuple) -> int:
    return token[0]


def _token_end(token: tuple) -> int:
    return token[1]
