"""The pluggy hooks through which built-ins and third-party plugins (entry-point group
`newslint`) extend newslint. Each hook returns a contribution; newslint merges them.

A value in a rule-kind or format table may be a `Deferred("module:attribute")`: newslint
imports it the first time a rule extends that kind or that format is chosen, so a run pays
only for what it uses (the built-ins are all listed this way)."""
from __future__ import annotations

import pluggy

# Defined without pluggy (a run with no plugin installed never imports it); plugins import
# them from here.
from newslint.deferred import PROJECT, Deferred, DeferredExtractor

__all__ = ["PROJECT", "Deferred", "DeferredExtractor", "hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


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
