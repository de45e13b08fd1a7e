"""Fact kind `figures`: a number, amount, duration or date whose context matches a source
figure of the same kind with a different value ("60-minute meeting" where the sources say
90-minute). Silent when the sources have no such figure (the sourcing rules handle that)."""
from __future__ import annotations

import datetime

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

import regex

from newslint import regexcache
from newslint.findings import Evidence, Finding, Fix
from newslint.kinds.base import CheckContext, Rule, RuleError, format_message
from newslint.registry.figurematch import (BARE_UNITS, NUMERIC_KINDS, UNIT_KINDS, Key, Policy, anchors_disagree, comparable, consistent, default_policy, key,
                                           needed, number_of, person_words, policy, rounding, same_value, scores)
from newslint.registry.model import SOURCE_TEXT, FigureFact, Provenance
from newslint.registry.numbers import KINDS, TOTAL, Figure, _fmt, find_figures, lexicon, number_text, parse_number
from newslint.registry.wording import WordTable, stem


@dataclass(eq=False, repr=False)
class FactIndex:
    """A registry's figures of one kind with their keys, and where each context item occurs, by
    itself and with the unit bucket of the figure (unit_bucket): a draft figure is compared
    only with the figures that share enough items with it to match at all."""

    facts: list[tuple[FigureFact, Key]] = field(default_factory=list)
    buckets: list[str] = field(default_factory=list)
    by_item: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_unit_item: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, p: Policy, fact: FigureFact, theirs: Key) -> None:
        number = len(self.facts)
        bucket = unit_bucket(p, theirs.kind, theirs.unit)
        self.facts.append((fact, theirs))
        self.buckets.append(bucket)
        for item in theirs.context:
            self.by_item[item].append(number)
            self.by_unit_item[bucket, item].append(number)

    def sharing(self, mine: Key, least: int, bucket: str | None = None) -> list[tuple[FigureFact, Key]]:
        """Candidates, in registry order: every figure that shares at least `least` context
        items with `mine` (and is in `bucket` when one is given), and some that share fewer.
        Each such figure has one of mine's len(context) - least + 1 rarest items: only those
        items' occurrences are read, and the caller counts what is shared."""
        return [self.facts[n] for n in sorted(self.sharing_at(mine, least, bucket))]

    def sharing_at(self, mine: Key, least: int, bucket: str | None = None) -> set[int]:
        """sharing()'s figures as their places in `facts`, unordered."""
        if least <= 0:
            return {n for n, b in enumerate(self.buckets) if bucket is None or b == bucket}
        if bucket is None:
            lists = [self.by_item.get(item, ()) for item in mine.context]
        else:
            lists = [self.by_unit_item.get((bucket, item), ()) for item in mine.context]
        wanted = len(lists) - least + 1
        if wanted <= 0:
            return set()
        lists.sort(key=len)
        return set().union(*lists[:wanted])


