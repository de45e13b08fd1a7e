"""Figures and dates in the sources, with the words around them (newslint.registry.numbers),
and the figures the sources disagree on (Registry.conflicts), each side with its support."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from sys import intern

from newslint.document.model import Document
from newslint.registry.figurematch import Key, Policy, consistent, key, person_words, policy, scores
from newslint.registry.extractors import line_provenance
from newslint.registry.model import Conflict, FigureFact, Provenance, Registry
from newslint.registry.numbers import find_figures
from newslint.registry import parallel
from newslint.registry.parallel import map_documents, workers_for

MAX_COMPARED = 40  # per figure: keeps conflict search linear on large source sets


@dataclass(frozen=True)
class FigureExtractor:
    name: str = "figures"
    order: int = 30

    def prepare(self, documents: list[Document]) -> None:
        """The figures of each source need the source alone: their search begins now, in
        forked workers, while the people and quotes extractors run."""
        parallel.start(_figures, documents)

    def extract(self, documents: list[Document], registry: Registry) -> None:
        start = len(registry.figures)
        for document, found in zip(documents, map_documents(_figures, documents)):
            for kind, value, text, unit, context, bound, anchors, line in found:
                # Words interned: a registry's many figures share their words (and its cache
                # file stores each once, and loads faster).
                registry.figures.append(FigureFact(
                    kind=intern(kind), value=intern(value), text=text, unit=intern(unit),
                    context=tuple(map(intern, context)), provenance=line_provenance(document, line),
                    bound=intern(bound), anchors=tuple(map(intern, anchors))))
        # (Times of day are left out: sources' clocks seldom disagree, and schedules repeat them.)
        compared = [f for f in registry.figures[start:] if f.kind != "time"]
        registry.conflicts.extend(conflicts(compared, person_words(registry), workers_for(len(documents))))


def _figures(document: Document) -> list[tuple]:
    """One document's figures as the registry keeps them, each with its line (a worker's share
    of the build: plain tuples travel back faster than Figure objects)."""
    return [(f.kind, f.value, f.phrase or f.text, f.unit, tuple(f.context), f.bound, tuple(f.anchors),
             document.position(f.start)[0]) for f in find_figures(document)]


def conflicts(figures: list[FigureFact], people: dict[str, str] | None = None, workers: int = 1) -> list[Conflict]:
    """Groups of figures from different sources that speak of the same thing with values that
    cannot both be true. Candidates share a unit (counts, durations) or a context word (dates).
    The comparisons are made in `workers` processes (newslint.registry.parallel)."""
    p = policy()
    keys, key_of = _figure_keys(p, figures, people)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    words = [_keys(k, k.context) for k in keys]
    for number, mine in enumerate(key_of):
        for word in words[mine]:
            index[word].append(number)
    values = [f.value for f in figures]
    sources = [f.provenance.source for f in figures]
    bounds = [f.bound for f in figures]
    # What a figure is compared with, and how well it matches, depends only on its key: figures
    # with equal keys (many, where sources repeat a story) share one comparison.
    key_for = [keys[k] for k in key_of]  # each figure's key
    figures_of: list[list[int]] = [[] for _ in keys]
    for number, mine in enumerate(key_of):
        figures_of[mine].append(number)
    agree: dict[tuple[str, str, str, str, str], bool] = {}  # consistent(), by the two values
    facts = (values, sources, bounds, [f.kind for f in figures], p.approximate, agree)
    # Each key's figures that disagree with every figure of another source they are matched
    # with (no other source gives their value, nor one consistent with it), with those figures.
    found = map_documents(_matched, range(len(keys)), p, index, key_for, figures_of, facts, workers=workers)
    groups = _disagreements(sorted((item for items in found for item in items), key=_first))
    return [conflict_of(group, figures) for group in groups]


def _disagreements(seen: list[tuple[int, list[int]]]) -> list[set[int]]:
    """The disagreements that `seen` (figures in order, each with the figures it disagrees
    with) makes: a disagreement seen from several of its figures is one, so disagreements that
    share a figure are joined; they come in the order of the last figure seen in each, as they
    were found. (A union-find over the figures, by size, its paths halved as they are walked.)"""
    parent: dict[int, int] = {}
    size: dict[int, int] = {}
    last: dict[int, int] = {}  # a disagreement, by its root: the last figure seen in it
    for number, others in seen:
        if number in parent:
            top = _root(parent, number)
        else:
            top = parent[number] = number
            size[top] = 1
        for n in others:
            if n not in parent:
                parent[n] = top
                size[top] += 1
                continue
            n = _root(parent, n)
            if n != top:
                if size[n] > size[top]:
                    top, n = n, top
                parent[n] = top
                size[top] += size[n]
        last[top] = number
    groups: dict[int, set[int]] = {}
    for n in list(parent):
        groups.setdefault(_root(parent, n), set()).add(n)
    return [groups[top] for top in sorted(groups, key=last.__getitem__)]


def _figure_keys(p: Policy, figures: list[FigureFact], people: dict[str, str] | None) -> tuple[list[Key], list[int]]:
    """The distinct keys of the figures (figures with the same kind, unit, context and anchors
    share one), and each figure's key by its number in them."""
    made: dict[tuple, int] = {}
    keys: list[Key] = []
    key_of: list[int] = []
    for f in figures:
        raw = (f.kind, f.unit, f.context, f.anchors)
        number = made.get(raw)
        if number is None:
            number = made[raw] = len(keys)
            keys.append(key(p, f.kind, f.unit, f.context, f.anchors, people))
        key_of.append(number)
    return keys, key_of


