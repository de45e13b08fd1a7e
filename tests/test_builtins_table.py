"""The built-in plugin lists its rule kinds, formats and fact extractors by name and imports
them on first use: the tables must name exactly what the modules export, and a check run must
import only the kinds, the format and the machinery it uses."""
from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
import pytest

from newslint import builtins
from newslint.hookspecs import Deferred
from newslint.plugins import get_plugins

from conftest import write_files


def exported(package: str, name: str) -> dict[str, object]:
    """{module name: its export} for every module of `package` that has `name`."""
    found = {}
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        if getattr(module, name, None):
            found[module.__name__] = getattr(module, name)
    return found


@pytest.mark.parametrize("package, export, table", [
    ("newslint.kinds", "RULE_KINDS", builtins.RULE_KINDS),
    ("newslint.formats", "FORMATS", builtins.FORMATS),
])
def test_table_names_every_export_of_the_package(package, export, table):
    modules = exported(package, export)
    merged = {name: value for values in modules.values() for name, value in values.items()}
    assert sorted(table) == sorted(merged)
    for name, target in table.items():
        assert Deferred(target).load() is merged[name], name
        assert target.partition(":")[0] in modules


def test_extractor_modules_are_every_module_that_exports_extractors():
    assert sorted(builtins.EXTRACTOR_MODULES) == sorted(exported("newslint.registry.extractors", "EXTRACTORS"))
    names = [extractor.name for extractor in get_plugins().fact_extractors()]
    assert sorted(names) == sorted({e.name for es in exported("newslint.registry.extractors", "EXTRACTORS").values() for e in es})


def test_merged_tables_resolve_to_the_classes_and_writers():
    kinds = get_plugins().rule_kinds()
    assert "existence" in kinds and "nope" not in kinds
    from newslint.kinds.existence import Existence
    from newslint.formats.json_format import write_json
    assert kinds["existence"] is Existence
    assert get_plugins().formats()["json"] is write_json
    assert dict(kinds)["substitution"].extends == "substitution"


PROBE = """
import sys
from newslint.cli.main import main
code = main(sys.argv[1:])
print(" ".join(sorted(sys.modules)))
"""


def test_a_check_imports_only_what_it_uses(tmp_path):
    root = write_files(tmp_path, {
        "draft.md": "# Vote\n\nThe council voted on the plan. It is very unique.\n",
        "rules/desk/Unique.yml": "extends: existence\nmessage: \"'%s' is absolute.\"\ntokens: [very unique]\n",
    })
    done = subprocess.run([sys.executable, "-c", PROBE, "check", "draft.md", "--rules", "rules", "--select", "desk",
                           "--format", "json"], cwd=root, capture_output=True, text=True, timeout=120)
    modules = set(done.stdout.strip().splitlines()[-1].split())
    findings = json.loads(done.stdout[: done.stdout.rindex("]") + 1])
    assert [f["rule"] for f in findings] == ["desk.Unique"]
    assert "newslint.formats.json_format" in modules
    for unused in ("newslint.formats.sarif", "newslint.formats.lsp_format", "newslint.lsp.diagnostics",
                   "newslint.kinds.metric", "newslint.kinds.readability", "pathspec", "concurrent.futures.process",
                   "newslint.fixes"):
        assert unused not in modules, unused


def test_plugin_lookup_is_skipped_only_when_no_distribution_declares_one(tmp_path, monkeypatch):
    from importlib.metadata import entry_points

    from newslint.plugins import may_declare_plugins

    site = write_files(tmp_path, {
        "other-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: other\nVersion: 1.0\n",
        "other-1.0.dist-info/entry_points.txt": "[console_scripts]\nother = other:main\n",
    })
    monkeypatch.syspath_prepend(str(site))
    assert may_declare_plugins() is bool(entry_points(group="newslint")) is False
    write_files(site, {
        "desk-1.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: desk\nVersion: 1.0\n",
        "desk-1.0.dist-info/entry_points.txt": "[console_scripts]\ndesk = desk:main\n\n[newslint]\ndesk = desk\n",
    })
    assert may_declare_plugins() is bool(entry_points(group="newslint")) is True