@dataclass(eq=False, repr=False)
class FigureIndex:
    """A registry's figures by kind (FactIndex each) and the name words of its people."""

    registry: Any
    by_kind: dict[str, FactIndex]
    people: dict[str, str]
    # The weekdays the sources write right before a date ("Thursday, May 7"), by the date.
    weekdays_by_date: dict[str, list[FigureFact]] = field(default_factory=dict)
    values: frozenset[tuple[str, str]] = frozenset()  # (kind, value) of every source figure
    numbers: dict[tuple[str, str], list[float]] = field(default_factory=dict)  # by (kind, currency)
    # (kind, value, bound, unit) of every source figure: "nearly 400 volunteers".
    phrased: frozenset[tuple[str, str, str, str]] = frozenset()
    policy: Policy | None = None  # the one the index was built under
    # _written_tallies(registry), read when a draft first has a vote tally.
    written: tuple | None = None
    named_on_line: dict[str, frozenset[str]] = field(default_factory=dict)  # line_people's answers
    unit_facts: dict[str, dict[str, list[FigureFact]]] = field(default_factory=dict)  # of_unit's answers
    ordinals: dict[int, list[tuple[frozenset[str], frozenset[str]]]] | None = None  # _source_ordinals(registry)
    by_line: dict[tuple[str, int], list[FigureFact]] | None = None  # every source figure, by its line
    by_value: dict[tuple[str, str], list[FigureFact]] | None = None  # every source figure, by (kind, value)
    # Each source's own date (its heading's), by weekday: _source_days(registry).
    source_days: dict[str, list[tuple[str, datetime.date]]] | None = None
    # The days a dated source's "today", "yesterday" and "tomorrow" name: _relative_days(registry).
    relative: list[tuple[datetime.date, frozenset[str], Provenance]] | None = None
    # The days a dated source's weekdays may name: _weekday_dates(registry).
    weekday_dates: frozenset[datetime.date] | None = None

    @classmethod
    def of(cls, p: Policy, registry) -> FigureIndex:
        people = person_words(registry)
        by_kind: dict[str, FactIndex] = defaultdict(FactIndex)
        dates_by_line: dict[tuple[str, int], list[FigureFact]] = defaultdict(list)
        for fact in registry.figures:
            by_kind[fact.kind].add(p, fact, key(p, fact.kind, fact.unit, fact.context,
                                                getattr(fact, "anchors", ()), people))
            if fact.kind == "date":
                dates_by_line[fact.provenance.source, fact.provenance.line].append(fact)
        weekdays: dict[str, list[FigureFact]] = defaultdict(list)
        for fact in by_kind["weekday"].facts if "weekday" in by_kind else ():
            weekday = fact[0]
            for date in dates_by_line.get((weekday.provenance.source, weekday.provenance.line), ()):
                if _written_before(weekday, date):
                    weekdays[date.value].append(weekday)
        values = frozenset((fact.kind, fact.value) for fact in registry.figures)
        numbers: dict[tuple[str, str], list[float]] = defaultdict(list)
        for fact in registry.figures:
            try:
                number = float(fact.value.split()[0].rstrip("%s"))
            except ValueError:
                continue  # a date, a weekday, a tally
            numbers[_rounding_key(p, fact.kind, fact.value, fact.unit)].append(number)
        phrased = frozenset((fact.kind, fact.value, fact.bound, p.normal(fact.unit)) for fact in registry.figures)
        return cls(registry, dict(by_kind), people, dict(weekdays), values, dict(numbers), phrased, p)

    def line_people(self, fact: FigureFact) -> frozenset[str]:
        """The known people a source figure's line names (worked out once per line)."""
        line = fact.provenance.text
        found = self.named_on_line.get(line)
        if found is None:
            found = self.named_on_line[line] = frozenset(self.people[w] for w in _NAME_WORDS.findall(line) if w in self.people)
        return found

    def written_tallies(self) -> tuple:
        """(every pair of small numbers the sources' texts write as a tally or a range, in
        either order and in digits or words: "9-4", "eight to one"; and those written after a
        vote's word, "the motion carries, eight to one", as (pair, the line's Provenance))."""
        if self.written is None:
            self.written = _written_tallies(self.registry)
        return self.written

    def gives_value(self, figure: Figure) -> bool:
        """Some source gives this very figure, in whatever words: a specific number (two or
        more significant digits: 517, 730, 948,000; not 300 or 1,000) is no coincidence, but a
        whole number under 100 ("14 miles") recurs by chance, so it counts only as the same
        thing. A round figure counts in the same words ("nearly 400 volunteers"), or, with a bound,
        when a source's value rounds to it ("roughly 163,000" for 162,874)."""
        raw = figure.value.split()[0].rstrip("%s")  # ("50%" and "5400s": their digits)
        digits = raw.replace(".", "").lstrip("0").rstrip("0")
        bound = getattr(figure, "bound", "")
        unit = self.policy.normal(figure.unit) if self.policy is not None else figure.unit
        if figure.kind == "percent" and not any(c.isdigit() for c in figure.text):
            # A fraction ("a third", 33.333%) is as round as it is written: given when a source
            # words it alike ("more than a third" of the same thing, or of nothing named).
            return (figure.kind, figure.value, bound, unit) in self.phrased
        if len(digits) < 2:
            if figure.unit and (figure.kind, figure.value, bound, unit) in self.phrased:
                return True
        elif (figure.kind, figure.value) in self.values:
            try:
                small = float(raw) < 100 and float(raw).is_integer()
            except ValueError:
                small = False
            return not small or any((figure.kind, figure.value, b, unit) in self.phrased for b in BOUNDS)
        if not bound or figure.kind == "percent":  # (shares near each other abound: "about 40%" is any)
            return False
        try:
            value = float(raw)
        except ValueError:
            return False
        whole = raw.split(".")[0]
        step = 10 ** (len(whole) - len(whole.rstrip("0")))  # 163,000: rounded to thousands
        key = _rounding_key(self.policy or default_policy(), figure.kind, figure.value, figure.unit)
        return any(abs(v - value) <= step / 2 for v in self.numbers.get(key, ()))

    def related(self, p: Policy, figure: Figure) -> list[tuple[int, FigureFact]]:
        """The source figures that speak of the same thing as the draft's (any value), with
        their match scores."""
        facts = self.by_kind.get(figure.kind)
        if facts is None:
            return []
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        # A match needs at least min_shared items in common, and a unit it can be compared with.
        near = facts.sharing(mine, p.min_shared.get(figure.kind, 3), unit_bucket(p, figure.kind, figure.unit))
        return [(score, fact) for (fact, _), score in zip(near, scores(p, mine, [theirs for _, theirs in near]))
                if score and comparable(figure.kind, figure.value, fact.value)]

    def speaks_to(self, p: Policy, figure: Figure) -> bool:
        """The sources give this figure, or another value of it (the figure check's business)."""
        return self.confirms(p, figure) or bool(self.related(p, figure)) or bool(self.transposed(p, figure))

    def transposed(self, p: Policy, figure: Figure) -> list[FigureFact]:
        """Source figures of the same unit, in a clause sharing two items or more with the
        draft's, whose digits are the draft's with two neighbours swapped ("41,700" for 14,700):
        a slip of the keyboard, which the words around rarely match well enough to relate. One
        shared item is enough when chance is ruled out otherwise: three significant digits or
        more ("$275,400" for $257,400), or a unit both count ("82,000 riders" for 28,000)."""
        digits = _digits(figure.kind, figure.value)
        facts = self.by_kind.get(figure.kind)
        if digits is None or facts is None or (figure.kind, figure.value) in self.values:
            return []
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        bucket = unit_bucket(p, figure.kind, figure.unit)
        least = 1 if len(digits.rstrip("0")) >= 3 or bucket else 2
        found = []
        candidates = facts.sharing(mine, least, bucket)
        if bucket and figure.kind == "amount":
            # An amount named by another noun ("orders worth about $380 million" for an
            # "order book worth about $830 million") when the clauses share TRANSPOSED_SHARED
            # items, or by no noun in a clause that names the draft's ("its June rent, $3,700").
            # (Only the figures of no noun whose clause holds the draft's are read for the latter.)
            seen = {id(fact) for fact, _ in candidates}
            no_noun = facts.by_unit_item.get((unit_bucket(p, figure.kind, ""), p.normal(figure.unit)), ())
            extra = facts.sharing_at(mine, TRANSPOSED_SHARED).union(no_noun)
            candidates += [facts.facts[n] for n in sorted(extra) if id(facts.facts[n][0]) not in seen]
        for fact, theirs in candidates:
            theirs_digits = _digits(fact.kind, fact.value)
            shared = len(mine.context & theirs.context)
            if theirs_digits is not None and _swapped(digits, theirs_digits) \
                    and figure.value.partition(" ")[2] == fact.value.partition(" ")[2] \
                    and shared >= least and (shared >= TRANSPOSED_SHARED or unit_bucket(p, fact.kind, fact.unit) == bucket
                                             or not fact.unit and _counts_unit(p, figure.unit, fact, theirs)):
                found.append(fact)
        return found

    def slipped(self, p: Policy, figure: Figure) -> list[FigureFact]:
        """Source figures of the same kind and unit, in a clause sharing SLIP_SHARED items with
        the draft's (an ordinary word among them), whose digits are the draft's with one digit
        another ("4.3 percent" for 3.3, "1986" for 1984): a slip of the keyboard, in a clause
        too short to match otherwise. Not for a whole number under 10 nor a date (one day from
        another is often another event), and only when the draft's value is in no source."""
        digits = _slip_digits(figure.kind, figure.value)
        facts = self.by_kind.get(figure.kind)
        if digits is None or facts is None or (figure.kind, figure.value) in self.values:
            return []
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        bucket = unit_bucket(p, figure.kind, figure.unit)
        found = []
        near = facts.sharing(mine, SLIP_SHARED, bucket)
        if any(consistent(figure.kind, figure.value, figure.bound, fact.value, getattr(fact, "bound", ""), p.approximate)
               and len(mine.context & theirs.context) >= SLIP_SHARED for fact, theirs in near):
            return []  # ("more than 7,000 tons" beside a source's "about 7,400 tons")
        if bucket and figure.kind == "amount":
            # An amount named by another noun ("a harbor-use payment of $4,830" for the
            # "harbor-use agreement" of $3,830) when the clauses share TRANSPOSED_SHARED items.
            seen = {id(fact) for fact, _ in near}
            near = near + [item for item in facts.sharing(mine, TRANSPOSED_SHARED) if id(item[0]) not in seen]
        for fact, theirs in near:
            theirs_digits = _slip_digits(fact.kind, fact.value)
            other_noun = unit_bucket(p, fact.kind, fact.unit) != bucket
            if theirs_digits is None or not _one_digit_apart(digits, theirs_digits) \
                    or figure.value.partition(" ")[2] != fact.value.partition(" ")[2] \
                    or getattr(fact, "bound", "") != figure.bound or _rounds(digits, theirs_digits) \
                    or (other_noun and not (figure.kind == "amount" and bucket and fact.unit)) \
                    or (not other_noun and needed(p, figure.kind, figure.unit, fact.unit) is None):
                continue  # (a bound or an approximation is no slip of a key: "about 31%" for 36%)
            shared = mine.context & theirs.context
            if len(shared) >= (TRANSPOSED_SHARED if other_noun else SLIP_SHARED) and not shared.isdisjoint(mine.words) \
                    and not (mine.persons and theirs.persons and mine.persons.isdisjoint(theirs.persons)) \
                    and not anchors_disagree(mine.anchors, theirs.anchors):
                found.append(fact)
        return found

    def echoes(self, p: Policy, figure: Figure) -> bool:
        """Some source gives this very figure (gives_value) in a clause that shares a word or a
        name with the draft's and is about no other person: the draft most likely reports that
        figure, even when another clause matches its words better ("about $6 billion in lost
        sales" against "$170 million a day, about $6.0 billion in all"). A value the sources
        give only about something else proves nothing ("$5.7 million" of a paving contract for
        a pension fund's $5.2 million)."""
        facts = self.by_kind.get(figure.kind)
        if facts is None or not self.gives_value(figure):
            return False
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        number = number_of(figure.kind, figure.value)
        specific = number is not None and len(_significant(number)) >= 3  # (47,300: no coincidence in any unit)
        for fact, theirs in facts.sharing(mine, 1):
            if mine.persons and theirs.persons and mine.persons.isdisjoint(theirs.persons):
                continue
            if not specific and figure.unit and not _counts_unit(p, figure.unit, fact, theirs):
                continue
            if (mine.context & theirs.context) and _gives(figure, fact):
                return True
        return False

    def rounds_to(self, p: Policy, figure: Figure) -> bool:
        """A source count that the draft's round count with a bound rounds, of the same unit
        noun or of no noun but that one among its words ("more than 63,000 customers" for "the
        number of customers without power peaked at 63,400"): the draft's figure, however few
        words the clauses share."""
        number = number_of(figure.kind, figure.value)
        facts = self.by_kind.get(figure.kind)
        if number is None or number < 100 or facts is None:
            return False
        whole = str(int(number))
        step = 10 ** (len(whole) - len(whole.rstrip("0")))
        if step < 10:
            return False
        for fact, theirs in facts.facts:
            if not _counts_unit(p, figure.unit, fact, theirs):
                continue
            theirs_number = number_of(fact.kind, fact.value)
            if theirs_number is not None and not getattr(fact, "bound", "") and abs(theirs_number - number) <= step / 2:
                return True
        return False

    def of_unit(self, p: Policy, kind: str, bucket: str) -> list[FigureFact]:
        """The source figures of a kind in a unit bucket (worked out once per kind)."""
        held = self.unit_facts.get(kind)
        if held is None:
            held = self.unit_facts[kind] = defaultdict(list)
            facts = self.by_kind.get(kind)
            for (fact, _), b in zip(facts.facts, facts.buckets) if facts is not None else ():
                if b:
                    held[b].append(fact)
        return held.get(bucket, [])

    def ordinal_gives(self, p: Policy, figure: Figure) -> bool:
        """A source's ordinal gives this count of the same noun, in a sentence that shares an
        item with the draft's: "killed seven people" against "a seventh person died overnight";
        "will own 28 daily newspapers" against "will become its 28th daily newspaper"."""
        number = number_of(figure.kind, figure.value)
        if figure.kind != "count" or not figure.unit or number is None or number != int(number) or number < 2:
            return False
        if self.ordinals is None:
            self.ordinals = _source_ordinals(self.registry)
        mine = {p.normal(item) for item in figure.context}
        unit = _PERSON_UNITS.get(figure.unit, figure.unit)
        return any(unit in nouns and any(p.normal(item) in mine for item in items)
                   for nouns, items in self.ordinals.get(int(number), ()))

    def given_alike(self, figure: Figure, p: Policy | None = None) -> bool:
        """A source gives this figure's value with its qualifier ("about 40 percent") in a
        clause that shares a word with the draft's: enough to call the figure sourced, though
        not to confirm what it measures (figures of one word in common prove no match). With
        a policy, in the same unit, and a qualifier written alike ("about 140 acres"), the
        unit's noun written after the number ("two inspectors", not a table's "Inspectors: 2")
        or a total ("Total | 318") is enough without a shared word."""
        mine = set(figure.context)
        return any(getattr(fact, "bound", "") == figure.bound
                   and (p is None or p.normal(fact.unit) == p.normal(figure.unit))
                   and (p is not None and (figure.bound or " " in fact.text.strip() or TOTAL in fact.context)
                        or mine.intersection(fact.context))
                   for fact in self.with_value(figure.kind, figure.value))

    def with_value(self, kind: str, value: str) -> list[FigureFact]:
        """The source figures of this kind and value, in registry order (worked out once per
        registry: a large registry holds thousands of figures of a kind)."""
        if self.by_value is None:
            self.by_value = defaultdict(list)
            for other in self.registry.figures:
                self.by_value[other.kind, other.value].append(other)
        return self.by_value.get((kind, value), [])

    def on_line(self, fact: FigureFact) -> list[FigureFact]:
        """The source figures of a source figure's line (worked out once per registry)."""
        if self.by_line is None:
            self.by_line = defaultdict(list)
            for other in self.registry.figures:
                self.by_line[other.provenance.source, other.provenance.line].append(other)
        return self.by_line.get((fact.provenance.source, fact.provenance.line), [])

    def day_of_a_source(self, figure: Figure, draft_date: str | None, cited: set[str]) -> bool:
        """The draft's weekday is the day a source that gives no other day for it is dated on, in
        its heading ("Wednesday, March 19, 2025" atop a briefing's transcript, "Tue April 29,
        2025" atop a reporter's notes), in the week up to the draft's own date: the draft most
        likely reports that day's events from it ("spent a second day away from home
        Wednesday"), not the cited source's day. (A source dated after the draft, or more than
        six days before it, is another week's.)"""
        written = _day(draft_date)
        if written is None:
            return False
        if self.source_days is None:
            self.source_days = _source_days(self.registry)
        return any(source not in cited and 0 <= (written - day).days < 7
                   for source, day in self.source_days.get(figure.value, ()))

    def source_date(self, source: str) -> datetime.date | None:
        """The date in a source's heading (_source_days), None when it has none."""
        if self.source_days is None:
            self.source_days = _source_days(self.registry)
        return next((day for days in self.source_days.values() for named, day in days if named == source), None)

    def said_relatively(self, p: Policy, figure: Figure) -> bool:
        """A source dated in its heading ("Monday, June 2, 2031") writes the draft's day as
        "today", "yesterday" or "tomorrow" in a sentence that shares the draft's clause
        enough items to be its event ("the union today sued the county" for "sued the county
        Monday"; "Yesterday the audit was published" in a hearing's transcript for "an audit
        published June 1"): the sources give the draft's day, in words no figure holds."""
        if figure.kind not in ("weekday", "date"):
            return False
        if self.relative is None:
            self.relative = _relative_days(self.registry)
        if not self.relative:
            return False
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        least = p.min_shared.get(figure.kind, 3)
        for day, items, _ in self.relative:
            if figure.kind == "weekday":
                same = _WEEKDAYS[day.weekday()] == figure.value
            else:
                parts = figure.value.split("-")
                same = len(parts) >= 2 and parts[-2:] == [f"{day.month:02d}", f"{day.day:02d}"] \
                    and (len(parts) < 3 or parts[0] == str(day.year))
            if same:
                shared = {p.normal(item) for item in items} & mine.context
                if len(shared) >= least and not shared.isdisjoint(mine.words):
                    return True
        return False

    def on_a_named_weekday(self, figure: Figure) -> bool:
        """A source dated in its heading names the weekday the draft's date falls on, within
        six days of its own date ("voted late Tuesday" in a Wednesday's paper, for "voted
        March 3"): the sources may give the date, in words no date figure holds."""
        parts = figure.value.split("-")
        if len(parts) < 2 or not all(part.isdigit() for part in parts):
            return False
        if self.weekday_dates is None:
            self.weekday_dates = _weekday_dates(self.registry)
        month, day = int(parts[-2]), int(parts[-1])
        return any(d.month == month and d.day == day and (len(parts) < 3 or d.year == int(parts[0]))
                   for d in self.weekday_dates)

    def dated(self, figure: Figure) -> bool:
        """Some source gives this very date (with its year, when both have one), or this month
        of this year ("April 2020"; a month alone recurs in too many clauses)."""
        if figure.kind == "month":
            return "-" in figure.value and ("month", figure.value) in self.values
        return any(same_value("date", figure.value, value) for kind, value in self.values if kind == "date")

    def recurring_month(self, p: Policy, figure: Figure) -> bool:
        """A month with no year that a source writes with no year too, in a clause sharing a
        word with the draft's and naming no other person: a month of every year ("ice
        storms usually arrive in December"), which the draft's "before the December ice storms"
        gives, whatever else a March storm of the sources shares with it."""
        facts = self.by_kind.get("month")
        if "-" in figure.value or facts is None:
            return False
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        return any(fact.value == figure.value and mine.words & theirs.words
                   and not (mine.persons and theirs.persons and mine.persons.isdisjoint(theirs.persons))
                   for fact, theirs in facts.sharing(mine, 1))

    def dates_their_year(self, p: Policy, figure: Figure) -> bool:
        """A source date or month in the draft's year, in a clause naming one of the people of
        the draft's: "Roe's 2023 audit" where a table row dates Ann Roe's audit "March 8, 2023"
        (the sources need not write the year alone for it to be theirs)."""
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        if not mine.persons:
            return False
        prefix = f"{figure.value}-"
        for kind in ("date", "month"):
            facts = self.by_kind.get(kind)
            for fact, theirs in facts.sharing(mine, 1) if facts is not None else ():
                if fact.value.startswith(prefix) and mine.persons & theirs.persons:
                    return True
        return False

    def confirms(self, p: Policy, figure: Figure, at_least: int = 0, any_unit: bool = False) -> bool:
        """A source figure of the same value speaks of the same thing: one shared item fewer
        than a full match asks for (two at least, or `at_least`), the same unit (unless
        `any_unit`), no other person. A bound such as "up to 20 years" allows too much to count."""
        facts = self.by_kind.get(figure.kind)
        if facts is None:
            return False
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, self.people)
        least = max(2, p.min_shared.get(figure.kind, 3) - 1, at_least)
        for fact, theirs in facts.sharing(mine, least):
            if same_value(figure.kind, figure.value, fact.value) \
                    and (any_unit or p.normal(fact.unit) == p.normal(figure.unit) or not figure.unit) \
                    and not (mine.persons and theirs.persons and not mine.persons & theirs.persons) \
                    and len(mine.context & theirs.context) >= least \
                    and not (figure.kind == "time" and anchors_disagree(mine.anchors, theirs.anchors)):
                return True  # (a time of another day is another event's: "7 p.m. Tuesday")
        return False


