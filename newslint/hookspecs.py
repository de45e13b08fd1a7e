"""The pluggy hooks through which built-ins and third-party plugins (entry-point group
`newslint`) extend newslint. Each hook returns a contribution; newslint merges them.

A value in a rule-kind or format table may be a `Deferred("module:attribute")`: newslint
imports it the first time a rule extends that kind or that format is chosen, so a run pays
only for what it uses (the built-ins are all listed this way)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

import pluggy

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@dataclass(eq=False, repr=False)  # never compared, printed or changed: no generated methods to compile at start-up
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


@hookspec
def newslint_rule_kinds() -> dict:
    """Rule kinds: {"extends value": RuleKind subclass}."""


@hookspec
def newslint_parsers() -> dict:
    """Document parsers: {".ext": callable(path, text) -> Document}."""


@hookspec
def newslint_formats() -> dict:
    """Output formats: {"name": callable(reports, stream, context) -> None}."""


@hookspec
def newslint_fact_extractors() -> list:
    """Fact extractors: objects with `name`, `order` and `extract(corpus, registry)`."""


@hookspec
def newslint_default_config() -> dict:
    """Defaults merged under the user's configuration (e.g. extra rule folders)."""
