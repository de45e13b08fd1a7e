"""Values a plugin's hooks can return without importing the code they name, and the plugins'
entry-point group. Kept apart from newslint.hookspecs (which re-exports them) because that
module imports pluggy, and a run with no plugin installed never needs pluggy (plugins.py)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

PROJECT = "newslint"  # the entry-point group, and pluggy's project name


@dataclass(frozen=True, eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class Deferred:
    """A hook value named by "module:attribute", imported on first use."""

    target: str

    def load(self):
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)


class DeferredExtractor:
    """A fact extractor known by its name and order, and found in the EXTRACTORS of `module`,
    which is imported when it first extracts."""

    def __init__(self, name: str, order: int, module: str) -> None:
        self.name, self.order, self.module = name, order, module

    def load(self):
        return next(e for e in importlib.import_module(self.module).EXTRACTORS if e.name == self.name)

    def extract(self, documents, registry) -> None:
        self.load().extract(documents, registry)
