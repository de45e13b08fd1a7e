"""The registry build's shortcuts give exactly what the plain searches give (round 9 of the speed
work): people grouped through an index of their groups' surnames are the groups of the pass
that compared each form with every group of its block, and the conflict search that stops
early finds the conflicts of the pairwise search, on the seeds, every story of tests/eval and
an invented story of near surnames, relatives and misspelt given names; the capitalised words
read in one pass per document are the ones a search per word finds."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from test_registry_parallel import pairwise_conflicts

from newslint.plugins import get_plugins
from newslint.registry import reconcile
from newslint.registry.build import build_registry, read_sources
from newslint.registry.extractors import people as people_extractor
from newslint.registry.extractors.figures import conflicts
from newslint.registry.figurematch import person_words
from newslint.registry.reconcile import NameObservation, _block_keys, same_person

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "seeds", *sorted((ROOT / "tests" / "eval").glob("*/sources"))]

# An invented story: one surname many people share, near-miss surnames and given names, a
# relative who shares a surname, initials and short given names ("R. Vilkas" could join two
# groups: the first made takes it).
HARBOUR = [
    "# Harbour board votes on dredging\n\nMaren Oystrand, the harbour master, said on Monday that the "
    "dredging would start in May. Paul Vilkas, a board member, said he would vote against it. "
    "His wife, Ruth Vilkas, a teacher, said the family had lived by the water for 30 years. "
    "\"We were never asked,\" Ruth Vilkas said. Oystrand said the board had held two hearings.\n",
    "# Dredging vote delayed\n\nMaren Oystrandt, the harbour master, said the vote was delayed. "
    "Paul Vilkas said the board needed more time. Pauline Vilkas, a fisher, said she welcomed it. "
    "Tomas Brede, the board's chairman, said a new date would be set. T. Brede said the delay was "
    "short. Tom Brede told reporters the board would meet on Friday.\n",
    "# Harbour board approves dredging\n\nThe harbour board voted 5-2 on Friday. Tomas Bredde, the "
    "board's chairman, said the work would start in June. Paul Vilkas voted against the plan. "
    "Mraen Oystrand, the harbour master, said the channel had silted up. Anders Vilkas, a board "
    "member, voted for it. Maren Oystrand said the cost was 4 million dollars.\n",
    "# Pilots wary of dredging\n\nRolf Vilkas, a harbour pilot, said the channel was shallow. "
    "Rolf Vilkas said pilots had asked for the work for years. R. Vilkas, a pilot, said the new "
    "depth would be enough. Ruth Vilkas said the family would watch the vote.\n",
]


def pairwise(observations: list[NameObservation]) -> list[list[NameObservation]]:
    """The grouping as it was: each form compared with every member of every group that shares
    a block key with it, groups in the order they were made."""
    groups: list[list[NameObservation]] = []
    blocks: dict[str, list[int]] = defaultdict(list)
    for observation in sorted(observations, key=lambda o: (-len(o.mentions), -len(o.words), o.form)):
        keys = _block_keys(observation.surname)
        for number in sorted({g for key in keys for g in blocks[key]}):
            group = groups[number]
            named = [m for m in group if m.given]
            # (a relative introduced as such, or a full name two sources write alike or its bearer
            # gives, beside a named member)
            introduced = "relative" in observation.evidence or (
                (len(observation.sources()) >= 2 or "self-named" in observation.evidence) and named)
            relative = introduced and observation.given and not any(same_person(observation, m) for m in named)
            if any(same_person(observation, member) for member in group) and not relative:
                group.append(observation)
                break
        else:
            groups.append([observation])
            number = len(groups) - 1
        for key in keys:
            if number not in blocks[key]:
                blocks[key].append(number)
    return groups


@pytest.fixture(scope="module")
def harbour(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("harbour")
    for number, text in enumerate(HARBOUR):
        (folder / f"harbour_{number}.md").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("sources", [*SOURCES, "harbour"],
                         ids=lambda p: p if isinstance(p, str) else p.parent.name if p.name == "sources" else p.name)
def test_people_are_grouped_as_the_pairwise_search_groups_them(sources, harbour, monkeypatch) -> None:
    folder = harbour if sources == "harbour" else sources
    compared: list[int] = []

    def both(observations: list[NameObservation]) -> list[list[NameObservation]]:
        indexed = reconcile.group_people(observations)
        assert [[o.form for o in g] for g in indexed] == [[o.form for o in g] for g in pairwise(observations)]
        compared.append(len(observations))
        return indexed

    monkeypatch.setattr(people_extractor, "group_people", both)
    plugins = get_plugins()
    registry = build_registry(read_sources([folder], plugins.parsers()), plugins.fact_extractors())
    assert compared and compared[0] > 0 and registry.people
    # The conflict search, which stops scoring a key's candidates once each of its figures has
    # met one that agrees with it, finds the conflicts of the search that scores every pair.
    people = person_words(registry)
    assert conflicts(registry.figures, people) == pairwise_conflicts(registry.figures, people)


def test_the_invented_story_has_the_groups_it_should(harbour) -> None:
    plugins = get_plugins()
    registry = build_registry(read_sources([harbour], plugins.parsers()), plugins.fact_extractors())
    ruth, paul = registry.find("Ruth Vilkas"), registry.find("Paul Vilkas")
    assert ruth is not None and paul is not None and ruth is not paul
    maren = registry.find("Maren Oystrand")
    assert maren is not None and {"Maren Oystrandt", "Mraen Oystrand"} <= {v.form for v in maren.variants if v.wrong}


def _texts() -> list[str]:
    """The prose of the seeds, every story's sources and drafts, and edge strings."""
    from newslint.document import parse_document

    paths = [*(ROOT.parent / "shared" / "seeds").iterdir(), *(ROOT / "tests" / "eval").glob("*/sources/*"),
             *(ROOT / "tests" / "eval").glob("*/*.md")]
    texts = [parse_document(str(p), p.read_text(encoding="utf-8"), None).prose for p in sorted(paths) if p.is_file()]
    return texts + ["a Acme Bcd said", "Acme.\nthe\tAcme", "x; Acme9 y, Acmé z,  Äcme", "é Ünal: b Ünal’s"]


def test_capitalised_words_inside_are_the_words_a_search_per_word_finds() -> None:
    import regex

    from newslint.registry.numbers import _capitalised_inside

    checked = 0
    for prose in _texts():
        for word in {m.group() for m in regex.finditer(r"\p{Lu}\p{Ll}+", prose)} | {"Acme", "Acm", "Ünal"}:
            expected = regex.search(rf"\p{{Ll}}[,;]?\s+{regex.escape(word)}\b", prose) is not None
            assert _capitalised_inside(prose, word) == expected, (word, prose[:80])
            checked += expected
    assert checked > 1000
