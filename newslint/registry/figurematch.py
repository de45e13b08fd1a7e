"""When two figures speak of the same thing: same kind and unit, and enough shared context
(words and names around them); about the same people, and the same event (the dates of their
clauses agree). And when two values contradict each other: a bound ("more than 212,000") or an
approximation ("about 90 minutes") does not contradict a value it allows. Used for the
registry's conflicts and by the figure check."""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newslint.datafiles import data_file
from newslint.registry.wording import stem

UNIT_KINDS = frozenset({"count", "duration", "percent", "amount"})
# Units that say nothing counted or measured: none, or a duration's "gap" between two events.
BARE_UNITS = frozenset({"", "gap"})
NUMERIC_KINDS = frozenset({"count", "duration", "percent", "amount"})


@dataclass(eq=False, repr=False)
class Policy:
    """The settings of figure matching: shared context words, synonyms and penalties."""

    min_shared: dict[str, int] = field(default_factory=dict)
    min_words: int = 1
    synonyms: dict[str, str] = field(default_factory=dict)  # stem -> group head
    min_words_by_kind: dict[str, int] = field(default_factory=dict)
    anchor_penalty: int = 2
    person_penalty: int = 1
    approximate: float = 0.1

    def normal(self, item: str) -> str:
        return item if item[:1].isupper() else self.synonyms.get(item, item)


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """numbers.yaml's policy, one object per process (indexes built under it are kept by it)."""
    return policy()


def policy(overrides: dict[str, Any] | None = None) -> Policy:
    """The matching policy of numbers.yaml, with a rule's own keys on top."""
    base = _default()
    overrides = overrides or {}
    min_shared = dict(base["min_shared"])
    min_shared.update(overrides.get("min_shared") or {})
    groups = list(base["synonyms"]) + list(overrides.get("synonyms") or [])
    synonyms: dict[str, str] = {}
    for group in groups:
        head = stem(str(group[0]))
        for word in group:
            synonyms.setdefault(stem(str(word)), head)
    by_kind = dict(base.get("min_words_by_kind") or {})
    return Policy({str(k): int(v) for k, v in min_shared.items()},
                  int(overrides.get("min_words", base["min_words"])), synonyms,
                  {str(k): int(v) for k, v in by_kind.items()},
                  int(overrides.get("anchor_penalty", base.get("anchor_penalty", 2))),
                  int(overrides.get("person_penalty", base.get("person_penalty", 1))),
                  _approximate())


@dataclass(unsafe_hash=True, repr=False)  # hashed and compared, never changed after it is made: unsafe_hash, not frozen (which compiles __setattr__, __delattr__ and a longer __init__ at import)
class Key:
    """What a figure is about, prepared once for many comparisons: its kind and unit, its
    context with synonyms folded, the people it names and the dates of its clause."""

    kind: str
    unit: str
    context: frozenset[str]
    persons: frozenset[str] = frozenset()
    anchors: tuple[str, ...] = ()
    # Derived once from the above for matches(): the context's ordinary (lowercase) words,
    # and the days the clause is dated to.
    words: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()


def key(p: Policy, kind: str, unit: str, context: tuple[str, ...], anchors: tuple[str, ...] = (),
        people: dict[str, str] | None = None) -> Key:
    """`people` maps a name word ("Ibekwe", "Ada") to the one person it names."""
    persons = frozenset(people[x] for x in context if people and x in people)
    folded = normalised(p, context)
    anchors = tuple(anchors)
    return Key(kind, unit, folded, persons, anchors, frozenset(w for w in folded if not w[:1].isupper()),
               frozenset(x[1:] for x in anchors if x[1:].startswith("date:")))


def person_words(registry) -> dict[str, str]:
    """Name words of the registry's people, each to its person (words two people share are left
    out: they do not say which one)."""
    seen: dict[str, set[str]] = {}
    for person in registry.people:
        for form in {person.canonical, *person.right_forms(), *(v.form for v in person.variants)}:
            for word in form.replace("’", "'").split():
                if word[:1].isupper() and len(word) > 1 and not word.endswith("."):
                    seen.setdefault(word, set()).add(person.canonical)
    return {word: next(iter(people)) for word, people in seen.items() if len(people) == 1}


def _data() -> dict:
    return data_file("numbers.yaml")


def _default() -> dict:
    return _data()["matching"]


def _approximate() -> float:
    return float(_data().get("approximate", 0.1))


