"""`extends: sourcing`: claims a reader cannot trace to a source.

One kind, three checks chosen with `check:`
- `unsourced`: a check-worthy sentence (statistic, superlative or comparative, allegation) in the
  narrator's voice with no attribution anywhere in its paragraph;
- `vague`: attribution to an unspecified group or to nobody ("experts say", "it is widely
  believed", "studies show");
- `anonymous`: a check-worthy claim whose source is anonymous but described ("people familiar
  with the talks"); legitimate, so rules use it at `info` level.

The word lists live in a lexicon YAML file that the rule names with `lexicon:` (relative to the
rule file); any lexicon key given in the rule itself extends the file's list.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from newslint import regexcache
from newslint.datafiles import safe_load, yaml_errors
from newslint.findings import Finding
from newslint.kinds.attribution import Claim, Lexicon, Paragraph, analyse, clause, merge
from newslint.kinds.base import CheckContext, Rule, RuleError, format_message
from newslint.yamlcache import ParsedYaml

CHECKS = ("unsourced", "vague", "anonymous")
LEXICON_KEYS = frozenset({"define", "verbs", "noun_verbs", "sources", "vague", "anonymous", "claims"})
DEFAULT_MESSAGES = {
    "unsourced": "Unsourced claim: %s ('%s') with no attribution in its sentence or paragraph; %s.",
    "vague": "Vague attribution '%s': %s%s",
    "anonymous": "'%s' is an anonymous source for %s ('%s'). Acceptable under most standards; where you can, add a document or an on-record source.",
}
DEFAULT_ADVICE = {
    "group": "it does not say who. Name them, or say who they are and how they know (e.g. '<name>, a <field> researcher at <institution>, said').",
    "phrase": "it does not say who holds the view or did the work. Name the person, study or document.",
}


@lru_cache(maxsize=32)
def _read_lexicon(path: str, mtime: float) -> dict[str, Any]:
    """The lexicon file's data (its parse kept between runs, see yamlcache.py)."""
    file = Path(path)
    raw = file.read_bytes()
    cache = _parsed(str(file.parent))
    data = cache.parse(file.name, raw, lambda: safe_load(raw.decode("utf-8")))
    cache.save()
    if not isinstance(data, dict):
        raise RuleError(f"lexicon {path} must be a YAML mapping", "lexicon")
    return data


@lru_cache(maxsize=8)
def _parsed(folder: str) -> ParsedYaml:
    return ParsedYaml(Path(folder), "lexicon-yaml")


def _lexicon_path(folder: Path, name: str) -> Path:
    """A lexicon next to the rule, else one shipped with newslint (so a newsroom's own pack can
    say `lexicon: sourcing.yml` and extend the built-in lists)."""
    local = folder / name
    if local.exists():
        return local
    package = Path(__file__).resolve().parent.parent
    shipped = package / "_rules" if (package / "_rules").is_dir() else package.parent / "rules"
    builtin = shipped / "sourcing" / "lexicon" / (name if name.endswith((".yml", ".yaml")) else f"{name}.yml")
    return builtin if builtin.exists() else local