# Candidates scored at a time: a key's figures mostly stop reading early (below).
BATCH = 8


def _matched(number: int, p: Policy, index: dict, key_for: list[Key], figures_of: list[list[int]],
             facts: tuple) -> list[tuple[int, list[int]]]:
    """The figures with the key `number` that no figure of another source agrees with, each
    with the figures of other sources it disagrees with, in figure order. A figure is compared
    with the figures it is matched with (of its kind, the first MAX_COMPARED of each of its
    index words until there are as many) that speak of the same thing, in order; the first
    from another source that gives its value, or one consistent with it, ends its search with
    no disagreement, so the candidates after the last of those ends, for every figure with this
    key, are not scored."""
    mine = key_for[figures_of[number][0]]
    candidates: set[int] = set()
    for word in _keys(mine, mine.context):
        candidates.update(index[word][:MAX_COMPARED])
        if len(candidates) >= MAX_COMPARED:
            break
    others = sorted(candidates)  # (of its kind: the index is by kind)
    values, sources, bounds, kinds, approximate, agree = facts
    reading = figures_of[number]  # the figures with this key that have not stopped yet
    against: dict[int, list[int]] = {f: [] for f in reading}  # the figures each disagrees with so far
    for at in range(0, len(others), BATCH):
        batch = others[at:at + BATCH]
        for n, score in zip(batch, scores(p, mine, [key_for[n] for n in batch])):
            if not score:
                continue
            source, other, other_bound = sources[n], values[n], bounds[n]
            still = []
            for f in reading:
                if sources[f] != source:  # (figures from other sources only)
                    kind, value, bound = kinds[f], values[f], bounds[f]
                    if other == value:
                        continue  # a value in another source, as closely matched, that agrees
                    # (Two different exact values agree only as dates or months, one without a year.)
                    if bound or other_bound or kind in ("date", "month"):
                        pair = (kind, value, bound, other, other_bound)
                        if pair not in agree:
                            agree[pair] = consistent(kind, value, bound, other, other_bound, approximate)
                        if agree[pair]:
                            continue  # the same years listed by two sources: "from the 2021 through 2024 model years"
                    against[f].append(n)
                still.append(f)
            reading = still
        if not reading:
            break
    return [(f, against[f]) for f in reading if against[f]]


def _first(item: tuple) -> int:
    return item[0]


def conflict_of(group: set[int], figures: list) -> Conflict:
    """One disagreement: the group's figures by the value each source gives, most-given first."""
    members = sorted(group)
    first = figures[members[0]]
    sides: dict[str, list[Provenance]] = defaultdict(list)
    for n in members:
        sides[figures[n].text].append(figures[n].provenance)
    topic = f"{first.kind}{' of ' + first.unit if first.unit else ''}: {' '.join(first.context[:6])}"
    return Conflict(topic, sorted(sides.items(), key=lambda side: -len(side[1])))


def _root(parent: dict[int, int], n: int) -> int:
    while parent[n] != n:
        parent[n] = parent[parent[n]]  # halve the path as it is walked
        n = parent[n]
    return n


def _keys(fact: FigureFact | Key, context: frozenset[str]) -> list[tuple[str, str]]:
    if fact.unit:
        return [(fact.kind, fact.unit)]
    return sorted((fact.kind, word) for word in context if not word[:1].isupper())


EXTRACTORS = [FigureExtractor()]
