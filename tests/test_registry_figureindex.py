"""The figure indexes answer exactly as the plain scans they replace: the figure check's index
of source figures by context item (FactIndex) against a scan of every source figure, the batch
`scores` against a pairwise reference of figurematch.matches, and the registry's conflicts
against a reference that merges disagreements by scanning every group. On the seeds, on the
stories, and on a depot story whose sources disagree on many figures."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.kinds.figures import FactIndex, unit_bucket
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.extractors.figures import MAX_COMPARED, _keys, conflict_of, conflicts
from newslint.registry.figurematch import (
    anchors_disagree, consistent, key, matches, needed, person_words, policy, scores)
from newslint.registry.model import Conflict
from newslint.registry.numbers import find_figures

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT / "seeds", *(ROOT / "tests" / "stories" / s / "sources" for s in ("courtcase", "council", "museum"))]

# A story of our own whose sources disagree: each article gives its own figures for the same things.
DEPOT = [
    "The transit authority said {buses} new buses would join the fleet at the Harbor Road depot. "
    "The depot will employ {drivers} drivers and {mechanics} mechanics, officials said on Tuesday. "
    "Construction of the depot took {months} months and cost {cost} million dollars, according to the authority. "
    "About {riders} riders used the route last year, an increase of {rise} percent. "
    "The board approved the plan by a vote of {yes} to {no} on March {day}.",
    "Maria Okafor, the authority's director, said the {buses} buses would run every {minutes} minutes. "
    "Okafor said the depot would open on March {day} with {drivers} drivers on its staff. "
    "The {cost} million dollar depot replaces a garage built {age} years ago.",
]
VALUES = [
    dict(buses=40, drivers=120, mechanics=30, months=18, cost=62, riders=9000, rise=12, yes=7, no=2, day=3, minutes=10, age=50),
    dict(buses=42, drivers=120, mechanics=35, months=18, cost=62, riders=9500, rise=12, yes=7, no=2, day=3, minutes=12, age=50),
    dict(buses=40, drivers=125, mechanics=30, months=20, cost=65, riders=9000, rise=14, yes=6, no=3, day=4, minutes=10, age=55),
    dict(buses=45, drivers=120, mechanics=30, months=18, cost=62, riders=9000, rise=12, yes=7, no=2, day=3, minutes=15, age=50),
    dict(buses=40, drivers=130, mechanics=32, months=24, cost=70, riders=8000, rise=10, yes=7, no=2, day=3, minutes=10, age=60),
]


@pytest.fixture(scope="module")
def depot(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("depot")
    for number, values in enumerate(VALUES):
        (folder / f"article_{number:02}.md").write_text("\n\n".join(t.format(**values) for t in DEPOT) + "\n")
    return folder


@pytest.fixture(scope="module")
def registries(depot):
    extractors = get_plugins().fact_extractors()
    return [build_registry(read_sources([folder]), extractors) for folder in [*STORIES, depot]]


def reference_matches(p, a, b) -> int:
    """figurematch.matches as one pair at a time, from the raw keys."""
    if a.kind != b.kind:
        return 0
    need = needed(p, a.kind, a.unit, b.unit)
    if need is None:
        return 0
    common = a.context & b.context
    if len(common) < need[0]:
        return 0
    if a.persons and b.persons and not a.persons & b.persons:
        return 0
    extra = (p.person_penalty if bool(a.persons) != bool(b.persons) else 0)
    if (a.anchors or b.anchors) and anchors_disagree(a.anchors, b.anchors):
        extra += p.anchor_penalty
    days = [{x[1:] for x in side if x[1:].startswith("date:")} for side in (a.anchors, b.anchors)]
    evidence = len(common) + (1 if a.kind != "weekday" and days[0] & days[1] else 0)
    if evidence < need[0] + extra or len([w for w in common if not w[:1].isupper()]) < need[1]:
        return 0
    return evidence


def reference_conflicts(figures, people) -> list[Conflict]:
    """registry conflicts with a pairwise test and a scan of every group to merge."""
    p = policy()
    keys = [key(p, f.kind, f.unit, f.context, f.anchors, people) for f in figures]
    index = defaultdict(list)
    for number, fact in enumerate(figures):
        for word in _keys(fact, keys[number].context):
            index[word].append(number)

    def same_thing(a, b, same_value_too=False):
        first, second = figures[a], figures[b]
        if (first.value == second.value and not same_value_too) or first.kind != second.kind \
                or first.provenance.source == second.provenance.source:
            return False
        return reference_matches(p, keys[a], keys[b]) > 0

    groups: list[set[int]] = []
    for number, fact in enumerate(figures):
        candidates: set[int] = set()
        for word in _keys(fact, keys[number].context):
            candidates.update(index[word][:MAX_COMPARED])
            if len(candidates) >= MAX_COMPARED:
                break
        group = {number} | {n for n in candidates if same_thing(number, n)}
        if len(group) < 2:
            continue
        if any(consistent(fact.kind, fact.value, fact.bound, figures[n].value, figures[n].bound, p.approximate)
               and same_thing(number, n, same_value_too=True) for n in candidates | group if n != number):
            continue
        for other in [g for g in groups if g & group]:
            group |= other
            groups.remove(other)
        groups.append(group)
    return [conflict_of(group, figures) for group in groups]


def all_keys(registry):
    p, people = policy(), person_words(registry)
    return p, [key(p, f.kind, f.unit, f.context, f.anchors, people) for f in registry.figures]


def test_the_depot_sources_disagree_on_several_figures(registries):
    depot = registries[-1]
    found = conflicts(depot.figures, person_words(depot))
    assert len(found) >= 3
    assert any(len(c.sides) >= 3 for c in found)  # several values, gathered into one disagreement


def test_conflicts_equal_the_reference(registries):
    for registry in registries:
        people = person_words(registry)
        assert conflicts(registry.figures, people) == reference_conflicts(registry.figures, people)


def test_scores_equal_pairwise_matches(registries):
    for registry in registries:
        p, keys = all_keys(registry)
        for a in keys:
            expected = [reference_matches(p, a, b) for b in keys]
            assert scores(p, a, keys) == expected
            assert [matches(p, a, b) for b in keys] == expected


def draft_keys(registry, p):
    """Keys of the figures of the drafts of the stories, as the figure check makes them."""
    people = person_words(registry)
    found = []
    for path in sorted(ROOT.glob("tests/stories/*/drafts/*")) + [ROOT / "examples" / "draft.md"]:
        for figure in find_figures(parse_document(str(path), path.read_text(encoding="utf-8")), skip_quotes=True):
            found.append(key(p, figure.kind, figure.unit, figure.context, figure.anchors, people))
    return found


def test_fact_index_finds_every_figure_a_scan_finds(registries):
    for registry in registries:
        p, keys = all_keys(registry)
        indexes: dict[str, FactIndex] = defaultdict(FactIndex)
        for fact, theirs in zip(registry.figures, keys):
            indexes[fact.kind].add(p, fact, theirs)
        for mine in keys + draft_keys(registry, p):
            index = indexes.get(mine.kind)
            if index is None:
                continue
            for least in (0, 1, 2, 3, 4):
                for bucket in (None, unit_bucket(p, mine.kind, mine.unit)):
                    in_bucket = [n for n, (_, k) in enumerate(index.facts)
                                 if bucket is None or unit_bucket(p, k.kind, k.unit) == bucket]
                    expected = [n for n in in_bucket if len(mine.context & index.facts[n][1].context) >= least]
                    found = sharing_numbers(index, mine, least, bucket)
                    assert found == sorted(found) and set(expected) <= set(found) <= set(in_bucket)
                    shared_enough = [n for n in found if len(mine.context & index.facts[n][1].context) >= least]
                    assert shared_enough == expected


def sharing_numbers(index: FactIndex, mine, least, bucket) -> list[int]:
    where = {id(item): n for n, item in enumerate(index.facts)}
    return [where[id(item)] for item in index.sharing(mine, least, bucket)]


def test_the_index_keeps_every_figure_a_match_needs(registries):
    """Every source figure that matches a draft figure shares min_shared items and its unit
    bucket: the figure check loses nothing by reading only those."""
    for registry in registries:
        p, keys = all_keys(registry)
        for mine in keys + draft_keys(registry, p):
            for theirs in keys:
                if matches(p, mine, theirs):
                    assert len(mine.context & theirs.context) >= p.min_shared.get(mine.kind, 3)
                    assert unit_bucket(p, mine.kind, mine.unit) == unit_bucket(p, theirs.kind, theirs.unit)