# Shared context items that let swapped digits match an amount of another unit noun.
TRANSPOSED_SHARED = 3

_SHARED_INDEXES: dict[tuple[tuple, int], FigureIndex] = {}
_SETTINGS: dict[int, tuple[Policy, tuple]] = {}  # policy_settings' answers, by the policy's id

BOUNDS = ("", "more", "less", "about", "nearly")  # a figure's bound (numbers.yaml qualifiers)


def policy_settings(p: Policy) -> tuple:
    """Everything a policy holds, as one hashable value (worked out once per policy)."""
    held = _SETTINGS.get(id(p))
    if held is None or held[0] is not p:
        if len(_SETTINGS) > 64:
            _SETTINGS.clear()
        held = _SETTINGS[id(p)] = (p, tuple(_hashable(getattr(p, f.name)) for f in fields(p)))
    return held[1]


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((key, _hashable(item)) for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(map(_hashable, value))
    return value


def _rounding_key(p: Policy, kind: str, value: str, unit: str) -> tuple[str, str]:
    """What a round figure is compared with: amounts in its currency, counts of its unit
    ("more than 300 rural clinics" is no rounding of a 316 that counts something else)."""
    return kind, value.partition(" ")[2] if kind != "count" else "count:" + p.normal(unit)


def _time_word(text: str) -> str:
    """The time unit a duration is written in: "37 days" and "a 37-day" -> "day"."""
    return stem(text.split()[-1].rsplit("-", 1)[-1]) if text.strip() else ""


# How many times longer one span must be than another to be another span (see _check_one).
FAR_APART = 100


def _far_apart(a: float | None, b: float | None) -> bool:
    return bool(a and b) and max(a, b) > FAR_APART * min(a, b)


def _written_in(number: str, text: str) -> bool:
    """The digits of `number` ("3,120") stand as a number of their own in `text`."""
    return bool(number) and regexcache.compile(rf"(?<![\d.,]){regex.escape(number)}(?![\d]|[.,]\d)").search(text) is not None


def _significant(number: float) -> str:
    """A number's significant digits: 47,300 -> "473", 6.0e9 -> "6"."""
    return f"{number:.15g}".replace(".", "").replace("-", "").split("e")[0].strip("0")


def _gives(figure: Figure, fact: FigureFact) -> bool:
    """The source figure is the draft's: the same value, or a value that the draft's round
    figure with a bound rounds ("more than 47,000" for 47,300)."""
    if same_value(figure.kind, figure.value, fact.value):
        return True
    mine, theirs = number_of(figure.kind, figure.value), number_of(fact.kind, fact.value)
    if not getattr(figure, "bound", "") or mine is None or theirs is None or not comparable(figure.kind, figure.value, fact.value):
        return False
    return abs(theirs - mine) <= rounding(mine) / 2


def _relative_gap(figure: Figure, fact: FigureFact) -> float | None:
    """How far apart the two values are, as a share of the larger; None when either is no number."""
    mine, theirs = number_of(figure.kind, figure.value), number_of(fact.kind, fact.value)
    if mine is None or theirs is None:
        return None
    larger = max(abs(mine), abs(theirs))
    return abs(mine - theirs) / larger if larger else 0.0


def _counts_unit(p: Policy, unit: str, fact: FigureFact, theirs: Key) -> bool:
    """The source figure counts the draft's unit noun: as its own unit, or, having none, with
    that noun in its clause ("41" in a table row under "Highest reading (ppb)" counts no
    fixtures, though the same value elsewhere may)."""
    if fact.unit:
        return p.normal(fact.unit) == p.normal(unit)
    return p.normal(unit) in theirs.context


def _digits(kind: str, value: str) -> str | None:
    """A whole count's, amount's or percentage's digits ("14700 dollar" -> "14700")."""
    if kind not in ("count", "amount", "percent"):
        return None
    number = value.split(" ")[0].rstrip("%")
    return number if number.isdigit() and len(number.rstrip("0")) >= 2 else None


# Kinds whose figures a unit the sources count with one value identifies (_lone_unit_slip);
# not percentages: a share of what is seldom one thing ("18 percent" of overtime hours or pay).
LONE_UNIT_KINDS = frozenset({"count", "amount"})

# Kinds whose figure one digit off a source's is read against the line that gives another
# figure of the draft's sentence (Figures._slip_beside_sibling).
SIBLING_SLIP_KINDS = frozenset({"amount", "count", "percent"})


def _specific(figure: Figure) -> bool:
    """A figure that names one line of a source: a date with its day, or a number of two
    significant digits or more (not a year, a weekday, "three")."""
    if figure.kind == "date":
        return figure.value.count("-") >= 1 and figure.value.split("-")[-1].isdigit()
    if figure.kind not in ("amount", "count", "percent"):
        return False
    number = number_of(figure.kind, figure.value)
    return number is not None and len(_significant(number)) >= 2 and not figure.bound


# Shared context items that a figure one digit off a source's needs.
SLIP_SHARED = 2


def _slip_digits(kind: str, value: str) -> str | None:
    """A count's, amount's, percentage's or year's digits as written ("3.3", "1984"), when a
    slip in one of them is worth a look: two significant digits or more."""
    if kind not in ("count", "amount", "percent", "year"):
        return None
    number = value.split(" ")[0].rstrip("%")
    if not number.replace(".", "", 1).isdigit() or len(number.replace(".", "").strip("0")) < 2:
        return None
    return number


# Shared context items that a year written with a part of it ("fall 2031") needs with a source's.
PART_SHARED = 2

# A part of a year written before it ("by mid-2031", "in the fall of 2031", "the end of 2030"),
# by the third of the year it names: seasons overlap the thirds, so a season is compared with a
# third only when it falls within it (winter, at both ends, is left out).
_YEAR_PART = regexcache.compile(r"\b(?P<part>early|mid|middle|late|spring|summer|fall|autumn|end|first\s+half|second\s+half|beginning|start)"
                                r"(?:\s+of(?:\s+the\s+year)?)?(?:\s+|-)$", regex.IGNORECASE)
_PART_THIRD = {"early": "early", "beginning": "early", "start": "early", "first half": "early", "spring": "early",
               "mid": "mid", "middle": "mid", "summer": "mid",
               "late": "late", "end": "late", "second half": "late", "fall": "late", "autumn": "late"}


def _year_part(text: str, start: int) -> tuple[str, str] | None:
    """(third of the year, the words) of a part of a year written right before `start`."""
    found = _YEAR_PART.search(text, max(0, start - 24), start)
    if found is None:
        return None
    words = " ".join(found.group("part").casefold().split())
    return _PART_THIRD[words], " ".join(found.group().split(" "))  # ("mid-", "fall ": written as before the year)


def _fact_year_parts(fact: FigureFact) -> list[tuple[str, str] | None]:
    """_year_part of a source year at each place its line writes it."""
    text = fact.provenance.text
    places = [m.start() for m in regex.finditer(regex.escape(fact.text), text)]
    return [_year_part(text, at) for at in places] or [None]


def _within_week(mine: list[str], value: str) -> bool:
    """The other date is of the same month, at most a week from this one."""
    theirs = value.split("-")
    return mine[-2] == theirs[-2] and mine[-1].isdigit() and theirs[-1].isdigit() and abs(int(mine[-1]) - int(theirs[-1])) <= 7


def _no_weekday(anchors: tuple[str, ...]) -> tuple[str, ...]:
    """A date's anchors without weekdays: the weekday written with a date is that date's own
    ("Thursday, Sept. 24"), and a day misremembered by a few days takes its weekday along
    ("Monday, Sept. 21" in the sources)."""
    return tuple(a for a in anchors if not a[1:].startswith("weekday:"))


def _near_day(mine: list[str], theirs: list[str]) -> bool:
    """Two dates ([year,] month, day) of the same year when both give one, and either the same
    month on another day or the same day of the month before or after."""
    if len(mine) == 3 and len(theirs) == 3 and mine[0] != theirs[0]:
        return False
    (month, day), (their_month, their_day) = mine[-2:], theirs[-2:]
    if not (month + day + their_month + their_day).isdigit():
        return False
    if month == their_month:
        return day != their_day
    return day == their_day and abs(int(month) - int(their_month)) in (1, 11)


def _teen_and_ty(a: str, b: str) -> bool:
    """"fourteen" and "forty", "16" and "60": numbers misheard or mistyped for each other."""
    return {a, b} in ({f"1{n}", f"{n}0"} for n in "3456789")


def _rounds(a: str, b: str) -> bool:
    """One of the two is the other rounded ("274000000" for 274400000, "9000" for 9200)."""
    x, y = float(a), float(b)
    return abs(x - y) <= max(rounding(x), rounding(y)) / 2


def _one_digit_apart(a: str, b: str) -> bool:
    """b is a with one digit changed (not its first digit to or from a leading zero)."""
    return len(a) == len(b) and a.find(".") == b.find(".") and sum(x != y for x, y in zip(a, b)) == 1


def _swapped(a: str, b: str) -> bool:
    """b is a with two different neighbouring digits swapped."""
    if len(a) != len(b) or a == b:
        return False
    at = [i for i in range(len(a)) if a[i] != b[i]]
    return len(at) == 2 and at[1] == at[0] + 1 and a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]


DERIVED_WORDS = frozenset({"margin", "net"})
# After a figure, a comparison that makes it a difference: "16 feet closer than", "$4 million
# more than", "three points higher than".
_DIFFERENCE = regexcache.compile(
    r"\s+(?:[\p{L}-]+\s+)?(?:closer|farther|further|nearer|more|less|fewer|higher|lower|longer|shorter|"
    r"larger|smaller|bigger|older|younger|earlier|later|faster|slower|cheaper|dearer|above|below|over|under)\s+than\b")

# Kinds whose value, given by a source in a related clause, outweighs a closer clause's other
# value (echoes). Not dates and years: the same year recurs for many events.
ECHO_KINDS = frozenset({"count", "amount", "duration"})

# How many more items a contradicting source figure must share with the draft's than a
# confirming one before the confirmation no longer counts.
CONFIRM_GAP = 3


