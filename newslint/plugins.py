"""The plugin manager: built-ins first, then the `newslint` entry points. A plugin that fails
to load is reported as a warning, never fatal."""
from __future__ import annotations

import importlib
import importlib.machinery
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pluggy

from newslint import hookspecs
from newslint.hookspecs import Deferred

BUILTIN_PLUGINS = (
    "newslint.builtins",
)


class Exports(Mapping):
    """Merged hook contributions by name; a `Deferred` value is imported on first lookup."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getitem__(self, name: str) -> Any:
        value = self._values[name]
        if isinstance(value, Deferred):
            value = self._values[name] = value.load()
        return value

    def __contains__(self, name: object) -> bool:  # without importing
        return name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class Plugins:
    """The plugin manager (built-ins and installed plugins registered), and the plugins that
    failed to load."""

    manager: pluggy.PluginManager
    errors: list[str] = field(default_factory=list)

    def _merged(self, results) -> dict:
        merged: dict = {}
        # pluggy calls the last registered first; built-ins are registered first, so reverse
        # to let third-party plugins override built-ins of the same name.
        for result in reversed(results):
            merged.update(result or {})
        return merged

    def rule_kinds(self) -> Mapping:
        return Exports(self._merged(self.manager.hook.newslint_rule_kinds()))

    def parsers(self) -> dict:
        return self._merged(self.manager.hook.newslint_parsers())

    def formats(self) -> Mapping:
        return Exports(self._merged(self.manager.hook.newslint_formats()))

    def fact_extractors(self) -> list:
        extractors = [e for result in self.manager.hook.newslint_fact_extractors() for e in result or []]
        return sorted(extractors, key=lambda e: getattr(e, "order", 100))

    def default_config(self) -> dict:
        return self._merged(self.manager.hook.newslint_default_config())


@lru_cache(maxsize=1)
def get_plugins() -> Plugins:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins = Plugins(manager)
    for name in BUILTIN_PLUGINS:
        manager.register(importlib.import_module(name), name=name)
    if not may_declare_plugins():
        return plugins
    from importlib.metadata import entry_points  # email, zipfile, csv...: ~2% of a cold start

    for entry in entry_points(group=hookspecs.PROJECT):
        try:
            manager.register(entry.load(), name=f"{entry.name}")
        except Exception as error:  # noqa: BLE001 - any failure of a plugin is reported, not fatal
            plugins.errors.append(f"plugin {entry.name!r} ({entry.value}) failed to load: {error}")
    return plugins


_SECTION = re.compile(rf"^[ \t]*\[[ \t]*{hookspecs.PROJECT}[ \t]*\]", re.MULTILINE)


def may_declare_plugins() -> bool:
    """Whether an installed distribution may declare a `newslint` entry point: a look at the
    entry_points.txt of the *.dist-info and *.egg-info folders on sys.path, so that a run
    without plugins does not import importlib.metadata. Anything else that importlib.metadata
    could find distributions in (a zip or an .egg on sys.path, a meta-path finder of its own)
    answers yes and leaves the decision to importlib.metadata."""
    if any(hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder
           for finder in sys.meta_path):
        return True
    for entry in sys.path:
        if entry.endswith(".egg"):
            return True
        try:
            with os.scandir(entry or ".") as items:
                folders = [item.path for item in items if item.name.endswith((".dist-info", ".egg-info"))]
        except NotADirectoryError:  # a zip file
            return True
        except OSError:  # not there: nothing to find
            continue
        for folder in folders:
            try:
                with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8", errors="replace") as stream:
                    if _SECTION.search(stream.read()):
                        return True
            except OSError:  # no entry points (or an .egg-info file)
                continue
    return False