class SourcingRule(Rule):
    extends = "sourcing"
    category = "unsourced"
    keys = frozenset({"check", "lexicon", "advice", "only_check_worthy", "confirmed_figures", "sentence_claims",
                      "measured_claims", "conversions", *LEXICON_KEYS})

    def compile(self, data: dict[str, Any]) -> None:
        self.check_name = str(data.get("check", "unsourced"))
        if self.check_name not in CHECKS:
            raise RuleError(f"check must be one of {', '.join(CHECKS)}", "check")
        if "category" not in data and self.check_name != "unsourced":
            self.finding_category = "vague-source"
        if not self.message:
            self.message = DEFAULT_MESSAGES[self.check_name]
        advice = data.get("advice") or {}
        if not isinstance(advice, dict):
            raise RuleError("advice must be a mapping (group, phrase)", "advice")
        self.advice = {**DEFAULT_ADVICE, **{str(k): str(v) for k, v in advice.items()}}
        self.only_check_worthy = bool(data.get("only_check_worthy", True))
        # Claim kinds that a source elsewhere in the paragraph does not vouch for: a ranking
        # ("the highest rate of any school in the county") next to another figure's source.
        kinds = data.get("sentence_claims") or []
        if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
            raise RuleError("sentence_claims must be a list of claim kinds", "sentence_claims")
        self.sentence_kinds = frozenset(kinds)
        conversions = data.get("conversions") or []
        try:
            # regexcache: the kept programs, not regex's pure-Python compile in every run.
            self.conversions = tuple((regexcache.compile(rf"-?\s*(?:{a})\b", regex.IGNORECASE),
                                      regexcache.compile(rf"-?\s*(?:{b})\b", regex.IGNORECASE), float(factor))
                                     for a, b, factor in conversions)
        except (TypeError, ValueError, regex.error) as error:
            raise RuleError(f"conversions must be [unit, other unit, factor] triples: {error}", "conversions") from None
        measured = data.get("measured_claims") or {}
        if not isinstance(measured, dict) or not all(isinstance(v, str) for v in measured.values()):
            raise RuleError("measured_claims must map claim kinds to a scope pattern", "measured_claims")
        try:
            self.measured = {str(k): regexcache.compile(v, regex.IGNORECASE) for k, v in measured.items()}
        except regex.error as error:
            raise RuleError(f"measured_claims: {error}", "measured_claims") from None
        # A claim whose figure the sources give in the same context is sourced: the reporter's
        # sources are its record, and another value there is the figure check's business
        # (known only when the draft has sources).
        self.confirmed_figures = bool(data.get("confirmed_figures", True))
        self.uses_registry = self.confirmed_figures and self.check_name == "unsourced"
        base: dict[str, Any] = {}
        if data.get("lexicon"):
            path = _lexicon_path(Path(self.spec.path).parent, str(data["lexicon"]))
            try:
                base = _read_lexicon(str(path), path.stat().st_mtime)
            except (OSError, UnicodeDecodeError, *yaml_errors()) as error:
                raise RuleError(f"cannot read lexicon {path}: {error}", "lexicon") from None
        self.lexicon = Lexicon.from_data(merge(base, {k: v for k, v in data.items() if k in LEXICON_KEYS}))
        # The cues of those kinds: a sentence of an attributed paragraph where none may match
        # holds no claim of them, so its claims need not be found at all.
        self.sentence_cues = tuple(kind.cues for kind in self.lexicon.claims if kind.name in self.sentence_kinds)

    def check(self, context: CheckContext) -> Iterator[Finding]:
        # The three checks share one analysis of the document (rules with the same lists share
        # one Lexicon, which they keep alive, so its id names it).
        paragraphs = context.shared(("attribution", id(self.lexicon)), lambda: analyse(context.document, self.lexicon))
        for paragraph in paragraphs:
            if self.check_name == "unsourced":
                yield from self._unsourced(context, paragraph)
            elif self.check_name == "vague":
                yield from self._vague(context, paragraph)
            else:
                yield from self._anonymous(context, paragraph)

    def _unsourced(self, context: CheckContext, paragraph: Paragraph) -> Iterator[Finding]:
        # In an attributed paragraph, only the kinds that need their own sentence's source.
        own = self.sentence_kinds if paragraph.attributed else None
        if own is not None and not own:
            return
        document = context.document
        for sentence in paragraph.sentences:
            if document.prose[sentence.start:sentence.end].rstrip(" \"'”’)").endswith("?"):
                continue  # a question asserts nothing
            if own is not None and not any(paragraph.texts.may_matching(cues, sentence.start, sentence.end)
                                           for cues in self.sentence_cues):
                continue
            claims = [c for c in paragraph.claims(sentence) if not paragraph.recorded(c.kind)]
            if own is not None:
                claims = [c for c in claims if c.kind.name in own]
                if claims and paragraph.sentence_attributed(sentence):
                    continue
            if claims:  # arithmetic on the sentence's own figures (a share, a rate, a conversion)
                derived = _derived_share_spans(context, self.conversions)
                claims = [c for c in claims if not any(a < c.span.end and c.span.start < b for a, b in derived)]
            if claims and self.confirmed_figures and context.registry is not None:
                confirmed = _confirmed_figure_spans(context) + _paired_spans(context) + _worked_out_spans(context)
                # (A superlative that holds a confirmed figure, "the busiest four-lane tunnel in
                # the state", is the measured case below, not the figure itself.)
                claims = [c for c in claims if (c.kind.name in self.measured
                                                or not any(a < c.span.end and c.span.start < b for a, b in confirmed))
                          and not _sources_say(context, sentence, c)]
                if claims:
                    named = _named_in_sources(context, sentence)
                    claims = [c for c in claims if c.kind.name in self.measured
                              or not any(a < c.span.end and c.span.start < b for a, b in named)]
                if any(sentence.start <= a < sentence.end for a, _ in confirmed):
                    # A superlative beside a figure the sources give ranks that figure among the
                    # paragraph's own ("gets the largest grant, $3.1 million"), unless
                    # it names a wider scope ("the largest in the state's history").
                    claims = [c for c in claims if c.kind.name not in self.measured
                              or self.measured[c.kind.name].search(
                                  document.prose, c.span.start, min(sentence.end, c.span.end + SCOPE_AFTER)) is not None]
            if not claims:
                continue
            first = min(claims, key=lambda c: c.span.start)  # the sentence's first claim
            start, end = clause(document, sentence, first.span)
            last = max(claims, key=lambda c: c.span.end)  # (the span runs to the last one's clause)
            end = max(end, clause(document, sentence, last.span)[1])
            args = (first.kind.what, _words(first.span.text), first.kind.fix)
            message = format_message(self.message, args)
            if own is not None:  # (the template says "in its sentence or paragraph")
                message += " A source elsewhere in the paragraph speaks for its own figures, not for this."
            yield self.finding(start, end, *args, message=message)

    def _vague(self, context: CheckContext, paragraph: Paragraph) -> Iterator[Finding]:
        document = context.document
        for span in paragraph.vague:
            sentence = document.sentence_at(span.start)
            claims = paragraph.claims(sentence) if sentence else []
            # "experts say" wants the group named; "studies show" wants the study named.
            groups = self.lexicon.vague_groups
            kind = "group" if groups and groups.fullmatch(span.text) else "phrase"
            yield self.finding(span.start, span.end, _words(span.text), self.advice[kind], _claim_note(claims))

    def _anonymous(self, context: CheckContext, paragraph: Paragraph) -> Iterator[Finding]:
        document = context.document
        reported: set[int] = set()
        for span in paragraph.anonymous:
            sentence = document.sentence_at(span.start)
            if sentence is None or sentence.start in reported:
                continue  # one note per sentence ("people familiar ... who were not authorized")
            reported.add(sentence.start)
            claims = paragraph.claims(sentence)
            if self.only_check_worthy and not claims:
                continue
            what = claims[0].kind.what if claims else "a claim"
            phrase = claims[0].span.text if claims else document.prose[sentence.start:sentence.end]
            yield self.finding(span.start, span.end, _words(span.text), what, _words(phrase))