def figure_index(p: Policy, registry) -> FigureIndex:
    """The index of a registry's figures under a policy, built once per registry and policy
    settings: rules whose policies are equal share it (the shipped Figures rule's policy is
    the sourcing rules' default one, and a second index doubled a registry's share of a
    check: ~0.4 s at 10,000 people). A few are kept; the index keeps its registry alive, so
    an id is not reused while it is held."""
    settings = policy_settings(p)
    held = _SHARED_INDEXES.get((settings, id(registry)))
    if held is None or held.registry is not registry:
        if len(_SHARED_INDEXES) > 8:
            _SHARED_INDEXES.clear()
        held = _SHARED_INDEXES[settings, id(registry)] = FigureIndex.of(p, registry)
    return held


def draft_figures(context: CheckContext) -> list[Figure]:
    """The draft's figures outside quotations, found once per document for every rule."""
    return context.shared("draft-figures", lambda: find_figures(context.document, skip_quotes=True))


def unit_bucket(p: Policy, kind: str, unit: str) -> str:
    """The units a figure can match (figurematch.needed): counts and measures only the same
    unit (or none with none); dates and the like any."""
    return p.normal(unit) if kind in UNIT_KINDS and unit else ""


# How a source's bound reads in a message ("the sources give about 1,800").
QUALIFIER = {"more": "more than ", "less": "at most ", "nearly": "nearly ", "about": "about "}


