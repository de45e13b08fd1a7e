"""Role references that name one person: "the French president", "the president of France",
"the Port Authority spokeswoman", and a bare "the mayor" when the sources have only one."""
from __future__ import annotations

from collections import defaultdict

from newslint.registry.lexicon import Lexicon, lexicon
from newslint.registry.model import Entity, Title


def _role_words(title: Title, lex: Lexicon) -> set[str]:
    family = title.family or lex.family(title.role)
    return {title.role, family, *_family_words(lex, family)}


# The roles of each family and the groups that hold it, per lexicon (read from its role lists
# once, not for every title of every person).
_BY_FAMILY: dict[int, tuple[Lexicon, dict[str, frozenset[str]]]] = {}


def _family_words(lex: Lexicon, family: str) -> frozenset[str]:
    held = _BY_FAMILY.get(id(lex))
    if held is None or held[0] is not lex:
        _BY_FAMILY.clear()
        held = _BY_FAMILY[id(lex)] = (lex, {})
    words = held[1].get(family)
    if words is None:
        words = held[1][family] = frozenset({r for r, info in lex.roles.items() if info.family == family}
                                            | {group for group, members in lex.role_groups.items() if family in members})
    return words


def _affiliation_words(affiliation: str, lex: Lexicon) -> set[str]:
    """"France" -> {"france", "french", "france's"}; an organisation stands for itself."""
    words = {affiliation.casefold(), affiliation.casefold() + "'s"}
    words |= {adjective for adjective, country in lex.nationalities.items() if country == affiliation}
    return words


def reference_phrases(title: Title, lex: Lexicon | None = None) -> set[str]:
    lex = lex or lexicon()
    roles = _role_words(title, lex)
    if not title.affiliation:
        return set()
    phrases = set()
    for place in _affiliation_words(title.affiliation, lex):
        phrases |= {f"{place} {role}" for role in roles}
    phrases |= {f"{role} of {title.affiliation.casefold()}" for role in roles}
    return phrases


def role_references_for(people: list[Entity]) -> dict[str, str]:
    """Phrase -> canonical name, for phrases that only one person's current titles give, in
    the phrases' order: the phrases come from sets, whose order changes from one process to
    the next (string hashing), and the registry (and its cache file) must not."""
    lex = lexicon()
    holders: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for title in person.titles:
            if title.status != "current":
                continue
            for phrase in reference_phrases(title, lex):
                holders[phrase].add(person.canonical)
            for word in _role_words(title, lex):
                holders[word].add(person.canonical)
    return {phrase: next(iter(names)) for phrase, names in sorted(holders.items()) if len(names) == 1}