def _confirmed_figure_spans(context: CheckContext) -> list[tuple[int, int]]:
    """Where the draft's figures are ones the sources speak of in the same context."""
    def spans() -> list[tuple[int, int]]:
        registry = context.registry
        if registry is None or not registry.figures:
            return []
        # Imported here: the figure machinery is needed only when the draft has sources.
        from newslint.kinds.figures import draft_figures, figure_index
        from newslint.registry.figurematch import default_policy
        p = default_policy()
        index = figure_index(p, registry)
        # (Not a span of time, a date or a year: those say when or over what period, a claim's
        # scope, not what it counts: "paved more road over the past ten years than any other".)
        return [(f.start, f.end) for f in draft_figures(context)
                if f.kind not in TIME_KINDS and (index.speaks_to(p, f) or index.gives_value(f) or index.given_alike(f))]
    return context.shared("confirmed-figure-spans", spans)


TIME_KINDS = frozenset({"duration", "date", "month", "year", "weekday", "time"})


def _figures_by_sentence(context: CheckContext) -> list[list]:
    """The draft's figures (figures.draft_figures), grouped by the sentence that holds them."""
    from newslint.kinds.figures import draft_figures

    by_sentence: dict[int, list] = {}
    for figure in draft_figures(context):
        sentence = context.document.sentence_at(figure.start)
        by_sentence.setdefault(sentence.start if sentence else -1, []).append(figure)
    return list(by_sentence.values())


