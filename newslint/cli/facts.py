"""`newslint facts build | show | conflicts`: build the fact registry and inspect it."""
from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

from newslint.cli.main import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error
from newslint.engine.config import ConfigError, find_config
from newslint.plugins import get_plugins
from newslint.registry.explain import support
from newslint.registry.model import Entity, Registry
from newslint.registry.store import RegistryProvider


def run_facts(args: Namespace) -> int:
    plugins = get_plugins()
    for problem in plugins.errors:
        error(problem)
    try:
        config = find_config(Path.cwd())
    except ConfigError as problem:
        error(str(problem))
        return EXIT_ERROR
    sources = args.sources or config.sources
    facts = args.facts if args.facts is not None else config.facts
    if not sources:
        error("no sources: pass them (--sources PATH) or set 'sources' in .newslint.yaml")
        return EXIT_ERROR
    for path in [*sources, *facts]:
        if not path.exists():
            error(f"{path}: no such file or directory")
            return EXIT_ERROR
    registry, notes = RegistryProvider(plugins).get(list(sources), list(facts), plugins.parsers())
    for note in notes:
        print(f"newslint: warning: {note}", file=sys.stderr)
    if args.facts_command == "build":
        return _build(registry, args.output)
    if args.facts_command == "show":
        return _show(registry, args.name)
    return _conflicts(registry)


def _build(registry: Registry, output: Path) -> int:
    from newslint.registry.serialize import write_yaml

    try:
        write_yaml(registry, output)
    except OSError as problem:
        error(f"{output}: cannot write: {problem.strerror or problem}")
        return EXIT_ERROR
    print(f"{output}: {len(registry.people)} people, {len(registry.organisations)} organisations, "
          f"{len(registry.quotes)} quotes, {len(registry.figures)} figures, {len(registry.conflicts)} conflicts "
          f"from {len(registry.sources)} sources")
    return EXIT_CLEAN


def lookup(registry: Registry, name: str) -> Entity | None:
    """By any right form, a role reference, a surname, or a wrong variant."""
    found = registry.find(name) or registry.person_by_name(name)
    if found is None:
        wanted = name.casefold()
        found = next((e for e in registry.entities for v in e.variants if v.form.casefold() == wanted), None)
    return found


def _show(registry: Registry, name: str) -> int:
    entity = lookup(registry, name)
    if entity is None:
        error(f"{name!r} is not in the registry")
        return EXIT_FINDINGS
    out = [f"{entity.canonical} ({entity.kind}{', curated' if entity.curated else ''}): {support(entity.mentions)}"]
    if entity.kind == "person":
        out.append(f"  gender: {entity.gender}" + (f" ({support(entity.gender_evidence)})" if entity.gender_evidence else ""))
    if entity.aliases:
        out.append(f"  aliases: {', '.join(entity.aliases)}")
    for variant in entity.variants:
        label = "wrong" if variant.wrong else "right"
        out.append(f"  {label}: {variant.form} ({support(variant.mentions)})")
        if variant.wrong:
            out.extend(f"      {m.source}:{m.line}: {m.text}" for m in variant.mentions[:3])
    for title in entity.titles:
        where = f" ({title.start or '…'} to {title.end or '…'})" if title.start or title.end else ""
        against = f"; {len(title.status_against)} say otherwise" if title.status_against else ""
        out.append(f"  title: {title.text or title.role} [{title.role}, {title.affiliation or 'no affiliation'}, "
                   f"{title.status}]{where} ({support(title.mentions)}{against})")
    quotes = [q for q in registry.quotes if q.speaker == entity.canonical]
    for quote in quotes:
        out.append(f"  quote: \u201c{quote.text}\u201d ({quote.provenance.source}:{quote.provenance.line})")
    print("\n".join(out))
    return EXIT_CLEAN


def _conflicts(registry: Registry) -> int:
    if not registry.conflicts:
        print("the sources agree")
        return EXIT_CLEAN
    for conflict in registry.conflicts:
        print(f"{conflict.topic}:")
        for says, where in sorted(conflict.sides, key=lambda side: -len(side[1])):
            print(f"  {says}: {support(where)}")
            for mention in where[:2]:
                print(f"      {mention.source}:{mention.line}: {mention.text}")
    return EXIT_CLEAN