class FiguresRule(Rule):
    extends: ClassVar[str] = "figures"
    category: ClassVar[str] = "figure"
    needs_registry: ClassVar[bool] = True
    keys: ClassVar[frozenset[str]] = frozenset({"kinds", "min_shared", "min_words", "synonyms", "safe_fix_sources",
                                                "anchor_penalty", "person_penalty", "generic_units"})

    def compile(self, data: dict[str, Any]) -> None:
        kinds = data.get("kinds", list(KINDS))
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            raise RuleError(f"kinds must be a list of {', '.join(KINDS)}", "kinds")
        self.kinds = frozenset(kinds)
        min_shared = data.get("min_shared") or {}
        if not isinstance(min_shared, dict) or any(not isinstance(v, int) for v in min_shared.values()):
            raise RuleError("min_shared must map a kind to a number of shared context words", "min_shared")
        synonyms = data.get("synonyms") or []
        if not isinstance(synonyms, list) or any(not isinstance(g, list) or not g for g in synonyms):
            raise RuleError("synonyms must be a list of word lists", "synonyms")
        for name in ("anchor_penalty", "person_penalty"):
            if name in data and (not isinstance(data[name], int) or data[name] < 0):
                raise RuleError(f"{name} must be a whole number of shared context words (0 or more)", name)
        self.policy = policy({"min_shared": min_shared, "synonyms": synonyms,
                              **{k: data[k] for k in ("min_words", "anchor_penalty", "person_penalty") if k in data}})
        generic = data.get("generic_units") or []
        if not isinstance(generic, list) or any(not isinstance(w, str) for w in generic):
            raise RuleError("generic_units must be a list of unit nouns", "generic_units")
        self.generic_units = frozenset(self.policy.normal(stem(w)) for w in generic)
        self.safe_fix_sources = int(data.get("safe_fix_sources", 2))
        if not self.message:
            self.message = "'%s': the sources give %s (%s)"

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None or not registry.figures:
            return
        index = figure_index(self.policy, registry)
        figures = _names_corrected(context, draft_figures(context))
        sentence_of: dict[int, int] = {}  # figure's start -> its sentence's start
        by_sentence: dict[int, list[Figure]] = defaultdict(list)
        for figure in figures:
            sentence = context.document.sentence_at(figure.start)
            sentence_of[figure.start] = sentence.start if sentence else -1
            by_sentence[sentence_of[figure.start]].append(figure)
        dates = {f.start: f for f in figures if f.kind == "date"}
        strangers = _strangers_only(context)
        for figure in figures:
            if figure.kind not in self.kinds:
                continue
            if sentence_of[figure.start] in strangers:
                continue  # about someone the reporter met, not in the sources: "X, who has farmed here for 30 years"
            if figure.kind == "weekday":  # (the calendar needs no source weekday)
                finding = self._weekday_of_date(figure, dates, index, context)
                if finding is not None:
                    yield finding
                    continue
            if figure.kind not in index.by_kind:
                if figure.kind == "tally":  # (the sources may write their votes in words only)
                    finding = self._other_vote(figure, index)
                    if finding is not None:
                        yield finding
                continue
            if figure.kind == "tally" and _given_vote(figure, index):
                continue  # a vote the sources give in words only ("the motion carries, four to one")
            siblings = [f for f in by_sentence[sentence_of[figure.start]] if f is not figure]
            finding = self._check_one(figure, index, siblings, context.document.prose, context.draft_date) \
                or self._transposed(figure, index)
            if finding is None and figure.kind == "date":
                finding = self._near_date(figure, index, siblings)
            if finding is None and figure.kind == "year":
                finding = self._other_part_of_year(figure, index, context.document.prose)
            if finding is None and figure.kind in LONE_UNIT_KINDS and figure.unit:
                finding = self._lone_unit_slip(figure, index)
            if finding is None and figure.kind == "tally":
                finding = self._other_vote(figure, index)
            if finding is None and figure.kind in SIBLING_SLIP_KINDS:
                finding = self._slip_beside_sibling(figure, index, siblings)
            if finding is not None and figure.kind == "weekday" and figure.unit != "said" \
                    and index.day_of_a_source(figure, context.draft_date, {e.source for e in finding.evidence}
                                              | {fact.provenance.source for _, fact in index.related(self.policy, figure)
                                                 if fact.value != figure.value}):
                finding = None
            if finding is not None and figure.kind in ("weekday", "date") and index.said_relatively(self.policy, figure):
                finding = None  # ("sued today" in a release dated that Monday)
            if finding is not None and figure.kind == "year" and index.dates_their_year(self.policy, figure):
                finding = None  # ("Roe's 2023 audit" where a source dates her audit March 8, 2023)
            if finding is not None and index.ordinal_gives(self.policy, figure):
                finding = None  # ("seven people" where a source's "a seventh person died" is the latest)
            if finding is not None:
                yield finding

    def _check_one(self, figure: Figure, index: FigureIndex, siblings: list[Figure] = (), prose: str = "",
                   draft_date: str | None = None) -> Finding | None:
        p = self.policy
        related = index.related(p, figure)
        # A total ("the combined carrier would fly 270 planes") is not one of its parts.
        aggregate = _aggregate(figure.context)
        related = [(score, fact) for score, fact in related if _aggregate(fact.context) == aggregate]
        # A margin ("won by 41 votes", "a margin of 41 votes") or a net change ("a net loss of 9
        # votes") is worked out from other figures: compared only with its own kind.
        # (Quantities only: "little margin before the March 3 filing date" dates no margin.)
        derived = DERIVED_WORDS.intersection(figure.context) if figure.kind in NUMERIC_KINDS else frozenset()
        related = [(score, fact) for score, fact in related
                   if figure.kind not in NUMERIC_KINDS or DERIVED_WORDS.intersection(fact.context) == derived]
        if figure.kind in NUMERIC_KINDS and related:
            # So is a difference ("9 feet from the tank, 16 feet closer than the permit allows"):
            # compared only with a source's difference, not with either figure it is worked from.
            difference = _a_difference(prose, figure.end)
            related = [(score, fact) for score, fact in related
                       if _a_difference(fact.provenance.text, _end_in(fact)) == difference]
        if figure.kind == "duration" and figure.unit in BARE_UNITS:
            # A span that counts nothing ("for 37 days") is matched on one item fewer than it
            # once was (figurematch.needed) only in the same time unit: "two days" and "two
            # years", "nine hours" and "eleven minutes" are seldom one span misremembered.
            full = p.min_shared.get("duration", 2) + 1
            related = [(score, fact) for score, fact in related
                       if score >= full or _time_word(fact.text) == _time_word(figure.text)]
        if figure.kind == "duration" and related:
            # "Two weeks ago" (from the day of writing), "ten days after the vote" (from
            # another event), "within 60 days" (a deadline), "ten minutes into the set" (from
            # its start), "began 30 minutes late" (from the time set) and "for two years" (a
            # span) measure from different points.
            # (A span and the time between two events compare in the same time unit: "lasted
            # two days" and "three days after the storm", not "two months after" and "two years".)
            # (Not the draft's time after an event of its own sentence against a source's span
            # on no more than the fewest words a match needs: "ends three days later", after a
            # vote, and "a 10-day notice".)
            anchor = _anchor(prose, figure.start, figure.end)
            least = p.min_shared.get("duration", 2)
            related = [(score, fact) for score, fact in related
                       if (theirs := _fact_anchor(fact)) == anchor
                       or not _OWN_POINT & {anchor, theirs} and _time_word(fact.text) == _time_word(figure.text)
                       and (score > least or anchor != "offset")]
            written = _day(draft_date)
            if (anchor == "ago" or anchor == "into" and number_of("duration", figure.value) >= DAY_SECONDS) \
                    and written is not None:
                # "Three weeks into the strike", "two weeks ago": as long as it is on the day of
                # writing; a source written on another day gives another span. (Not "12 minutes
                # into the drill", the time into an event that is over.)
                related = [(score, fact) for score, fact in related
                           if index.source_date(fact.provenance.source) in (None, written)]
        if figure.kind == "month" and related and draft_date and "-" not in figure.value:
            # A month with no year in a dated draft ("the budget is due in April") is one near
            # the draft's year, not a source's month of two years before or after.
            year = int(draft_date[:4])
            related = [(score, fact) for score, fact in related
                       if "-" not in fact.value or abs(int(fact.value.split("-")[0]) - year) <= 1]
        if figure.kind == "duration" and related:
            # A span in another time unit and of another size altogether ("spoke for her two
            # minutes on the appeal" against "may appeal within 60 days") is
            # another span: a slip changes the number or the unit, not both a hundredfold.
            mine = number_of("duration", figure.value)
            related = [(score, fact) for score, fact in related
                       if _time_word(fact.text) == _time_word(figure.text) or not _far_apart(mine, number_of("duration", fact.value))]
        if figure.kind in ("amount", "count") and related:
            # A value a hundredfold from the draft's in other digits ("$7 million" of a fund
            # against the "up to $20,000" each shop may get) is another measure of the
            # thing: a slip changes a digit or the scale word ("$3.2 million" for $3,200), not both.
            mine = number_of(figure.kind, figure.value)
            related = [(score, fact) for score, fact in related
                       if not _far_apart(mine, number_of(fact.kind, fact.value))
                       or _significant(mine) == _significant(number_of(fact.kind, fact.value))]
        if figure.kind == "month" and related:
            # A source month that a date of the same draft sentence falls in is that date's
            # ("staff the ward through May so that ... beginning Feb. 3" against a source's
            # "starting in February"), as with two dates (_claimed_by, below).
            months = {sibling.value.split("-")[-2] for sibling in siblings if sibling.kind == "date" and "-" in sibling.value}
            related = [(score, fact) for score, fact in related if fact.value not in months]
        if figure.kind == "weekday":
            # A source weekday written before a date that the draft's sentence gives ("an opening
            # for Tuesday, April 9") is that date's, compared with it (_weekday_of_date): not the
            # day of the sentence's other event ("On Thursday, the board set an opening for ...").
            taken = {id(fact) for date in siblings if date.kind == "date"
                     for value, facts in index.weekdays_by_date.items() if same_value("date", date.value, value)
                     for fact in facts}
            related = [(score, fact) for score, fact in related if id(fact) not in taken]
            act = _act_before(prose, figure.start)
            if act and related:
                # "was arraigned Friday" against "was indicted Monday": the day of another
                # act of the same story; neither names the other's act.
                related = [(score, fact) for score, fact in related if not _other_act(figure, fact, act)]
        if related:
            related = self._same_people(figure, index, related)
        if not related:
            return None
        # An exact source value says more than a bound: "more than 250,000" agrees with the
        # sources' "more than 212,000", not with their 212,400.
        exact = [(score, fact) for score, fact in related if not getattr(fact, "bound", "")]
        agreeing = [(score, fact) for score, fact in exact or related if self._agree(figure, fact)]
        rate = _rate(prose, figure.end) if agreeing and figure.kind in ("amount", "count") else ""
        if rate and all(_rate(fact.provenance.text, _end_in(fact)) not in ("", rate) for _, fact in agreeing):
            # "$7,500 a day" where every source giving $7,500 says "a week": the figure, per another period.
            return self._per_other_period(figure, rate, agreeing)
        if agreeing:
            return None
        if figure.kind == "duration" and any(self._agree_total(figure, total) for total in _compound_totals(index, related)):
            return None  # ("nearly four hours" where a source's delay was "3 hours and 47 minutes")
        if figure.kind in ECHO_KINDS and index.echoes(p, figure):
            return None
        if figure.kind in ("count", "amount") and self._unit_gives(figure, index):
            return None  # ("a 410-acre ranch" where the rancher's notes give "410 acres total")
        if figure.kind == "count" and figure.bound and figure.unit and index.rounds_to(p, figure):
            return None  # ("more than 63,000 customers" where a source's 63,400 customers rounds to it)
        # Precision first: the same value, near enough the same words, means the sources agree;
        # unless a source sentence far closer to the draft's gives another value ("reopened the
        # bridge to traffic at 9 a.m. Friday" against a Thursday that shares only "bridge").
        strongest = max(score for score, _ in related)
        if figure.kind in ("count", "amount") and figure.unit and strongest <= p.min_shared.get(figure.kind, 2) \
                and index.given_alike(figure, p):
            # A source gives the draft's figure in its very words, with its qualifier ("about
            # 140 acres" in a notes line of other words) or in a clause that shares a word, and
            # another value shares only the fewest words a match needs: the draft reports the
            # first. (Not a bare "12 trucks" turned away, which a fact sheet gives only for
            # another row: "Trucks parked: 12".)
            return None
        if index.confirms(p, figure, strongest - CONFIRM_GAP):
            return None
        if figure.kind == "month" and index.recurring_month(p, figure):
            return None
        if figure.kind in ("count", "duration") and _number_in_clause(figure, [f for score, f in related if score == strongest]):
            return None  # ("7 months" where the source's clause is "in 7 of the 12 months": its other number)
        if figure.kind in ("date", "month") and self._given_with_sibling(figure, siblings, index):
            return None  # ("survey the May-through-August season" where a line says "May through August")
        if figure.kind in ("date", "month") and strongest < 2 * p.min_shared.get(figure.kind, 3) and index.dated(figure):
            # A date or month the sources give for something (a table's "March 3", a witness's
            # "March of 2019"): likely theirs, unless the sentence it contradicts is twice the
            # usual match.
            return None
        # A source value that another figure of the same draft sentence gives is that figure's
        # ("Three of the nine …, one with a burn"; "1,230 left … of roughly 1,400"), unless
        # that figure matches another source figure of the value better ("openings begin in
        # 2031 ... completion by 2032" against a source's two 2032s, one for each).
        # (Years and dates only: counts side by side are parts of one another, "two of the 11".)
        claimed = self._claimed_by(siblings, figure.kind, index) if figure.kind in ("year", "date", "month") else {}
        by_value = {value: items for value, items in self._by_value(related).items()
                    if not any(self._agree(f, fact) and (claimed.get(id(f)) is None or id(fact) in claimed[id(f)])
                               for f in siblings if f.kind == figure.kind for _, fact in items)}
        if not by_value:
            return None
        best_value, support = max(by_value.items(), key=lambda item: (len({f.provenance.source for _, f in item[1]}),
                                                                      sum(s for s, _ in item[1])))
        support.sort(key=lambda item: (bool(getattr(item[1], "bound", "")), -item[0]))
        if figure.kind in NUMERIC_KINDS and any(self._agree(figure, other) and self._near_limit(figure, other)
                                                for _, fact in support for other in index.on_line(fact)
                                                if other.kind == figure.kind and other is not fact and not getattr(other, "bound", "")
                                                and (self.policy.normal(other.unit) == self.policy.normal(figure.unit)
                                                     or len(_significant(number_of(other.kind, other.value) or 0)) >= 2
                                                     or _table_cell(other))):
            # The line told against gives the draft's value too ("the four rooms were booked
            # 2,140 times ... one of them alone accounted for 865 of those"): the draft reports
            # that figure of the line, matched by fewer words than its neighbour. (Not a bound
            # on the line, "as many as 12,000", which allows too much to give any value; and a
            # single digit only of the draft's unit: a table row's "7 (3 late)" gives no "three".)
            # (A limit is given only by a value near it: "for up to 45 days" is not the
            # line's "once a 48-hour deductible period ends".)
            return None
        if figure.kind in ("count", "amount") and len(_significant(number_of(figure.kind, figure.value) or 0)) >= 3 \
                and any(_written_in(prose[figure.number_start:figure.number_end], fact.provenance.text) for _, fact in support):
            # The line told against writes the draft's specific number as another kind of
            # figure ("averaged 3,120 crew hours", a span, against the draft's "an average of 3,120").
            return None
        if figure.kind in ("date", "month") and any(self._agree(figure, other) for _, fact in support
                                                    for other in index.on_line(fact)
                                                    if other.kind == figure.kind and other is not fact):
            # "a hearing in March and a ruling in May 2028": the line told
            # against gives the draft's date too, matched by fewer of its words.
            return None
        sources = sorted({f.provenance.source for _, f in support})
        said = QUALIFIER.get(getattr(support[0][1], "bound", ""), "") + support[0][1].text
        where = "; ".join(f"{_short(f.provenance.source)} line {f.provenance.line}" for _, f in support[:3])
        message = format_message(self.message, (figure.phrase or figure.text, said, where))
        if len(by_value) > 1:
            message += " (the sources disagree: " + ", ".join(
                f"{items[0][1].text} in {len({f.provenance.source for _, f in items})}" for items in by_value.values()) + ")"
        fix = self._fix(figure, said, single=len(by_value) == 1, sources=len(sources))
        start, end = (figure.number_start, figure.number_end) if figure.kind in ("count", "duration", "percent", "amount") \
            else (figure.start, figure.end)
        return self.finding(start, end, message=message, fix=fix,
                            evidence=[Evidence(f.provenance.source, f.provenance.line, f.provenance.text) for _, f in support[:3]])

    def _given_with_sibling(self, figure: Figure, siblings: list[Figure], index: FigureIndex) -> bool:
        """A source line gives the draft's date or month together with another date or month
        of the draft's sentence: the pair is the sources' (a period, an event and its
        deadline), whatever other words the line shares with the sentence. (Not weekdays, nor
        a weekday beside a number: a long line names several days and figures by chance.)"""
        others = [s for s in siblings if s.kind in ("date", "month") and s.value != figure.value]
        for fact in index.with_value(figure.kind, figure.value) if others else ():
            line = index.on_line(fact)
            if any(other.kind == sibling.kind and self._agree(sibling, other) for sibling in others for other in line):
                return True
        return False

    def _same_people(self, figure: Figure, index: FigureIndex,
                     related: list[tuple[int, FigureFact]]) -> list[tuple[int, FigureFact]]:
        """Drop the source figures whose clause names no one but whose line names only other
        people than the draft's clause ("Ann Roe ... faces up to two years" against "Ben Poe,
        44, admitted the theft. He faces up to eight years"): another person's figure."""
        mine = {index.people[w] for w in figure.context if w in index.people}
        if not mine:
            return related
        kept = []
        for score, fact in related:
            if not any(w in index.people for w in fact.context):
                named = index.line_people(fact)
                if named and named.isdisjoint(mine):
                    continue
            kept.append((score, fact))
        return kept

    def _claimed_by(self, siblings: list[Figure], kind: str, index: FigureIndex) -> dict[int, set[int]]:
        """For each sibling of the kind, the source figures it matches best (ids), when those
        agree with it; a sibling with no such match claims whatever value it agrees with."""
        claimed: dict[int, set[int]] = {}
        for sibling in siblings:
            if sibling.kind != kind:
                continue
            own = [(score, fact) for score, fact in index.related(self.policy, sibling) if self._agree(sibling, fact)]
            if own:
                best = max(score for score, _ in own)
                claimed[id(sibling)] = {id(fact) for score, fact in own if score == best}
        return claimed

    def _per_other_period(self, figure: Figure, rate: str, agreeing: list[tuple[int, FigureFact]]) -> Finding:
        facts = [fact for _, fact in sorted(agreeing, key=lambda item: -item[0])]
        said = f"{facts[0].text} {_RATE_WORDS[_rate(facts[0].provenance.text, _end_in(facts[0]))]}"
        where, evidence = _cited(facts)
        message = format_message(self.message, (f"{figure.phrase or figure.text} {_RATE_WORDS[rate]}", said, where))
        return self.finding(figure.number_start, figure.number_end, message=message, evidence=evidence)

    def _transposed(self, figure: Figure, index: FigureIndex) -> Finding | None:
        facts, why, severity = index.transposed(self.policy, figure), "; the digits look transposed", None
        if not facts:  # (one digit off, in a short clause: thinner evidence, a warning)
            facts, why, severity = index.slipped(self.policy, figure), "; one digit differs", "warning"
        if not facts or index.confirms(self.policy, figure):
            return None
        said = facts[0].text
        where, evidence = _cited(facts)
        message = format_message(self.message, (figure.phrase or figure.text, said, where)) + why
        return self.finding(figure.number_start, figure.number_end, message=message, severity=severity,
                            fix=self._fix(figure, said, single=len({f.value for f in facts}) == 1, sources=len(facts)),
                            evidence=evidence)

    def _slip_beside_sibling(self, figure: Figure, index: FigureIndex, siblings: list[Figure]) -> Finding | None:
        """"valued at $62 million and insured for $46 million" where a source line gives the
        sentence's other figure ($62 million) and, beside it and on the same side of it, $48
        million: the line the sentence reports, and the draft's digits are its figure's with
        one changed or two swapped, in however few shared words. The other figure must be
        specific (a date with its day, or two significant digits or more), and the draft's
        value in no source. A warning."""
        p = self.policy
        digits = _slip_digits(figure.kind, figure.value)
        if digits is None or (figure.kind, figure.value) in index.values or figure.bound:
            return None
        lines: dict[tuple[str, int], tuple[FigureFact, bool]] = {}
        for sibling in siblings:
            if not _specific(sibling) or sibling.kind not in index.by_kind:
                continue
            for fact in index.with_value(sibling.kind, sibling.value):
                if not getattr(fact, "bound", ""):
                    lines.setdefault((fact.provenance.source, fact.provenance.line), (fact, sibling.start < figure.start))
        found = []
        for anchor, after in lines.values():
            line = [fact for fact in index.on_line(anchor) if fact.kind == figure.kind]
            if any(self._agree(figure, fact) for fact in line):
                return None
            at = anchor.provenance.text.find(anchor.text)
            for fact in line:
                theirs = _slip_digits(fact.kind, fact.value)
                if fact is anchor or theirs is None or getattr(fact, "bound", "") \
                        or figure.value.partition(" ")[2] != fact.value.partition(" ")[2]:
                    continue
                if (anchor.provenance.text.find(fact.text) > at) != after:
                    continue  # (the sentence keeps the line's order: "a bid of £44 million ... a fee of £48 million")
                if _swapped(digits, theirs) or (_one_digit_apart(digits, theirs) and not _rounds(digits, theirs)):
                    found.append(fact)
        if len({fact.value for fact in found}) != 1 or index.confirms(p, figure):
            return None
        why = "; the digits look transposed" if _swapped(digits, _slip_digits(found[0].kind, found[0].value)) else "; one digit differs"
        said = found[0].text
        where, evidence = _cited(found)
        message = format_message(self.message, (figure.phrase or figure.text, said, where)) + why
        return self.finding(figure.number_start, figure.number_end, message=message, severity="warning",
                            fix=self._fix(figure, said, single=True, sources=len(found)), evidence=evidence)

    def _other_part_of_year(self, figure: Figure, index: FigureIndex, prose: str) -> Finding | None:
        """"a ruling in fall 2031" where the sources, in a clause sharing PART_SHARED items with
        the draft's, expect it in spring 2031: the same year, another part of it. A warning."""
        mine_part = _year_part(prose, figure.start)
        if mine_part is None or figure.kind not in index.by_kind:
            return None
        p = self.policy
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, index.people)
        best, found = 0, []
        for fact, theirs in index.by_kind["year"].sharing(mine, PART_SHARED):
            shared = mine.context & theirs.context
            if fact.value != figure.value or len(shared) < PART_SHARED or shared.isdisjoint(mine.words) \
                    or (mine.persons and theirs.persons and mine.persons.isdisjoint(theirs.persons)):
                continue
            if len(shared) > best:
                best, found = len(shared), []
            if len(shared) == best:
                found.append(fact)
        # (Every place the line writes the year: a fact does not say which one is its own.)
        parts = [part for fact in found for part in _fact_year_parts(fact)]
        thirds = {part[0] if part else None for part in parts}
        if len(thirds) != 1 or None in thirds or mine_part[0] in thirds:
            return None
        said = f"{parts[0][1]}{found[0].text}"
        where, evidence = _cited(found)
        message = format_message(self.message, (f"{mine_part[1]}{figure.text}", said, where))
        return self.finding(figure.start, figure.end, message=message, severity="warning", evidence=evidence)

    def _lone_unit_slip(self, figure: Figure, index: FigureIndex) -> Finding | None:
        """"27 rivets" where the sources give 72 rivets and no other number of rivets: a
        thing the sources count with one value only, and the draft's digits are theirs swapped
        or with one digit changed, or the draft has "70" for their seventeen, however little the
        words around them share. A unit that counts anyone at all ("people") says too little,
        and a source that gives the draft's value in words the draft's clause shares, of
        another noun ("33 of the 47 who answered" for "47 shops that responded"), gives
        the figure. A warning."""
        p = self.policy
        bucket = unit_bucket(p, figure.kind, figure.unit)
        if not bucket or bucket in self.generic_units or index.confirms(p, figure, any_unit=True):
            return None
        facts = index.of_unit(p, figure.kind, bucket)
        if len({fact.value for fact in facts}) != 1 or figure.value.partition(" ")[2] != facts[0].value.partition(" ")[2] \
                or any(self._agree(figure, fact) for fact in facts):
            return None
        digits, theirs = _slip_digits(figure.kind, figure.value), _slip_digits(figure.kind, facts[0].value)
        if _teen_and_ty(figure.value.partition(" ")[0], facts[0].value.partition(" ")[0]):
            why = "; the two sound alike"
        elif digits is None or theirs is None:
            return None
        elif _swapped(digits, theirs):
            why = "; the digits look transposed"
        elif _one_digit_apart(digits, theirs) and not _rounds(digits, theirs):
            why = "; one digit differs"
        else:
            return None
        said = QUALIFIER.get(getattr(facts[0], "bound", ""), "") + facts[0].text
        where, evidence = _cited(facts)
        message = format_message(self.message, (figure.phrase or figure.text, said, where)) + why + \
            ", and the sources count this with no other value"
        return self.finding(figure.number_start, figure.number_end, message=message, severity="warning",
                            fix=self._fix(figure, facts[0].text, single=True, sources=len(facts)), evidence=evidence)

    def _near_date(self, figure: Figure, index: FigureIndex, siblings: list[Figure]) -> Finding | None:
        """A date no source gives, in a clause that shares an ordinary word with a source date
        of the same month ("the ferry resumes on June 19" against "service resumes June
        9") or of the same day of a neighbouring month ("takes effect March 1" against "takes
        effect April 1"): a day or a month misremembered, in a clause too short to match otherwise.
        The closest such date must be one date; a warning, since the draft may give another
        event's day."""
        if index.dated(figure) or index.on_a_named_weekday(figure):
            return None
        mine_parts = figure.value.split("-")
        if len(mine_parts) < 2:
            return None
        p = self.policy
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, index.people)
        taken = [s.value for s in siblings if s.kind == "date"]
        best, found = 0, []
        for fact, theirs in index.by_kind["date"].facts:
            if not _near_day(mine_parts, fact.value.split("-")) or any(same_value("date", v, fact.value) for v in taken):
                continue  # (a source date that another date of the sentence gives is that date's)
            shared = mine.context & theirs.context
            if not any(w.isalpha() and len(w) >= 4 for w in shared & mine.words) \
                    or (mine.persons and theirs.persons and mine.persons.isdisjoint(theirs.persons)) \
                    or needed(p, "date", figure.unit, fact.unit) is None \
                    or anchors_disagree(*((_no_weekday(mine.anchors), _no_weekday(theirs.anchors)) if _within_week(mine_parts, fact.value)
                                          else (mine.anchors, theirs.anchors))):
                continue
            if len(shared) > best:
                best, found = len(shared), []
            if len(shared) == best:
                found.append(fact)
        if not found or any(not same_value("date", found[0].value, f.value) for f in found):
            return None
        said = found[0].text
        where, evidence = _cited(found)
        message = format_message(self.message, (figure.text, said, where)) + "; no source gives " + figure.text
        return self.finding(figure.start, figure.end, message=message, severity="warning", fix=Fix(said, safe=False),
                            evidence=evidence)

    def _other_vote(self, figure: Figure, index: FigureIndex) -> Finding | None:
        """A vote the sources never give, by as many voters as a vote they do give ("passed 10-3"
        where they give 9-4): the same body, its tally misremembered, though the words around
        the two share too little to match. A warning: the draft may report another vote."""
        mine = _tally(figure.value)
        if mine is None or stem(figure.unit) not in VOTE_UNITS:
            return None
        pairs, votes = index.written_tallies()
        if mine in pairs or mine[::-1] in pairs:
            return None
        p = self.policy
        key_mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, index.people)
        same_body = []
        for fact, theirs in index.by_kind["tally"].facts if "tally" in index.by_kind else ():
            tally = _tally(fact.value)
            if tally is None or not _same_voters(tally, mine) or stem(fact.unit) not in VOTE_UNITS \
                    or anchors_disagree(key_mine.anchors, theirs.anchors) \
                    or (key_mine.persons and theirs.persons and key_mine.persons.isdisjoint(theirs.persons)):
                continue
            same_body.append((len(key_mine.context & theirs.context), fact.text, fact.provenance))
        if not same_body:  # votes written in words only ("the motion carries, eight to one")
            same_body = [(len(key_mine.context.intersection(_items(provenance.text))), f"{a}-{b}", provenance)
                         for (a, b), provenance in votes if _same_voters((a, b), mine)]
        if not same_body:
            return None
        best = max(shared for shared, _, _ in same_body)
        found = [(text, where) for shared, text, where in same_body if shared == best]
        values = list(dict.fromkeys(text for text, _ in found))
        said = " or ".join(values)
        where = "; ".join(f"{_short(w.source)} line {w.line}" for _, w in found[:3])
        message = format_message(self.message, (figure.text, said, where)) + \
            "; the sources give no vote of " + figure.text
        return self.finding(figure.start, figure.end, message=message, severity="warning",
                            fix=Fix(values[0], safe=False) if len(values) == 1 else None,
                            evidence=[Evidence(w.source, w.line, w.text) for _, w in found[:3]])

    def _weekday_of_date(self, figure: Figure, dates: dict[int, Figure], index: FigureIndex,
                         context: CheckContext) -> Finding | None:
        """"Wednesday, May 7" where the sources write "Thursday, May 7": a date falls on one
        weekday, whatever the words around it."""
        text = context.document.text
        gap = len(text[figure.end:figure.end + 3]) - len(text[figure.end:figure.end + 3].lstrip(", "))
        date = dates.get(figure.end + gap) if gap else None
        if date is None:
            return None
        found = _calendar_weekday(date.value, context.draft_date)
        if found is not None and found[0] != figure.value:
            # "Friday, March 3" in a draft dated 2027: that day is a Wednesday, whatever the sources say.
            weekday, year = found
            message = f"'{figure.text}, {date.text}': {date.text}, {year}, is a {weekday.capitalize()}"
            return self.finding(figure.start, date.end, message=message)
        said: dict[str, list[FigureFact]] = defaultdict(list)
        for fact in index.weekdays_by_date.get(date.value, ()):
            said[fact.value].append(fact)
        if len(said) != 1 or figure.value in said:
            return None  # the sources do not write this date with a weekday, or disagree
        facts = next(iter(said.values()))
        where, evidence = _cited(facts)
        message = format_message(self.message, (figure.text, f"{facts[0].text} for {date.text}", where))
        return self.finding(figure.start, figure.end, message=message, fix=Fix(facts[0].text, safe=False), evidence=evidence)

    def _by_value(self, related: list[tuple[int, FigureFact]]) -> dict[str, list[tuple[int, FigureFact]]]:
        """The matching source figures by value; a bound or approximate value that an exact one
        satisfies joins it ("more than 3,000" and "3,180" do not disagree)."""
        by_value: dict[str, list[tuple[int, FigureFact]]] = defaultdict(list)
        for score, fact in related:
            by_value[fact.value].append((score, fact))
        exact = [v for v, items in by_value.items() if not any(getattr(f, "bound", "") for _, f in items)]
        for value in [v for v in by_value if v not in exact]:
            bound = next(getattr(f, "bound", "") for _, f in by_value[value] if getattr(f, "bound", ""))
            home = next((e for e in exact if consistent(by_value[value][0][1].kind, value, bound, e, "", self.policy.approximate)), None)
            if home is not None:
                by_value[home].extend(by_value.pop(value))
        return by_value

    def _unit_gives(self, figure: Figure, index: FigureIndex) -> bool:
        """A source gives the draft's exact value of the same unit noun (not one that counts
        anyone at all), a number no coincidence gives (100 or more, two significant digits or
        more), about no other person: the draft reports that figure, however few words its
        line shares with the draft's clause (a notes line's "410 acres total")."""
        p = self.policy
        bucket = unit_bucket(p, figure.kind, figure.unit)
        number = number_of(figure.kind, figure.value)
        if not bucket or bucket in self.generic_units or figure.bound or number is None or number < 100 \
                or len(_significant(number)) < 2:
            return False
        mine = {index.people[w] for w in figure.context if w in index.people}
        for fact in index.of_unit(p, figure.kind, bucket):
            if getattr(fact, "bound", "") or not same_value(figure.kind, figure.value, fact.value):
                continue
            theirs = {index.people[w] for w in fact.context if w in index.people}
            if not (mine and theirs and mine.isdisjoint(theirs)):
                return True
        return False

    def _agree_total(self, figure: Figure, total: str) -> bool:
        return consistent("duration", figure.value, figure.bound, total, "", self.policy.approximate)

    def _agree(self, figure: Figure, fact: FigureFact) -> bool:
        if figure.kind in ("count", "amount", "percent") and figure.bound == getattr(fact, "bound", "") == "more":
            # Two floors of one quantity ("moved more than 80 miles away" and "more than 50
            # miles"): the floor is what each reports, so they agree only when near each other
            # (as spans already do, figurematch.consistent).
            gap = _relative_gap(figure, fact)
            if gap is not None and comparable(figure.kind, figure.value, fact.value) and gap > self.policy.approximate:
                return False
        return consistent(figure.kind, figure.value, figure.bound, fact.value, getattr(fact, "bound", ""),
                          self.policy.approximate) or _rounded_in_scale(figure, fact)

    def _near_limit(self, figure: Figure, fact: FigureFact) -> bool:
        """A draft's limit ("more than", "up to") and a source value near it, within the
        policy's approximation; any value for a figure with no such bound."""
        if figure.bound not in ("more", "less"):
            return True
        gap = _relative_gap(figure, fact)
        return gap is not None and gap <= self.policy.approximate

    def _fix(self, figure: Figure, said: str, single: bool, sources: int) -> Fix | None:
        """The source's figure in place of the draft's, when all matching sources agree."""
        if not single:
            return None
        if figure.kind in ("date", "month", "year", "weekday", "time"):
            replacement = said
        else:
            replacement = number_text(figure.kind, said)
            if not replacement:
                return None
            if replacement[:1].isalpha() and figure.text[:1].isupper():
                replacement = replacement.capitalize()
        # 0 means never safe: the figure is offered, applied only with --unsafe-fixes.
        return Fix(replacement, safe=0 < self.safe_fix_sources <= sources)


