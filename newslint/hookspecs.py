"""The pluggy hooks through which built-ins and third-party plugins (entry-point group
`newslint`) extend newslint. Each hook returns a contribution; newslint merges them.

A value in a rule-kind or format table may be a `Deferred("module:attribute")`: newslint
imports it the first time a rule extends that kind or that format is chosen, so a run pays
only for what it uses (the built-ins are all listed this way).

pluggy is imported only when a plugin is installed (or `hookimpl`/`hookspec` is asked for):
a run with the built-ins alone calls them directly (see plugins.py), and the hooks below are
marked as pluggy's specifications when a plugin manager is made (`marked`)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass

PROJECT = "newslint"
# The hooks, in the order they are declared below.
HOOKS = ("newslint_rule_kinds", "newslint_parsers", "newslint_formats", "newslint_fact_extractors",
         "newslint_default_config")


def __getattr__(name: str):
    """`hookspec` and `hookimpl`, pluggy's markers for this project, made on first use."""
    if name in ("hookspec", "hookimpl"):
        import pluggy

        marker = pluggy.HookspecMarker(PROJECT) if name == "hookspec" else pluggy.HookimplMarker(PROJECT)
        globals()[name] = marker
        return marker
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def marked(module, marker):
    """`module` with each of its hook functions marked by `marker` (hookspec or hookimpl)."""
    for name in HOOKS:
        function = getattr(module, name, None)
        if function is not None:
            marker(function)
    return module


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


def newslint_rule_kinds() -> dict:
    """Rule kinds: {"extends value": RuleKind subclass}."""


def newslint_parsers() -> dict:
    """Document parsers: {".ext": callable(path, text) -> Document}."""


def newslint_formats() -> dict:
    """Output formats: {"name": callable(reports, stream, context) -> None}."""


def newslint_fact_extractors() -> list:
    """Fact extractors: objects with `name`, `order` and `extract(corpus, registry)`."""


def newslint_default_config() -> dict:
    """Defaults merged under the user's configuration (e.g. extra rule folders)."""
