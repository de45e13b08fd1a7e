"""The built-in plugin: registers newslint's own rule kinds, parsers, formats and fact
extractors through the same hooks that third-party plugins implement.

Built-ins are found by convention so that adding one is adding a module: a module in
`newslint.kinds` exports RULE_KINDS, one in `newslint.formats` exports FORMATS, and one in
`newslint.registry.extractors` exports EXTRACTORS."""
from __future__ import annotations

import importlib
import pkgutil

from newslint.document.parse import BUILTIN_PARSERS
from newslint.hookspecs import hookimpl


def _exports(package: str, name: str) -> list:
    module = importlib.import_module(package)
    found = []
    for info in sorted(pkgutil.iter_modules(module.__path__), key=lambda i: i.name):
        value = getattr(importlib.import_module(f"{package}.{info.name}"), name, None)
        if value:
            found.append(value)
    return found


@hookimpl
def newslint_rule_kinds() -> dict:
    kinds: dict = {}
    for exported in _exports("newslint.kinds", "RULE_KINDS"):
        kinds.update(exported)
    return kinds


@hookimpl
def newslint_parsers() -> dict:
    return dict(BUILTIN_PARSERS)


@hookimpl
def newslint_formats() -> dict:
    formats: dict = {}
    for exported in _exports("newslint.formats", "FORMATS"):
        formats.update(exported)
    return formats


@hookimpl
def newslint_fact_extractors() -> list:
    return [extractor for exported in _exports("newslint.registry.extractors", "EXTRACTORS") for extractor in exported]


@hookimpl
def newslint_default_config() -> dict:
    return {}