# The period a rate is given per: "$7,500 a week", "30 samples a day", "paid annually".
_RATE = regexcache.compile(r"(?:\s+[\p{L}-]+){0,2}?\s+(?:(?:a|an|per|each|every)\s+(?P<per>hour|day|week|month|year)\b"
                      r"|(?P<adverb>hourly|daily|weekly|monthly|annually|yearly)\b)", regex.IGNORECASE)
_ADVERB_PERIOD = WordTable({"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"})
_RATE_WORDS = {"hour": "an hour", "day": "a day", "week": "a week", "month": "a month", "year": "a year"}


def _rate(text: str, end: int) -> str:
    """The period a figure ending at `end` is given per, "" when none."""
    if end < 0:
        return ""
    found = _RATE.match(text, end, end + 40)
    if found is None:
        return ""
    return (found.group("per") or _ADVERB_PERIOD[found.group("adverb").casefold()]).casefold()


# The past-tense verb right before a weekday ("arraigned Friday", "resigned abruptly late Monday").
_ACT_BEFORE = regexcache.compile(r"\b(\p{Ll}{3,}ed)(?:\s+\p{Ll}+)?\s+(?:(?:on|late|early|last)\s+)?$")
_WORDS = regexcache.compile(r"\p{L}+")
_NAME_WORDS = regexcache.compile(r"\b\p{Lu}[\p{L}'’-]+")


