"""A curated facts file: entities, aliases, titles with dates, gender, and variants marked right
or wrong, written by an editor. Curated entries win over what was extracted.

    entities:
      - name: Jane Doe                 # canonical name; matched to an extracted entity if any
        kind: person                   # or organisation
        gender: female
        aliases: [J. Doe]
        variants: {right: [Janie Doe], wrong: [Jane Dough]}
        titles:
          - {role: mayor, affiliation: Springfield, status: current, start: 2021-01-04, end: 2025-01-06}

The YAML that `newslint facts build` writes loads here as well.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import affiliations_compatible
from newslint.registry.model import Entity, Registry, Title, Variant
from newslint.registry.references import role_references_for

GENDERS = ("female", "male", "unknown")


class FactsError(Exception):
    """A curated facts file is wrong; the message names the file and the entry."""


def load_facts(path: Path) -> list[dict[str, Any]]:
    import yaml  # here: only a facts file needs PyYAML

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise FactsError(f"{path}: cannot read facts file: {error}") from None
    except yaml.YAMLError as error:
        raise FactsError(f"{path}: invalid YAML: {error}") from None
    except (ValueError, RecursionError) as error:  # an impossible date, nesting too deep
        raise FactsError(f"{path}: invalid YAML: {type(error).__name__}: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entities", []), list):
        raise FactsError(f"{path}: a facts file is a mapping with a list of 'entities'")
    entries = data.get("entities") or []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise FactsError(f"{path}: entity {number}: needs a 'name'")
        gender = entry.get("gender")
        if gender is not None and gender not in GENDERS:
            raise FactsError(f"{path}: entity {entry['name']!r}: gender must be one of {', '.join(GENDERS)}")
        if not isinstance(entry.get("titles", []) or [], list):
            raise FactsError(f"{path}: entity {entry['name']!r}: titles must be a list")
    return entries


def apply_facts(registry: Registry, paths: list[Path]) -> None:
    """Merge every curated file into the registry, in order (a later file wins)."""
    for path in paths:
        for entry in load_facts(path):
            _apply(registry, entry, str(path))
            registry.invalidate()
    registry.references.update(role_references_for(registry.people))


def _apply(registry: Registry, entry: dict[str, Any], where: str) -> None:
    name = entry["name"].strip()
    kind = str(entry.get("kind") or "person")
    entity = registry.find(name) or _by_wrong_form(registry, name)
    if entity is None:
        words = name.split()
        entity = Entity(canonical=name, kind=kind, surname=words[-1] if kind == "person" else "",
                        given=words[0] if kind == "person" and len(words) > 1 else "")
        registry.entities.append(entity)
    elif entity.canonical != name:
        entity.canonical = name  # the editor's form is canonical
        words = name.split()
        if entity.kind == "person":
            entity.surname, entity.given = words[-1], words[0] if len(words) > 1 else ""
    entity.curated = True
    entity.kind = kind
    _variant(entity, name, wrong=False)
    if entry.get("gender"):
        entity.gender = entry["gender"]
        entity.gender_evidence = []
    for alias in entry.get("aliases") or []:
        if str(alias) not in entity.aliases:
            entity.aliases.append(str(alias))
    variants = entry.get("variants") or {}
    if isinstance(variants, dict):
        for form in variants.get("right") or []:
            _variant(entity, str(form), wrong=False)
        for form in variants.get("wrong") or []:
            _variant(entity, str(form), wrong=True)
    elif isinstance(variants, list):  # the shape `facts build` writes
        for item in variants:
            if isinstance(item, dict) and item.get("form"):
                _variant(entity, str(item["form"]), wrong=bool(item.get("wrong")))
    for item in entry.get("titles") or []:
        if isinstance(item, dict) and item.get("role"):
            _title(entity, item)


def _by_wrong_form(registry: Registry, name: str) -> Entity | None:
    for entity in registry.entities:
        if any(v.form.casefold() == name.casefold() for v in entity.variants):
            return entity
    return None


def _variant(entity: Entity, form: str, wrong: bool) -> None:
    for variant in entity.variants:
        if variant.form.casefold() == form.casefold():
            variant.wrong = wrong
            return
    entity.variants.append(Variant(form, [], wrong))


def _title(entity: Entity, item: dict[str, Any]) -> None:
    lex = lexicon()
    role = str(item["role"]).casefold()
    affiliation = str(item.get("affiliation") or "")
    family = lex.family(role)
    start = str(item["start"]) if item.get("start") else None
    end = str(item["end"]) if item.get("end") else None
    status = str(item.get("status") or ("former" if end else "current"))
    for title in entity.titles:
        if lex.families_compatible(title.family or title.role, family) and \
                affiliations_compatible(title.affiliation, affiliation) and (title.affiliation or not affiliation):
            title.status, title.start, title.end = status, start, end
            title.affiliation = affiliation or title.affiliation
            title.status_against = []
            return
    entity.titles.append(Title(role=role, affiliation=affiliation, status=status, text=str(item.get("text") or role),
                               start=start, end=end, family=family))