def _derived_share_spans(context: CheckContext, conversions: tuple = ()) -> list[tuple[int, int]]:
    """Where the draft gives a share that its own sentence's figures work out to (figurematch.
    derivable), or those and the figures of a source line that gives one of them ("22 acres of
    the lot, nearly a fifth of it" where a report has "22 of the 115 paved acres"): as
    sourced as those figures, which are checked on their own."""
    def spans() -> list[tuple[int, int]]:
        from newslint.kinds.figures import _significant
        from newslint.registry.figurematch import derivable, number_of

        found = []
        registry = context.registry
        lines = _figure_lines(registry) if registry is not None else {}
        on_lines = _line_numbers(registry) if registry is not None else {}
        for figures in _figures_by_sentence(context):
            for share in (f for f in figures if f.kind == "percent"):
                share_value = number_of("percent", share.value)
                if share_value is None:
                    continue
                # Parts of one whole: counts with counts, amounts in one currency.
                for kind, currency in {(f.kind, f.value.partition(" ")[2]) for f in figures if f.kind in ("count", "amount")}:
                    mine = [(f, n) for f in figures if f.kind == kind and f.value.partition(" ")[2] == currency
                            and (n := number_of(f.kind, f.value)) is not None]
                    numbers = [n for _, n in mine]
                    if derivable(share_value, share.bound, numbers):
                        found.append((share.start, share.end))
                        break
                    # (Only a line that gives a figure of two significant digits or more: a round
                    # "10 miles" is on too many lines to say which one the reporter read.)
                    given = {m for f, n in mine if len(_significant(n)) >= 2
                             for where in _lines_giving(lines, f) for m in on_lines.get((kind, where), ())}
                    if given and derivable(share_value, share.bound, numbers + sorted(given)):
                        found.append((share.start, share.end))
                        break
            found += _converted_rates(context.document.prose, figures)
            found += _converted_units(context.document.prose, figures, conversions)
        return found
    return context.shared(("derived-share-spans", conversions), spans)


def _worked_out_spans(context: CheckContext) -> list[tuple[int, int]]:
    """Where the draft works a figure out from the sources' and its sentence's own: a part of a
    source's total beside the other part ("the east wards counted 318 ballots, and the west 204
    more" where a source gives 522 in all), or a multiple of a source's figure ("keep the records
    for 60 days, four times as long as the law requires" where a source gives 15 days). The
    result is the reporter's arithmetic on sourced figures, not a claim of its own."""
    def spans() -> list[tuple[int, int]]:
        from newslint.registry.figurematch import number_of
        from newslint.registry.numbers import lexicon as number_lexicon, parse_number

        prose = context.document.prose
        found = []
        given: frozenset[tuple[str, str, float]] | None = None
        for figures in _figures_by_sentence(context):
            sentence = context.document.sentence_at(figures[0].start)
            numbers = [(f, f.value.partition(" ")[2], n) for f in figures
                       if f.kind in ("count", "amount", "duration") and (n := number_of(f.kind, f.value)) is not None]
            if sentence is None or not numbers:
                continue
            multiples = list(_MULTIPLE.finditer(prose, sentence.start, sentence.end))
            # (The other part as written: "the west 204 more" is no figure of its own.)
            parts = list(_WHOLE_NUMBER.finditer(prose, sentence.start, sentence.end))
            if not multiples and len(parts) < 2:
                continue
            if given is None:
                given = _given_numbers(context.registry)
            for multiple in multiples:
                word = multiple.group(1).casefold()
                times = number_lexicon().multiplicatives.get(word) or parse_number(word)
                if any((f.kind, unit, round(n / times, 6)) in given for f, unit, n in numbers) \
                        or _APPROXIMATE.search(prose, max(sentence.start, multiple.start() - 12), multiple.start()) \
                        and any(_line_ratio(context.registry, f.kind, unit, n, times) for f, unit, n in numbers):
                    found.append((multiple.start(), multiple.end()))
            for f, unit, n in numbers:
                other = next((part for part in parts if not f.start <= part.start() < f.end and n >= 10
                              and (m := float(part.group().replace(",", ""))) >= 10
                              and (f.kind, unit, round(n + m, 6)) in given), None)
                if other is not None:
                    found += [(f.start, f.end), other.span()]
        return found
    return context.shared("worked-out-spans", spans)