def same_value(kind: str, a: str, b: str) -> bool:
    """Equal values; a date or month without a year matches one with a year, not one with
    another year ("May 2024" is not "May 2023")."""
    if a == b:
        return True
    if kind in ("date", "month"):
        size = 2 if kind == "date" else 1
        left, right = a.split("-"), b.split("-")
        if len(left) > size and len(right) > size:
            return False  # both have a year, and the values differ
        return left[-size:] == right[-size:]
    return False


def number_of(kind: str, value: str) -> float | None:
    """The number in a normalised value ("48000000 pound" → 48e6, "5400s" → 5400)."""
    if kind not in NUMERIC_KINDS:
        return None
    try:
        return float(value.split(" ")[0].rstrip("s%"))
    except ValueError:
        return None


def interval(kind: str, value: str, bound: str, approximate: float = 0.1) -> tuple[float, float] | None:
    """The values a figure allows: [v, v] exact, [v, ∞) "more than", (−∞, v] "up to",
    v ± approximate "about", [v − approximate·v, v] "nearly"."""
    number = number_of(kind, value)
    if number is None:
        return None
    slack = abs(number) * approximate
    return {"more": (number, float("inf")), "less": (float("-inf"), number),
            "about": (number - slack, number + slack), "nearly": (number - slack, number)}.get(bound, (number, number))


def consistent(kind: str, a: str, a_bound: str, b: str, b_bound: str, approximate: float = 0.1) -> bool:
    """The two values can both be true: equal, or one allowed by the other's bound or
    approximation ("212,400" and "more than 212,000")."""
    if same_value(kind, a, b):
        return True
    if not comparable(kind, a, b):
        return False
    if not a_bound and not b_bound:
        return kind == "percent" and _decimals_rounded(number_of(kind, a), number_of(kind, b))
    if a_bound == b_bound == "less":
        # Two limits of one figure ("covers up to $5 million" and "up to $7 million"): the
        # limit is the figure, so they agree only on its value. (Two floors of an amount, "more
        # than $510,000" and "more than $500,000", can both be true.)
        return False
    if kind == "duration" and a_bound == b_bound == "more":
        # Two floors of one span ("closed for at least three months" and "at least six weeks",
        # "debate that stretched more than eight hours" and "more than 10 hours"): the floor is
        # what each reports, so they agree only when near each other.
        x, y = number_of(kind, a), number_of(kind, b)
        return x is not None and y is not None and abs(x - y) <= approximate * max(abs(x), abs(y))
    if kind != "duration" and a_bound == b_bound == "about":
        # Two round figures ("about 2,350" and "about 2,530", two estimates): they agree only
        # when the finer one rounds to the coarser.
        x, y = number_of(kind, a), number_of(kind, b)
        return x is not None and y is not None and _same_when_rounded(x, y)
    # (Durations are normalised to seconds: their written precision is lost, so they keep the
    # plain tolerance.)
    if kind != "duration" and "about" in (a_bound, b_bound) and {a_bound, b_bound} <= {"about", ""}:
        # A round figure allows what rounds to it, give or take a unit of its last digit
        # ("about 1,500" for 1,462), not another number ("an estimated $221 million" for $212
        # million).
        x, y = (number_of(kind, a), number_of(kind, b)) if a_bound == "about" else (number_of(kind, b), number_of(kind, a))
        if x is not None and y is not None and abs(x - y) > 2 * rounding(x):
            return False
    left, right = interval(kind, a, a_bound, approximate), interval(kind, b, b_bound, approximate)
    if left is None or right is None:
        return False
    tolerance = 1e-9 * max(1.0, abs(left[0]) if left[0] != float("-inf") else 1.0)
    return left[0] <= right[1] + tolerance and right[0] <= left[1] + tolerance


def derivable(share: float, bound: str, numbers: Iterable[float], approximate: float = 0.1) -> bool:
    """A share (percent) that two of `numbers` work out to, as a part of a whole or a change
    from one to the other, within what its bound allows: "283 of the 320, nearly nine in
    10"; "rose from $260,000 to $310,000, roughly 19 percent". Arithmetic on figures the
    sentence gives, not a statistic of its own."""
    if bound:
        low, high = interval("percent", f"{share}%", bound, approximate) or (share, share)
    else:
        low, high = share - rounding(share) / 2, share + rounding(share) / 2  # "25 percent": 24.5-25.5
    values = [n for n in numbers if n > 0]
    for a in values:
        for b in values:
            if a is b:
                continue
            for worked in (100 * a / b, 100 * abs(a - b) / b):
                if low <= worked <= high:
                    return True
    return False


