"""Figures and dates in the sources, with the words around them (newslint.registry.numbers),
and the figures the sources disagree on (Registry.conflicts), each side with its support."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newslint.document.model import Document
from newslint.registry.figurematch import Key, consistent, key, matches, person_words, policy
from newslint.registry.model import Conflict, FigureFact, Provenance, Registry
from newslint.registry.numbers import find_figures

MAX_COMPARED = 40  # per figure: keeps conflict search linear on large source sets


@dataclass(frozen=True)
class FigureExtractor:
    name: str = "figures"
    order: int = 30

    def extract(self, documents: list[Document], registry: Registry) -> None:
        start = len(registry.figures)
        for document in documents:
            for figure in find_figures(document):
                line = document.position(figure.start)[0]
                registry.figures.append(FigureFact(
                    kind=figure.kind, value=figure.value, text=figure.phrase or figure.text, unit=figure.unit,
                    context=figure.context,
                    provenance=Provenance(document.path, line, document.line_text(line).strip()),
                    bound=figure.bound, anchors=figure.anchors))
        registry.conflicts.extend(conflicts(registry.figures[start:], person_words(registry)))


def conflicts(figures: list[FigureFact], people: dict[str, str] | None = None) -> list[Conflict]:
    """Groups of figures from different sources that speak of the same thing with values that
    cannot both be true. Candidates share a unit (counts, durations) or a context word (dates)."""
    p = policy()
    keys = [key(p, f.kind, f.unit, f.context, f.anchors, people) for f in figures]
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, fact in enumerate(figures):
        for word in _keys(fact, keys[number].context):
            index[word].append(number)
    groups: list[set[int]] = []
    for number, fact in enumerate(figures):
        candidates: set[int] = set()
        for word in _keys(fact, keys[number].context):
            candidates.update(index[word][:MAX_COMPARED])
            if len(candidates) >= MAX_COMPARED:
                break
        group = {number} | {n for n in candidates if _same_thing(p, figures, keys, number, n)}
        if len(group) < 2:
            continue
        # A value in another source, as closely matched, that agrees means no disagreement here
        # (the same years listed by two sources: "from the 2021 through 2024 model years").
        if any(consistent(fact.kind, fact.value, fact.bound, figures[n].value, figures[n].bound, p.approximate)
               and _same_thing(p, figures, keys, number, n, same_value_too=True)
               for n in candidates | group if n != number):
            continue
        overlapping = [g for g in groups if g & group]
        for other in overlapping:  # one disagreement seen from several of its figures
            group |= other
            groups.remove(other)
        groups.append(group)
    found = []
    for group in groups:
        members = sorted(group)
        first = figures[members[0]]
        sides: dict[str, list[Provenance]] = defaultdict(list)
        for n in members:
            sides[figures[n].text].append(figures[n].provenance)
        topic = f"{first.kind}{' of ' + first.unit if first.unit else ''}: {' '.join(first.context[:6])}"
        found.append(Conflict(topic, sorted(sides.items(), key=lambda side: -len(side[1]))))
    return found


def _same_thing(p, figures: list[FigureFact], keys: list[Key], a: int, b: int, same_value_too: bool = False) -> bool:
    """Figures a and b, from different sources with different values (or any values), speak of
    the same thing (figurematch.matches)."""
    first, second = figures[a], figures[b]
    if (first.value == second.value and not same_value_too) or first.kind != second.kind \
            or first.provenance.source == second.provenance.source:
        return False
    return matches(p, keys[a], keys[b]) > 0


def _keys(fact: FigureFact, context: frozenset[str]) -> list[tuple[str, str]]:
    if fact.unit:
        return [(fact.kind, fact.unit)]
    return sorted((fact.kind, word) for word in context if not word[:1].isupper())


EXTRACTORS = [FigureExtractor()]