def _per_registry(store: dict[int, tuple[object, Any]], registry, build: Callable[[Any], Any]) -> Any:
    """build(registry), kept in `store` while the same registry is asked for (one registry at a
    time: a new one replaces it)."""
    held = store.get(id(registry))
    if held is None or held[0] is not registry:
        store.clear()
        held = store[id(registry)] = (registry, build(registry))
    return held[1]


_GIVEN_NUMBERS: dict[int, tuple[object, frozenset]] = {}


def _given_numbers(registry) -> frozenset[tuple[str, str, float]]:
    """(kind, unit, number) of every numeric source figure (worked out once per registry)."""
    from newslint.registry.figurematch import number_of

    return _per_registry(_GIVEN_NUMBERS, registry, lambda r: frozenset(
        (f.kind, f.value.partition(" ")[2], round(n, 6)) for f in r.figures if (n := number_of(f.kind, f.value)) is not None))


def _line_ratio(registry, kind: str, unit: str, number: float, times: float) -> bool:
    """A source line that gives the number gives another of its kind and unit that it is about
    `times` (within RATIO_TOLERANCE) of: "nearly three times as many" for a line's "3,120
    complaints, against 1,180 a year earlier"."""
    lines = _per_registry(_NUMBERS_BY_LINE, registry, _numbers_by_line)
    return any(other and abs(number / other - times) <= RATIO_TOLERANCE * times
               for numbers in lines.get((kind, unit, round(number, 6)), ()) for other in numbers)


def _numbers_by_line(registry) -> dict[tuple[str, str, float], list[list[float]]]:
    """For each (kind, unit, number) of a source figure, the other numbers of its kind and unit
    on each line that gives it."""
    from newslint.registry.figurematch import number_of

    by_line: dict[tuple, list[tuple[str, str, float]]] = defaultdict(list)
    for f in registry.figures:
        if (n := number_of(f.kind, f.value)) is not None:
            by_line[f.provenance.source, f.provenance.line].append((f.kind, f.value.partition(" ")[2], round(n, 6)))
    found: dict[tuple[str, str, float], list[list[float]]] = defaultdict(list)
    for items in by_line.values():
        for item in items:
            found[item].append([n for kind, unit, n in items if (kind, unit) == item[:2] and n != item[2]])
    return found


_NUMBERS_BY_LINE: dict[int, tuple[object, dict]] = {}
# How far a qualified multiple ("nearly three times") may be from the ratio it rounds.
RATIO_TOLERANCE = 0.15
_APPROXIMATE = regexcache.compile(r"(?i)\b(?:nearly|almost|about|roughly|around|close\s+to|more\s+than)\s+$")


_WHOLE_NUMBER = regexcache.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?![\d.,]\d)")
_MULTIPLE = regexcache.compile(
    r"(?i)\b(twice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)(?=\s+times))(?:\s+times)?\s+"
    r"(?:as\s+(?:long|much|many|large|big|high|fast|often|far)\s+as|(?:longer|more|larger|bigger|higher)\s+than)\b")


# How far after a superlative its scope is looked for ("the largest employer in the county").
SCOPE_AFTER = 60


def _paired_spans(context: CheckContext) -> list[tuple[int, int]]:
    """Where two figures of one draft sentence are given together on one source line ("$3.1
    million, or about 17 percent of the fund" and a table row "| $3.12 million | 17.0% |"):
    the line is their source, though a small share alone could be anyone's."""
    def spans() -> list[tuple[int, int]]:
        lines = _figure_lines(context.registry)
        found = []
        for figures in _figures_by_sentence(context):
            where = [(f, _lines_giving(lines, f)) for f in figures if f.kind in ("count", "amount", "percent")]
            for figure, at in where:
                if any(other is not figure and at & other_at for other, other_at in where):
                    found.append((figure.start, figure.end))
        return found
    return context.shared("paired-figure-spans", spans)