def _decimals_rounded(x: float | None, y: float | None) -> bool:
    """A share given to fewer decimals that the other rounds to: "31 percent" for 30.8%."""
    if x is None or y is None or (x == int(x)) == (y == int(y)) and rounding(x) == rounding(y):
        return False
    coarse, fine = (x, y) if rounding(x) > rounding(y) else (y, x)
    return fine != int(fine) and rounding(coarse) <= 1 and math.floor(fine / rounding(coarse) + 0.5) * rounding(coarse) == coarse


def _same_when_rounded(x: float, y: float) -> bool:
    """2,400 and 2,350 (to the hundred: 2,400); not 2,530 and 2,350 (both to the ten)."""
    step = max(rounding(x), rounding(y))
    return math.floor(x / step + 0.5) == math.floor(y / step + 0.5)


def rounding(x: float) -> float:
    """The power of ten a number is given to: 1,500 -> 100, 1,450 -> 10, 2.5 -> 0.1."""
    if x != int(x):
        return 10.0 ** -len(repr(x).split(".")[1].rstrip("0") or "0")
    step, n = 1.0, abs(int(x))
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return step


def _anchor_agrees(a: str, b: str) -> bool:
    """Two time anchors ("<date:2025-07-04", ">year:2023", "<weekday:thursday") can be the
    same time: every part both give (year, month, day) is equal. A weekday and a date cannot be
    told apart, so they do not agree."""
    kind_a, _, value_a = a[1:].partition(":")
    kind_b, _, value_b = b[1:].partition(":")
    if "weekday" in (kind_a, kind_b):
        return kind_a == kind_b and value_a == value_b
    left, right = _time_parts(kind_a, value_a), _time_parts(kind_b, value_b)
    return all(x is None or y is None or x == y for x, y in zip(left, right))


def _time_parts(kind: str, value: str) -> tuple[str | None, str | None, str | None]:
    """(year, month, day) of a normalised date, month or year; None where not given."""
    parts = value.split("-")
    if kind == "year":
        return value, None, None
    if kind == "month":
        return (parts[0], parts[1], None) if len(parts) == 2 else (None, parts[0], None)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else (None, parts[0], parts[-1])


@lru_cache(maxsize=1 << 16)  # pure, and few distinct anchor pairs recur over many figure pairs
def anchors_disagree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The clauses are dated and no date of one can be a date of the other, or none on the
    same side of the figure: different events ("In March 2019, the museum bought" vs "bought
    on Thursday"; "rejected on June 20, three days after" vs "agreed on July 4, two weeks
    after")."""
    if events_disagree(a, b):
        return True
    a = tuple(x for x in a if not x.startswith("<event:"))
    b = tuple(x for x in b if not x.startswith("<event:"))
    if a and b and not any(_anchor_agrees(x, y) for x in a for y in b):
        return True
    for side in "<>":
        left = [x for x in a if x[0] == side]
        right = [x for x in b if x[0] == side]
        if left and right and not any(_anchor_agrees(x, y) for x in left for y in right):
            return True
    return False


def events_disagree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Durations from two other events: "agreed the price a month after" vs "the offer was
    rejected two weeks after" (half the words of the shorter event at least, to agree)."""
    # Ordinary words only: the people are often the same, the act ("resigned", "met") is not.
    events = [{w for x in side if x.startswith("<event:") for w in x[7:].split("|") if not w[:1].isupper()}
              for side in (a, b)]
    return bool(events[0] and events[1]) and 2 * len(events[0] & events[1]) < min(len(events[0]), len(events[1]))


def comparable(kind: str, a: str, b: str) -> bool:
    """Values that can contradict each other: amounts in the same currency."""
    if kind == "amount":
        return a.partition(" ")[2] == b.partition(" ")[2]
    return True


def normalised(p: Policy, context: tuple[str, ...]) -> frozenset[str]:
    """A figure's context with synonyms folded: compute once per figure when comparing many."""
    return frozenset(p.normal(x) for x in context)


def shared(p: Policy, a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str]) -> list[str]:
    left = a if isinstance(a, frozenset) else normalised(p, a)
    right = b if isinstance(b, frozenset) else normalised(p, b)
    return sorted(left & right)


