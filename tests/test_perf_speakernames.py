"""The attribution check's lookup of the people a one-word speaker tag may stand for (an index by
first word and surname, kept per registry) gives what comparing every person gives, on real
source sets; large registries made the comparison the check's main cost (10,000 people)."""
from __future__ import annotations

import pytest

from newslint.kinds.quotes import _any_same, _people_named
from newslint.registry.speakers import same_person
from people_lint import ROOT, SEEDS, registry_of

SETS = [SEEDS, ROOT / "tests" / "eval" / "farmheat" / "sources", ROOT / "tests" / "eval" / "reshuffle" / "sources"]


def plain_named(registry, name: str) -> list:
    person = registry.person_by_name(name)
    if person is not None:
        return [person]
    words = name.split()
    if len(words) != 1:
        return []
    word = words[0].casefold()
    return [p for p in registry.people
            if p.canonical.split()[0].casefold() == word or (p.surname or "").casefold() == word]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.parent.name)
def test_one_word_names_are_looked_up_as_every_person_is_compared(folder):
    registry = registry_of((folder,))
    names = {w for p in registry.people for w in p.canonical.split()} | {p.canonical for p in registry.people}
    names |= {w.upper() for w in list(names)} | {"Nobody", "Ann"}
    for name in sorted(names):
        assert [id(p) for p in _people_named(registry, name)] == [id(p) for p in plain_named(registry, name)], name
    speakers = sorted({p.canonical for p in registry.people} | {p.surname for p in registry.people if p.surname})
    groups = [speakers] + [speakers[i:i + 3] for i in range(0, len(speakers), 3)] + [["", speakers[0]]]
    for speaker in speakers[:40]:
        for others in groups:
            plain = any(same_person(speaker, other) or any(p is q for p in plain_named(registry, other)
                                                           for q in plain_named(registry, speaker))
                        for other in others)
            assert _any_same(registry, speaker, others) == plain, (speaker, others)