_FIGURE_LINES: dict[int, tuple[object, dict]] = {}


def _figure_lines(registry) -> dict[str, tuple[list[float], list[tuple[str, int]]]]:
    """The registry's numeric figures per kind, sorted by number, with their source lines."""
    from newslint.registry.figurematch import number_of

    def build(registry) -> dict[str, tuple[list[float], list[tuple[str, int]]]]:
        rows: dict[str, list] = {}
        for fact in registry.figures:
            number = number_of(fact.kind, fact.value)
            if number is not None:
                rows.setdefault(fact.kind, []).append((number, (fact.provenance.source, fact.provenance.line)))
        return {kind: ([n for n, _ in sorted(r)], [w for _, w in sorted(r)]) for kind, r in rows.items()}
    return _per_registry(_FIGURE_LINES, registry, build)


_LINE_NUMBERS: dict[int, tuple[object, dict]] = {}


def _line_numbers(registry) -> dict[tuple[str, tuple[str, int]], list[float]]:
    """The numbers of each kind on each source line (worked out once per registry)."""
    from newslint.registry.figurematch import number_of

    def build(registry) -> dict[tuple[str, tuple[str, int]], list[float]]:
        table: dict[tuple[str, tuple[str, int]], list[float]] = {}
        for fact in registry.figures:
            number = number_of(fact.kind, fact.value)
            if number is not None:
                table.setdefault((fact.kind, (fact.provenance.source, fact.provenance.line)), []).append(number)
        return table
    return _per_registry(_LINE_NUMBERS, registry, build)


def _lines_giving(lines: dict, figure) -> set[tuple[str, int]]:
    """The source lines with a figure of the draft figure's kind that it gives as written
    (within the rounding of its last digit)."""
    from bisect import bisect_left, bisect_right

    from newslint.registry.figurematch import number_of, rounding

    number = number_of(figure.kind, figure.value)
    if number is None or figure.kind not in lines or not number:
        return set()
    numbers, where = lines[figure.kind]
    half = rounding(number) / 2
    return set(where[bisect_left(numbers, number - half):bisect_right(numbers, number + half)])


def _named_in_sources(context: CheckContext, sentence) -> list[tuple[int, int]]:
    """The sentence's bounded figures ("more than 40 percent") that a source line gives a value
    for within the bound's reach ("a drop of about 43 percent"), on a line that also names two
    of the sentence's capitalised words ("Brask Mills' stock, BRM, ..."): the reporter's source,
    though its words around the figure differ too much to match."""
    from bisect import bisect_left, bisect_right

    from newslint.registry.figurematch import number_of

    figures = [f for f in _figures_by_sentence_at(context, sentence.start) if f.kind in ("count", "amount", "percent") and f.bound]
    if not figures:
        return []
    # (Not the sentence's first word, unless a name's possessive or an acronym: "The", "Unemployment".)
    words = [(m.start(), m.group()) for m in _CAPITALISED.finditer(context.document.prose, sentence.start, sentence.end)]
    names = {w.removesuffix("'s").removesuffix("’s") for at, w in words
             if at > sentence.start or w.endswith(("'s", "’s")) or w.isupper()}
    if len(names) < 2:
        return []
    lines, texts = _figure_lines(context.registry), _line_texts(context.registry)
    found = []
    for figure in figures:
        number = number_of(figure.kind, figure.value)
        if not number or figure.kind not in lines:
            continue
        low, high = {"more": (number, number * 1.1), "less": (number * 0.9, number),
                     "nearly": (number * 0.9, number)}.get(figure.bound, (number * 0.9, number * 1.1))
        numbers, where = lines[figure.kind]
        for at in where[bisect_left(numbers, low):bisect_right(numbers, high)]:
            if len(names & _line_words(texts.get(at, ""))) >= 2:
                found.append((figure.start, figure.end))
                break
    return found


# A capitalised word (a name, an acronym), without a possessive's "'s".
_CAPITALISED = regexcache.compile(r"\b\p{Lu}[\p{L}\d&-]*(?:['’]s)?")


