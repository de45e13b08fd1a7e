"""The words a title's role answers to (references._role_words) are read from the lexicon once
per family (references._family_words), and give what reading every role and group for each
title gives: for every role of the lexicon and every family, with and without a family on the
title. And the role references of a registry built from real sources are unchanged."""
from __future__ import annotations

from pathlib import Path

from newslint.registry import references
from newslint.registry.lexicon import lexicon
from newslint.registry.model import Title

ROOT = Path(__file__).resolve().parent.parent


def _slow_role_words(title: Title, lex) -> set[str]:
    family = title.family or lex.family(title.role)
    words = {title.role, family}
    words |= {r for r, info in lex.roles.items() if info.family == family}
    words |= {group for group, members in lex.role_groups.items() if family in members}
    return words


def test_role_words_of_every_role_and_family_are_the_full_scans():
    lex = lexicon()
    families = {info.family for info in lex.roles.values()} | {m for members in lex.role_groups.values() for m in members}
    titles = [Title(role) for role in lex.roles] + [Title(role, family=f) for role in list(lex.roles)[:20] for f in families]
    for title in titles:
        assert references._role_words(title, lex) == _slow_role_words(title, lex), title.role
    grouped = [t for t in titles if any(t.family and t.family in m for m in lex.role_groups.values())]
    assert len(titles) > 500 and grouped  # the lexicon has many roles, and families in groups


def test_role_references_of_the_seeds_registry_match_the_full_scans(monkeypatch):
    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources

    plugins = get_plugins()
    seeds = ROOT / "seeds"
    registry = build_registry(read_sources([seeds], plugins.parsers()), plugins.fact_extractors())
    fast = references.role_references_for(registry.people)
    monkeypatch.setattr(references, "_role_words", _slow_role_words)
    assert references.role_references_for(registry.people) == fast
    assert fast  # the seeds' people hold titles that one person holds