def _act_before(text: str, start: int) -> str:
    """The stem of the act a weekday dates, "" when no past-tense verb comes right before it."""
    found = _ACT_BEFORE.search(text, max(0, start - 40), start)
    return stem(found.group(1)) if found else ""


def _other_act(figure: Figure, fact: FigureFact, act: str) -> bool:
    """The source weekday dates another act than the draft's: its line names the draft's act
    in no form ("arraigned", "arraignment"), and the draft's clause does not name the act before
    the source's weekday."""
    text = fact.provenance.text
    if any(stem(word).startswith(act[:5]) for word in _WORDS.findall(text)):
        return False
    at = text.find(fact.text)
    theirs = _act_before(text, at) if at >= 0 else ""
    return bool(theirs) and not any(item.startswith(theirs[:5]) for item in figure.context)


# The word that joins the parts of one span: "2 hours and 47 minutes", "two years, three months".
_COMPOUND_JOIN = regexcache.compile(r"\s*(?:,\s*|\s+)(?:and\s+)?$")


def _compound_totals(index: FigureIndex, related: list[tuple[int, FigureFact]]) -> list[str]:
    """The spans the related source durations are parts of, as one value: "2 hours and 47
    minutes" is 10,020 seconds, not a 47-minute span beside a two-hour one. The parts are
    durations of the same line, the larger unit first, joined by "and" or a comma."""
    totals = []
    for _, fact in related:
        if fact.kind != "duration" or getattr(fact, "bound", ""):
            continue
        text = fact.provenance.text
        for other in index.on_line(fact):
            if other.kind != "duration" or other is fact or getattr(other, "bound", ""):
                continue
            for a, b in ((other, fact), (fact, other)):
                at = text.find(a.text)
                after = text.find(b.text, at + len(a.text)) if at >= 0 else -1
                if after < 0 or after - at - len(a.text) > 6 or _COMPOUND_JOIN.fullmatch(text[at + len(a.text):after]) is None:
                    continue
                big, small = number_of("duration", a.value), number_of("duration", b.value)
                if big and small and _unit_seconds(a) > _unit_seconds(b) and small < _unit_seconds(a):
                    totals.append(f"{_fmt(big + small)}s")
    return totals


def _unit_seconds(fact: FigureFact) -> float:
    """The seconds of the time unit a duration is written in ("47 minutes": 60)."""
    units = lexicon().time_units
    word = fact.text.split()[-1].rsplit("-", 1)[-1].casefold() if fact.text.strip() else ""
    return units.get(word) or units.get(word.removesuffix("s")) or 0


# What a span of time is counted from: "ago" the day of writing, "after" (and the like)
# another event, "within" a deadline, "into" the start of what is under way ("eleven minutes
# into the set"), "late" a time set in advance ("began 30 minutes late"); none of these, a
# span ("for three years", "a stretch of 32 days before").
_ANCHOR = regexcache.compile(r"\s+(ago|after|later|earlier|into|(?:late|early)(?=\s*[.,;:)]|\s+(?:and|but|because|to|for|than)\b)"
                             r"|behind(?=\s+schedule)|ahead(?=\s+of\s+schedule))\b", regex.IGNORECASE)  # (not "early that Tuesday")
_ANCHOR_KINDS = {"ago": "ago", "into": "into", "late": "late", "early": "late", "behind": "late", "ahead": "late"}
_WITHIN = regexcache.compile(r"\bwithin\s+(?:the\s+next\s+)?$", regex.IGNORECASE)
# Anchors whose spans compare only with spans of the same anchor.
_OWN_POINT = frozenset({"ago", "within", "into", "late"})
DAY_SECONDS = 86400


def _anchor(text: str, start: int, end: int) -> str:
    """"ago", "offset", "within", "into", "late" or "" for the span of time at text[start:end]."""
    if end < 0:
        return ""
    if _WITHIN.search(text[max(0, start - 20):start]):
        return "within"
    found = _ANCHOR.match(text, end)
    if found is None:
        return ""
    return _ANCHOR_KINDS.get(found.group(1).casefold(), "offset")


def _fact_anchor(fact: FigureFact) -> str:
    """_anchor of a source figure, in its provenance line."""
    end = _end_in(fact)
    return _anchor(fact.provenance.text, end - len(fact.text), end)


def _end_in(fact: FigureFact) -> int:
    """Where the source figure's text ends in its provenance line (-1 when not found)."""
    at = fact.provenance.text.find(fact.text)
    return at + len(fact.text) if at >= 0 else -1


def _names_corrected(context: CheckContext, figures: list[Figure]) -> list[Figure]:
    """The figures with a misspelt name of someone the sources know written in their context as
    the sources write it ("about 90 acres of Petersen's" for Peterson's): the name check reports
    the slip; the figure is still that person's, and matched as theirs."""
    from newslint.registry.resolve import MISSES, draft_names  # (names are resolved once per draft, shared)

    names = draft_names(context)
    right: dict[str, str] = {}
    for resolution in names.resolutions():
        entity, words = resolution.entity, resolution.mention.words
        if resolution.how not in MISSES or entity.kind != "person" or not entity.surname:
            continue
        right[words[-1]] = entity.surname
        if len(words) > 1 and entity.given:
            right[words[0]] = entity.given
    right = {written: known for written, known in right.items() if written != known}
    if not right:
        return figures
    return [replace(f, context=tuple(right.get(item, item) for item in f.context))
            if not right.keys().isdisjoint(f.context) else f for f in figures]


def _strangers_only(context: CheckContext) -> set[int]:
    """The starts of sentences that name someone the sources do not know (a full name with an
    age or a description, a title or an honorific) and no one they know, or that open with
    such a stranger as their subject ("The Rev. Ann Roe, whose lot now hosts Poe's truck, said
    …": Poe is only in her description): their figures are that person's story."""
    from newslint.registry.resolve import draft_names  # (names are resolved once per draft, shared)

    names = draft_names(context)
    prose = context.document.prose
    known: set[int] = set()
    unknown: set[int] = set()
    opening: set[int] = set()
    for mention in names.mentions:
        if mention.kind != "person" or mention.quoted:
            continue
        sentence = context.document.sentence_at(mention.start)
        if sentence is None:
            continue
        if names.resolve(mention) is not None:
            known.add(sentence.start)
        elif len(mention.words) > 1 and (mention.evidence & {"described", "honorific"} or mention.title is not None):
            unknown.add(sentence.start)  # ("Ann Roe, 61, who ...", "Dr. Ann Roe", "Ann Roe, a farmer")
            if sentence.start not in known and _OPENING_TITLE.fullmatch(prose, sentence.start, mention.start):
                opening.add(sentence.start)
    return (unknown - known) | opening


# What may come before the name that opens a sentence: a title or honorific ("The Rev.", "Dr.").
_OPENING_TITLE = regexcache.compile(r"[\s\"“*_]*(?:(?:The|the)\s+)?(?:\p{Lu}[\p{L}.]*\s+){0,2}")


def _rounded_in_scale(figure: Figure, fact: FigureFact) -> bool:
    """"$23.6 million" for the sources' $23.58 million: the other figure rounds to this one's
    last digit."""
    if figure.kind not in ("amount", "count") or not comparable(figure.kind, figure.value, fact.value):
        return False
    mine, theirs = number_of(figure.kind, figure.value), number_of(fact.kind, fact.value)
    if mine is None or theirs is None or mine == theirs:
        return False
    if mine.is_integer() and not theirs.is_integer() and abs(theirs) >= 10 and round(theirs) == mine:
        return True  # "64 degrees" for the sources' 63.8 degrees: the whole number it rounds to
    # The coarser of the two, to its own last digit: 23,600,000 to the hundred thousand; given
    # with a decimal before its scale word ("23.6 million"), not as a round number ("$730
    # million" is no rounding of $733.2 million, "$3 million" none of $4 million).
    (coarse, text), fine = ((mine, figure.text), theirs) if rounding(mine) > rounding(theirs) else ((theirs, fact.text), mine)
    if not _DECIMAL_SCALED.search(text):
        return False
    step = rounding(coarse)
    return step > 1 and abs(fine - coarse) <= step / 2


_DECIMAL_SCALED = regexcache.compile(r"\d\.\d+\s*(?:thousand|million|billion|trillion|bn|mln|[mkb])\b", regex.IGNORECASE)


def _number_in_clause(figure: Figure, facts: list[FigureFact]) -> bool:
    """The draft figure's number is the part of one of these source figures, as the source
    writes it ("7 of the 12 months" for a draft's "7 months"): the draft gives that one."""
    digits = _leading_digits(figure.text)
    if digits is None:
        return False
    for fact in facts:
        whole = _leading_digits(fact.text)
        if whole is not None and regex.search(rf"(?<![\d,.]){digits}\s+of\s+(?:the\s+|its\s+|their\s+)?{whole}\b",
                                              fact.provenance.text.replace(",", "")):
            return True
    return False


def _leading_digits(text: str) -> str | None:
    """The number a figure's text opens with, as digits ("7", "Seven" -> "7"); None if none."""
    first = text.split()[0].replace(",", "") if text.split() else ""
    if first.isdigit():
        return first
    number = parse_number(first.casefold())
    return str(int(number)) if number is not None and float(number).is_integer() else None


