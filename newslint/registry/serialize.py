"""The registry as readable YAML: every fact with its support and provenance."""
from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

import yaml

from newslint.registry.model import Entity, Provenance, Registry, Title


def _where(mentions: list[Provenance]) -> list[dict]:
    return [{"source": m.source, "line": m.line, "text": m.text} for m in mentions]


def _title(title: Title) -> dict:
    data = {"role": title.role, "affiliation": title.affiliation, "status": title.status,
            "text": title.text, "support": title.support}
    if title.start or title.end:
        data.update(start=title.start, end=title.end)
    if title.status_against:
        data["status_against"] = _where(title.status_against)
    data["mentions"] = _where(title.mentions)
    return data


def entity_data(entity: Entity) -> dict:
    data: dict = {"name": entity.canonical, "kind": entity.kind}
    if entity.kind == "person":
        data.update(surname=entity.surname, given=entity.given, gender=entity.gender,
                    gender_support=len(entity.gender_evidence))
    data["support"] = entity.support
    data["sources"] = len(entity.sources)
    if entity.aliases:
        data["aliases"] = list(entity.aliases)
    if entity.curated:
        data["curated"] = True
    data["variants"] = [{"form": v.form, "wrong": v.wrong, "support": v.support, "mentions": _where(v.mentions)}
                        for v in entity.variants]
    if entity.titles:
        data["titles"] = [_title(t) for t in entity.titles]
    return data


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def registry_data(registry: Registry) -> dict:
    return {
        "sources": list(registry.sources),
        "entities": [entity_data(e) for e in registry.entities],
        "quotes": [_plain(q) for q in registry.quotes],
        "figures": [_plain(f) for f in registry.figures],
        "conflicts": [{"topic": c.topic, "sides": [{"says": says, "support": len(where), "mentions": _where(where)}
                                                   for says, where in c.sides]} for c in registry.conflicts],
    }


def write_yaml(registry: Registry, path: Path) -> None:
    """Write atomically: a temporary file in the same folder, then rename."""
    text = yaml.safe_dump(registry_data(registry), sort_keys=False, allow_unicode=True, width=100)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