def matches(p: Policy, a: Key, b: Key) -> int:
    """How strongly two figures speak of the same thing: the number of shared context items,
    or 0 when they do not (different kind or unit, too little shared, only names shared,
    different people). A clause dated differently, or a person named on one side only, asks
    for more shared items."""
    return scores(p, a, (b,))[0]


def scores(p: Policy, a: Key, others: Iterable[Key]) -> list[int]:
    """matches(p, a, b) for each of `others`, with a's side prepared once: a figure is
    compared with many."""
    kind, context, persons, anchors, days, words = a.kind, a.context, a.persons, a.anchors, a.days, a.words
    person_penalty, anchor_penalty = p.person_penalty, p.anchor_penalty
    needs: dict[str, tuple[int, int] | None] = {}  # by the other's unit
    found: list[int] = []
    for b in others:
        if b.kind != kind:
            found.append(0)
            continue
        if b.unit in needs:
            need = needs[b.unit]
        else:
            need = needs[b.unit] = needed(p, kind, a.unit, b.unit)
        if need is None:
            found.append(0)
            continue
        shared_items = len(context & b.context)
        if shared_items < need[0]:  # the cheap test first: this runs for many pairs
            found.append(0)
            continue
        if persons and b.persons and persons.isdisjoint(b.persons):
            found.append(0)  # one player's goals are not another's
            continue
        if kind == "duration" and (anchors or b.anchors) and events_disagree(anchors, b.anchors):
            found.append(0)  # "fired Monday, six days after the inspection" is no "meeting, three days after" it
            continue
        required = need[0] + (person_penalty if bool(persons) != bool(b.persons) else 0)
        # Ordinary words in common, and a day both clauses are dated to (same_day); not for a
        # weekday, which the date of its clause does not name ("attended Monday's meeting and
        # will speak on Oct. 21" against "Tuesday, Oct. 21").
        evidence = shared_items + (1 if kind != "weekday" and days and not days.isdisjoint(b.days) else 0)
        # Differently dated clauses ask for anchor_penalty more: only asked when it decides.
        if anchors or b.anchors:
            with_penalty = required + anchor_penalty
            low, high = (required, with_penalty) if anchor_penalty >= 0 else (with_penalty, required)
            if low <= evidence < high and anchors_disagree(anchors, b.anchors):
                required = with_penalty
        if evidence < required:
            found.append(0)
        elif need[1] <= 0:
            found.append(evidence)
        elif need[1] == 1:  # (most policies: one ordinary word, asked without building the set)
            found.append(0 if words.isdisjoint(b.words) else evidence)
        else:
            found.append(0 if len(words & b.words) < need[1] else evidence)
    return found


def same_day(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """1 when both clauses are dated to the same day ("on March 3"): one more sign that the
    figures speak of the same event. Years and months alone are too common to count."""
    days = [{x[1:] for x in side if x[1:].startswith("date:")} for side in (a, b)]
    return 1 if days[0] & days[1] else 0


def needed(p: Policy, kind: str, unit: str, other_unit: str) -> tuple[int, int] | None:
    """(shared items, of which ordinary words) two figures of `kind` need in common; None when
    their units say they measure different things."""
    need_shared, need_words = p.min_shared.get(kind, 3), max(p.min_words, p.min_words_by_kind.get(kind, 0))
    if kind == "year" and (unit == "since") != (other_unit == "since"):
        return None  # "since 2014" is when something began, not the year of another event
    if kind == "date" and (unit == "through") != (other_unit == "through"):
        return None  # "through March 9" ends a run of events; it is no one event's day
    if kind == "weekday" and "said" in (unit, other_unit):
        # "said Monday" is when someone spoke, not the day of the event; and one person speaks
        # on many days ("declined to comment on Monday", "told reporters Thursday it was over").
        return None
    if kind in UNIT_KINDS:
        if unit in BARE_UNITS and other_unit in BARE_UNITS:
            if unit != other_unit:
                return None  # the time between two events ("two days after") is no span
            # Nothing counted or measured on either side ("deliberated for six hours"): the
            # words around must say it, so ask for one more of them; a span of time names its
            # time unit, which the figure check compares, so it asks only for one more word.
            return (need_shared, need_words + 1) if kind == "duration" else (need_shared + 1, need_words + 1)
        if not unit or not other_unit or p.normal(unit) != p.normal(other_unit):
            return None
    return need_shared, need_words

