"""Figures and dates in the sources, with the words around them (newslint.registry.numbers),
and the figures the sources disagree on (Registry.conflicts), each side with its support."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newslint.document.model import Document
from newslint.registry.figurematch import matches, policy, same_value
from newslint.registry.model import Conflict, FigureFact, Provenance, Registry
from newslint.registry.numbers import find_figures

MAX_COMPARED = 200  # per figure: keeps conflict search linear on large source sets


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
                    provenance=Provenance(document.path, line, document.line_text(line).strip())))
        registry.conflicts.extend(conflicts(registry.figures[start:]))


def conflicts(figures: list[FigureFact]) -> list[Conflict]:
    """Groups of figures from different sources that speak of the same thing with different
    values. Candidates share a unit (counts, durations) or a context word (dates)."""
    p = policy()
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, fact in enumerate(figures):
        for key in _keys(fact):
            index[key].append(number)
    groups: list[set[int]] = []
    for number, fact in enumerate(figures):
        candidates = sorted({n for key in _keys(fact) for n in index[key][:MAX_COMPARED]} - {number})
        group = {number} | {n for n in candidates
                            if figures[n].provenance.source != fact.provenance.source
                            and matches(p, fact.kind, fact.unit, fact.context, figures[n].kind, figures[n].unit, figures[n].context)}
        values = {figures[n].value for n in group}
        if len(values) < 2 or any(same_value(fact.kind, fact.value, v) for v in values - {fact.value}):
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


def _keys(fact: FigureFact) -> list[tuple[str, str]]:
    if fact.unit:
        return [(fact.kind, fact.unit)]
    return [(fact.kind, word) for word in fact.context if not word[:1].isupper()]


EXTRACTORS = [FigureExtractor()]