def _day(draft_date: str | None) -> datetime.date | None:
    """The draft's date (front matter's, as "2027-03-03…"), None when it has none or no such day."""
    try:
        return datetime.date.fromisoformat(str(draft_date)[:10]) if draft_date else None
    except ValueError:
        return None


def _calendar_weekday(value: str, draft_date: str | None) -> tuple[str, int] | None:
    """The weekday a date ("2027-03-03", or "03-03" in the year around the draft's date) falls
    on, and its year; None when the year is not known or the date does not exist."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            year, month, day = map(int, parts)
            return _WEEKDAYS[datetime.date(year, month, day).weekday()], year
        if len(parts) != 2 or not draft_date:
            return None
        dated = datetime.date.fromisoformat(draft_date[:10])
        month, day = map(int, parts)
        # The year that puts the date nearest the draft's ("Dec. 30" in a draft of Jan. 2).
        candidates = []
        for year in (dated.year - 1, dated.year, dated.year + 1):
            try:
                candidates.append(datetime.date(year, month, day))
            except ValueError:
                continue
        if not candidates:
            return None
        nearest = min(candidates, key=lambda d: abs((d - dated).days))
        return _WEEKDAYS[nearest.weekday()], nearest.year
    except ValueError:
        return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# The units of a tally that is a vote ("voted 9-4", "a 2-1 decision"), not a score.
VOTE_UNITS = frozenset(stem(w) for w in ("vote", "decision", "ruling", "verdict", "ballot", "margin", "tally"))


def _tally(value: str) -> tuple[int, int] | None:
    left, _, right = value.partition("-")
    return (int(left), int(right)) if left.isdigit() and right.isdigit() else None


def _given_vote(figure: Figure, index: FigureIndex) -> bool:
    """The draft's vote tally is one the sources write in words only, after a vote's word
    ("the motion carries, four to one"), in either order: no source figure holds it, so the
    draft's vote is not compared with another vote the sources write in digits."""
    mine = _tally(figure.value)
    return mine is not None and stem(figure.unit) in VOTE_UNITS \
        and not index.with_value("tally", figure.value) and not index.with_value("tally", f"{mine[1]}-{mine[0]}") \
        and any(pair in (mine, mine[::-1]) for pair, _ in index.written_tallies()[1])


def _same_voters(theirs: tuple[int, int], mine: tuple[int, int]) -> bool:
    """Two tallies that may be one vote misremembered: as many voters, or one more or fewer
    with the same smaller side ("4-1" for "three to one": the lone dissent kept, a member
    added or dropped)."""
    return sum(theirs) == sum(mine) or abs(sum(theirs) - sum(mine)) == 1 and min(theirs) == min(mine)


# Two small numbers joined as a tally or a range: "9-4", "9 to 4", "eight to one".
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_PAIR_ITEM = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_NONE_WORDS = ("nothing", "none")  # a tally's second side only: "the motion carries four to nothing"
_PAIR_SECOND = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS + _NONE_WORDS) + r")"
_WRITTEN_PAIR = regexcache.compile(rf"(?<![\w.,])" + _PAIR_ITEM + r"\s*(?:-|–|\s+to\s+)\s*" + _PAIR_SECOND + r"(?![\w])",
                                   regex.IGNORECASE)


# An ordinal in words or digits ("seventh", "28th"), and the words after it.
_ORDINAL_WORDS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                  "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                  "nineteenth", "twentieth")
_ORDINAL = regexcache.compile(r"(?<![\w.,\-])(?:(\d{1,6})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b"
                              r"((?:[ \t]+[\p{Ll}\-]+){1,3})", regex.IGNORECASE)
_SENTENCE_END = regexcache.compile(r"[.!?](?=\s)|\n")
# A count's unit and the word for one of it: "seven people" against "a seventh person".
_PERSON_UNITS = {"person": "people", "persons": "people"}


def _source_ordinals(registry) -> dict[int, list[tuple[frozenset[str], frozenset[str]]]]:
    """The ordinals the sources' texts write before a noun ("a seventh person died", "its 28th
    daily newspaper"; not a date's "May 28th"), by number: (the nouns among the next three
    words, as units are written; the sentence's items)."""
    texts = registry.extra.get(SOURCE_TEXT) or {}
    documents = texts.values() if texts else {f.provenance.text for f in registry.figures}
    found: dict[int, list[tuple[frozenset[str], frozenset[str]]]] = defaultdict(list)
    for text in documents:
        for match in _ORDINAL.finditer(text):
            if _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None:
                continue
            number = int(match.group(1)) if match.group(1) else _ORDINAL_WORDS.index(match.group(2).casefold()) + 2
            nouns = frozenset(_PERSON_UNITS.get(w, stem(w)) for w in match.group(3).casefold().split())
            starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, match.start() - 400), match.start())]
            end = _SENTENCE_END.search(text, match.end())
            sentence = text[starts[-1] if starts else max(0, match.start() - 400):end.start() if end else len(text)]
            found[number].append((nouns, frozenset(_items(sentence))))
    return found


# The lines of a source's heading, where its own date is written; a court or meeting caption
# runs longer, and its date has a line of its own that opens with the weekday.
HEADING_LINES = 6
CAPTION_LINES = 15


def _in_heading(fact: FigureFact) -> bool:
    """The date is written where a source dates itself: in its first lines, or lower in a
    caption on a short line of its own that opens with its weekday ("Thursday, May 7, 2026,
    1:30 p.m., Courtroom 4")."""
    line = fact.provenance.line
    if line <= HEADING_LINES:
        return True
    text = fact.provenance.text.strip()
    return line <= CAPTION_LINES and len(text) <= 80 and text.split(",", 1)[0].casefold() in _WEEKDAYS


def _source_days(registry) -> dict[str, list[tuple[str, datetime.date]]]:
    """The sources and the first full date (with its year) in their heading, by its weekday."""
    first: dict[str, FigureFact] = {}
    for fact in registry.figures:
        if fact.kind == "date" and fact.value.count("-") == 2 and _in_heading(fact):
            held = first.get(fact.provenance.source)
            if held is None or fact.provenance.line < held.provenance.line:
                first[fact.provenance.source] = fact
    days: dict[str, list[tuple[str, datetime.date]]] = defaultdict(list)
    for source, fact in first.items():
        try:
            day = datetime.date.fromisoformat(fact.value)
        except ValueError:
            continue
        days[_WEEKDAYS[day.weekday()]].append((source, day))
    return days


def _weekday_dates(registry) -> frozenset[datetime.date]:
    """Each day within six days either side of a dated source's own date (_source_days) that
    falls on a weekday the source names."""
    named: dict[str, set[str]] = defaultdict(set)
    for fact in registry.figures:
        if fact.kind == "weekday":
            named[fact.provenance.source].add(fact.value)
    found = set()
    for days in _source_days(registry).values():
        for source, dated in days:
            for offset in range(-6, 7):
                day = dated + datetime.timedelta(days=offset)
                if _WEEKDAYS[day.weekday()] in named[source]:
                    found.add(day)
    return frozenset(found)


# A day named relative to the day a source is dated: how many days after it.
_RELATIVE_DAY = regexcache.compile(r"\b(today|yesterday|tomorrow)\b", regex.IGNORECASE)
_RELATIVE_OFFSET = {"today": 0, "yesterday": -1, "tomorrow": 1}
_SENTENCE_END = regexcache.compile(r"[.!?](?=\s|$)")


def _relative_days(registry) -> list[tuple[datetime.date, frozenset[str], Provenance]]:
    """Each "today", "yesterday" and "tomorrow" of a source whose heading is dated
    (_source_days): the day it names, the items of its sentence (_items) and its line."""
    texts = registry.extra.get(SOURCE_TEXT) or {}
    found = []
    for days in _source_days(registry).values():
        for source, dated in days:
            text = texts.get(source)
            if not text or _RELATIVE_DAY.search(text) is None:
                continue
            for number, line in enumerate(text.split("\n"), start=1):
                for match in _RELATIVE_DAY.finditer(line):
                    ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, match.start())]
                    after = _SENTENCE_END.search(line, match.end())
                    sentence = line[ends[-1] if ends else 0:after.end() if after else len(line)]
                    day = dated + datetime.timedelta(days=_RELATIVE_OFFSET[match.group(1).casefold()])
                    found.append((day, frozenset(_items(sentence)), Provenance(source, number, line)))
    return found


_MONTH_BEFORE = regexcache.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\p{L}*\.?\s+$")


# A vote's word right before its tally: "the motion carries, eight to one".
_VOTE_BEFORE = regexcache.compile(r"\b(?:pass|passes|passed|vote|votes|voted|approved|adopted|carried|carries|failed|fails"
                                  r"|rejected|defeated|ruled|ruling)\W{1,3}$", regex.IGNORECASE)


def _items(text: str) -> set[str]:
    """A line's words as figure contexts hold them: names as written, other words stemmed."""
    return {word if word[:1].isupper() else stem(word) for word in _WORDS.findall(text)}


def _written_tallies(registry) -> tuple:
    """FigureIndex.written_tallies, from the sources' texts (or their figures' lines, when the
    texts are not kept)."""
    texts = registry.extra.get(SOURCE_TEXT) or {}
    documents = texts.items() if texts else {(f.provenance.source, f.provenance.text) for f in registry.figures}
    words = WordTable({w: n for n, w in enumerate(_NUMBER_WORDS)} | dict.fromkeys(_NONE_WORDS, 0))  # read with case-insensitive matches
    pairs, votes = set(), []
    for source, text in documents:
        for match in _WRITTEN_PAIR.finditer(text):
            pair = tuple(int(x) if x.isdigit() else words[x.casefold()] for x in match.groups())
            pairs.add(pair)
            if texts and _VOTE_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None:
                first = text.rfind("\n", 0, match.start()) + 1
                last = text.find("\n", match.end())
                line = Provenance(source, text.count("\n", 0, match.start()) + 1,
                                  text[first:last if last >= 0 else len(text)].strip())
                votes.append((pair, line))
    return frozenset(pairs), votes


def _written_before(weekday: FigureFact, date: FigureFact) -> bool:
    """The source writes the weekday right before the date ("Thursday, May 7")."""
    pattern = regex.escape(weekday.text) + r",?\s+" + regex.escape(date.text)
    return regexcache.compile(pattern).search(weekday.provenance.text) is not None  # (kept: see regexcache)


def _table_cell(fact: FigureFact) -> bool:
    """The source figure is a whole cell of a table row ("| 30 beds | 6 | Adults |"): its
    column, not a noun beside it, says what it counts, so any draft unit may be its."""
    line = fact.provenance.text.strip()
    return line.startswith("|") and fact.text in (cell.strip() for cell in line.split("|")[1:-1])


def _a_difference(text: str, end: int) -> bool:
    """The figure ending at `end` (-1: not found in `text`) is a difference (_DIFFERENCE)."""
    return end >= 0 and _DIFFERENCE.match(text, end) is not None


def _aggregate(context: tuple[str, ...]) -> bool:
    """The figure's clause says it is a total of several things ("combined", "in all")."""
    return TOTAL in context


def _cited(facts: list[FigureFact]) -> tuple[str, list[Evidence]]:
    """Where a message says the sources give a figure ("a.txt line 3; b.md line 9"), and the
    evidence lines: the first three facts."""
    shown = facts[:3]
    where = "; ".join(f"{_short(f.provenance.source)} line {f.provenance.line}" for f in shown)
    return where, [Evidence(f.provenance.source, f.provenance.line, f.provenance.text) for f in shown]


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


RULE_KINDS = {"figures": FiguresRule}
