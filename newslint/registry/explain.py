"""Say what the sources say: support counts and evidence for findings and `facts show`."""
from __future__ import annotations

from newslint.findings import Evidence
from newslint.registry.model import Entity, Provenance


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def support(mentions: list[Provenance]) -> str:
    """"14 mentions in 5 sources"."""
    sources = {m.source for m in mentions}
    return f"{plural(len(mentions), 'mention')} in {plural(len(sources), 'source')}"


def object_pronoun(entity: Entity) -> str:
    if entity.kind != "person":
        return "it"
    return {"female": "her", "male": "him"}.get(entity.gender, "them")


def evidence(mentions: list[Provenance], limit: int = 3) -> list[Evidence]:
    """The first mentions, one per source first, so the evidence spans the sources."""
    chosen: list[Provenance] = []
    seen: set[str] = set()
    for mention in mentions:
        if mention.source not in seen:
            seen.add(mention.source)
            chosen.append(mention)
    for mention in mentions:
        if mention not in chosen:
            chosen.append(mention)
    return [Evidence(m.source, m.line, m.text) for m in chosen[:limit]]


def canonical_mentions(entity: Entity) -> list[Provenance]:
    """Mentions of the canonical form first, then the other right forms."""
    first = [m for v in entity.variants if v.form == entity.canonical for m in v.mentions]
    rest = [m for v in entity.variants if v.form != entity.canonical and not v.wrong for m in v.mentions]
    return first + rest
