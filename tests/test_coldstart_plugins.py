"""With no plugin installed, the built-ins' hooks are called directly, without pluggy
(newslint/plugins.py): the answers are those of a pluggy manager with the built-ins
registered, and a cold check does not import pluggy. (Installed plugins: test_plugins.py.)"""
from __future__ import annotations

import importlib
import subprocess
import sys

import pluggy

from newslint import hookspecs
from newslint.plugins import BUILTIN_PLUGINS, Plugins, get_plugins, may_declare_plugins


def _with_pluggy() -> Plugins:
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs.marked(hookspecs, hookspecs.hookspec))
    for name in BUILTIN_PLUGINS:
        manager.register(hookspecs.marked(importlib.import_module(name), hookspecs.hookimpl), name=name)
    return Plugins(manager)


def _answers(plugins: Plugins) -> tuple:
    def plain(value):
        return getattr(value, "target", None) or getattr(value, "__qualname__", None) or value

    return ({name: plain(value) for name, value in plugins.rule_kinds()._values.items()},
            {name: plain(value) for name, value in plugins.parsers().items()},
            {name: plain(value) for name, value in plugins.formats()._values.items()},
            [(e.name, e.order, e.module) for e in plugins.fact_extractors()],
            plugins.default_config())


def test_the_built_ins_called_directly_answer_as_pluggy_does() -> None:
    assert not may_declare_plugins()
    direct = get_plugins()
    assert direct.manager is None and direct.errors == []
    assert _answers(direct) == _answers(_with_pluggy())
    assert direct.formats()["json"] is _with_pluggy().formats()["json"]


def test_the_markers_are_pluggy_s() -> None:
    assert isinstance(hookspecs.hookimpl, pluggy.HookimplMarker)
    assert isinstance(hookspecs.hookspec, pluggy.HookspecMarker)
    assert hookspecs.hookimpl.project_name == hookspecs.PROJECT


def test_a_check_without_plugins_does_not_import_pluggy_nor_pickle_py() -> None:
    """Nor pickle.py: the caches use pickle's C functions (_pickle) directly."""
    probe = ("import sys\nfrom newslint.cli.main import command\n"
             "command(['check', '-', '--stdin-filename', 'a.md', '--format', 'json'])\n"
             "print('pluggy' in sys.modules, 'pickle' in sys.modules, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], input="# Budget\n\nThe mayor said no.\n",
                          capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "False False"
