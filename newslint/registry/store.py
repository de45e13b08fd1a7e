"""Where built registries are kept: in memory for the process, keyed by the sources' content."""
from __future__ import annotations

import hashlib
from pathlib import Path

from newslint import __version__
from newslint.engine.files import expand_paths
from newslint.registry.build import build_registry, read_sources
from newslint.registry.model import Registry


def content_key(sources: list[Path], facts: list[Path]) -> str:
    """A hash of every source and facts file's path and bytes, and the newslint version."""
    digest = hashlib.sha256(__version__.encode())
    for path in [*expand_paths(sources), *expand_paths(facts, (".yaml", ".yml"))]:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


class RegistryProvider:
    """Builds a registry once per distinct set of sources and facts."""

    def __init__(self, plugins) -> None:
        self.plugins = plugins
        self._built: dict[str, tuple[Registry, list[str]]] = {}

    def get(self, sources: list[Path], facts: list[Path], parsers: dict | None = None) -> tuple[Registry, list[str]]:
        key = content_key(sources, facts)
        if key not in self._built:
            corpus = read_sources(sources, parsers)
            notes = list(corpus.problems)
            missing = [str(p) for p in sources if not p.exists()]
            notes.extend(f"{p}: source not found" for p in missing)
            self._built[key] = (build_registry(corpus, self.plugins.fact_extractors()), notes)
        return self._built[key]
