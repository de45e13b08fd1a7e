"""With no plugin installed, the built-in hooks are called directly and pluggy is never imported
(plugins.py); what they give is what pluggy's plugin manager gives for the same built-ins."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import write_files
from newslint import plugins

PROBE = """
import sys
from newslint.cli.main import main
code = main(sys.argv[1:])
print(" ".join(sorted(sys.modules)))
"""


def test_the_builtins_called_directly_give_what_the_plugin_manager_gives(monkeypatch) -> None:
    direct = plugins.get_plugins.__wrapped__()
    monkeypatch.setattr(plugins, "may_declare_plugins", lambda: True)  # this venv has no plugin: built-ins only
    managed = plugins.get_plugins.__wrapped__()
    assert isinstance(direct.manager, plugins._Builtins)
    assert type(managed.manager).__module__ == plugins.__name__ and not managed.errors
    assert [p for p, _ in managed.manager.list_name_plugin()] == list(plugins.BUILTIN_PLUGINS)
    for table in ("rule_kinds", "formats"):
        ours, theirs = getattr(direct, table)(), getattr(managed, table)()
        assert list(ours) == list(theirs) and len(ours) > 4
        assert all(ours[name] is theirs[name] for name in ours), table  # the same class or function
    assert direct.parsers() == managed.parsers() and ".md" in direct.parsers()
    assert direct.default_config() == managed.default_config() == {}
    assert ([(e.name, e.order, e.module) for e in direct.fact_extractors()]
            == [(e.name, e.order, e.module) for e in managed.fact_extractors()])


def test_a_check_without_plugins_never_imports_pluggy(tmp_path: Path) -> None:
    root = write_files(tmp_path, {"draft.md": "# Vote\n\nThe mayor stated that the plan was late.\n"})
    done = subprocess.run([sys.executable, "-c", PROBE, "check", "draft.md", "--format", "json"], cwd=root,
                          capture_output=True, text=True, timeout=120)
    modules = set(done.stdout.strip().splitlines()[-1].split())
    assert '"rule": "newsroom.Said"' in done.stdout and "newslint.builtins" in modules
    assert not {m for m in modules if m.split(".")[0] == "pluggy"} and "newslint.hookspecs" not in modules
