"""The per-registry name tables answer as scans of every entity would: near-miss surnames
searched among the distinct surnames, organisations prefiltered by length, an office's holders
by office family, and the registry's people and organisations kept with its name index. On the
seeds and the stories, with every capitalised word of their drafts."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA

from newslint.document import parse_document
from newslint.kinds.titles import titles_by_family
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.curated import apply_facts
from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import MentionFinder
from newslint.registry.reconcile import similarity
from newslint.registry.resolve import _POSSESSIVE_S, DraftNames, Thresholds, known_names

ROOT = Path(__file__).resolve().parent.parent
STORIES = {"seeds": ROOT / "seeds", **{s: ROOT / "tests" / "stories" / s / "sources" for s in ("courtcase", "council", "museum")}}


@pytest.fixture(scope="module", params=sorted(STORIES))
def registry(request):
    return build_registry(read_sources([STORIES[request.param]]), get_plugins().fact_extractors())


def draft_words() -> list[str]:
    words = set()
    for path in sorted(ROOT.glob("tests/stories/*/drafts/*")) + [ROOT / "examples" / "draft.md"]:
        document = parse_document(str(path), path.read_text(encoding="utf-8"))
        for mention in MentionFinder(document, include_quotes=True).names():
            words.update(mention.words)
            words.add(" ".join(mention.words))
    return sorted(words)


def draft_names(registry) -> DraftNames:
    path = ROOT / "examples" / "draft.md"
    return DraftNames(parse_document(str(path), path.read_text(encoding="utf-8")), registry, Thresholds())


def test_near_people_are_those_of_a_scan_of_every_person(registry):
    names = draft_names(registry)
    people = [p for p in registry.people if p.surname]
    cutoff = names.thresholds.search_cutoff
    for word in draft_words() + [p.surname[:-1] + "x" for p in people]:
        hits = process.extract(word.casefold(), [p.surname.casefold() for p in people],
                               scorer=OSA.normalized_similarity, score_cutoff=cutoff, limit=None)
        expected = [people[index] for _, _, index in hits]
        found = names._near_people(word)
        assert sorted(map(id, found)) == sorted(map(id, expected))
        assert len(found) == len(expected)


def test_near_organisations_are_those_of_a_scan(registry):
    names = draft_names(registry)
    thresholds = names.thresholds
    forms = [f for o in registry.organisations for f in o.right_forms()]
    tried = draft_words() + [f[:-1] for f in forms] + [f + "s" for f in forms] + [f.upper() for f in forms]
    for form in tried:
        # (the known forms without their possessives, as the draft's form is compared)
        expected = [o for o in registry.organisations if any(
            form.casefold() != k and similarity(form, k) >= thresholds.organisation
            and OSA.distance(form.casefold(), k) <= thresholds.max_distance
            for k in (_POSSESSIVE_S.sub("", f.casefold()) for f in o.right_forms()))]
        hits = []
        for organisation, known in names.known.organisation_forms:
            wanted = form.casefold()
            if any(abs(length - len(wanted)) <= thresholds.max_distance and wanted != k
                   and similarity(form, k) >= thresholds.organisation
                   and OSA.distance(wanted, k) <= thresholds.max_distance for k, length in known):
                hits.append(organisation)
        assert hits == expected


def test_titles_by_family_hold_every_title_in_order(registry):
    lex = lexicon()
    families = titles_by_family(registry)
    for family in {lex.family(t.role) for p in registry.people for t in p.titles}:
        expected = [(p, t) for p in registry.people for t in p.titles if lex.family(t.role) == family]
        assert families[family] == expected


def test_people_and_organisations_follow_the_entities(registry):
    assert registry.people == [e for e in registry.entities if e.kind == "person"]
    assert registry.organisations == [e for e in registry.entities if e.kind == "organisation"]
    assert known_names(registry) is known_names(registry)


def test_a_curated_kind_change_is_seen(tmp_path):
    registry = build_registry(read_sources([STORIES["council"]]), get_plugins().fact_extractors())
    organisation = registry.organisations[0]
    assert organisation not in registry.people
    facts = tmp_path / "facts.yaml"
    facts.write_text(f"entities:\n  - name: {organisation.canonical}\n    kind: person\n", encoding="utf-8")
    apply_facts(registry, [facts])
    assert any(p is organisation for p in registry.people)
    assert all(o is not organisation for o in registry.organisations)


def test_the_indexes_are_not_pickled(registry):
    registry.find("nobody")  # builds the name index
    restored = pickle.loads(pickle.dumps(registry))
    assert not [k for k in vars(restored) if k.startswith("_")]
    assert [e.canonical for e in restored.people] == [e.canonical for e in registry.people]