def _figures_by_sentence_at(context: CheckContext, start: int) -> list:
    """The draft's figures in the sentence that starts at `start`."""
    def table() -> dict[int, list]:
        document = context.document
        return {getattr(document.sentence_at(figures[0].start), "start", -1): figures for figures in _figures_by_sentence(context)}
    return context.shared("figures-by-sentence-start", table).get(start, [])


@lru_cache(maxsize=1024)
def _line_words(text: str) -> frozenset[str]:
    return frozenset(w.removesuffix("'s").removesuffix("’s") for w in _CAPITALISED.findall(text))


_LINE_TEXTS: dict[int, tuple[object, dict]] = {}


def _line_texts(registry) -> dict[tuple[str, int], str]:
    """The text of every source line that holds a figure, by (source, line)."""
    return _per_registry(_LINE_TEXTS, registry, lambda r: {(f.provenance.source, f.provenance.line): f.provenance.text
                                                           for f in r.figures})


def _converted_units(prose: str, figures: list, conversions: tuple) -> list[tuple[int, int]]:
    """A figure that another of its sentence's figures gives in another unit ("250,000-square-foot
    warehouse, about 23,000 square meters"; within 10 percent, as conversions are rounded)."""
    from newslint.registry.figurematch import number_of

    found = []
    numbers = [(f, number_of(f.kind, f.value)) for f in figures if f.kind == "count"]
    for figure, number in numbers:
        for source_unit, unit, factor in conversions:
            if not number or unit.match(prose, figure.number_end, figure.number_end + 30) is None:
                continue
            if any(other is not figure and other_number and source_unit.match(prose, other.number_end, other.number_end + 30)
                   and abs(other_number * factor - number) <= 0.1 * number for other, other_number in numbers):
                found.append((figure.start, figure.end))
                break
    return found


# A period in another period's terms, for rates converted in a sentence.
PERIOD_DAYS = {"day": 1, "week": 7, "month": 365 / 12, "year": 365}


def _converted_rates(prose: str, figures: list) -> list[tuple[int, int]]:
    """An amount or count per period that another of its sentence's figures gives per another
    period ("$1,500 a month, about $18,000 a year"): the same figure converted, not a new one."""
    from newslint.kinds.figures import _rate
    from newslint.registry.figurematch import number_of, rounding

    rated = [(f, _rate(prose, f.end), number_of(f.kind, f.value)) for f in figures if f.kind in ("amount", "count")]
    rated = [(f, PERIOD_DAYS[per], n) for f, per, n in rated if per in PERIOD_DAYS and n]
    found = []
    for figure, days, number in rated:
        for other, other_days, other_number in rated:
            if other is figure or other_days == days or other.value.partition(" ")[2] != figure.value.partition(" ")[2]:
                continue
            worked = other_number * days / other_days
            if abs(worked - number) <= max(rounding(number), 0.02 * number):
                found.append((figure.start, figure.end))
                break
    return found


def _sources_say(context: CheckContext, sentence, claim: Claim) -> bool:
    """A source line holds the claim in the draft's words, with the words before it in its
    sentence ("opened 12 branches in the county, more than any other bank"): the
    reporter's source says it."""
    words = context.document.prose[sentence.start:claim.span.end].casefold().split()
    if len(words) < 6:
        return False
    wanted = " ".join(words[-12:])
    return any(wanted in line for line in _source_lines(context.registry))


_SOURCE_LINES: dict[int, tuple[object, frozenset[str]]] = {}


def _source_lines(registry) -> frozenset[str]:
    """The source lines the registry keeps (where its figures, quotations and names are), with
    single spaces and folded case; built once per registry."""
    def build(registry) -> frozenset[str]:
        lines = {f.provenance.text for f in registry.figures} | {q.provenance.text for q in registry.quotes}
        return frozenset(" ".join(t.casefold().split()) for t in lines if t)
    return _per_registry(_SOURCE_LINES, registry, build)


def _claim_note(claims: list[Claim]) -> str:
    if not claims:
        return ""
    first = claims[0]
    return f" The sentence states {first.kind.what} ('{_words(first.span.text)}'), so a named source matters."


def _words(text: str) -> str:
    """Text for a message: one line, single spaces (Markdown may wrap a phrase)."""
    return " ".join(text.split())


RULE_KINDS = {"sourcing": SourcingRule}
