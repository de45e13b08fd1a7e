"""What a cold `newslint check` with its caches filled leaves unimported, and that it still
reads what it must: a pyproject.toml's [tool.newslint] table comes from the cache folder
while the file is unchanged (no TOML parser), an edit or broken TOML is read afresh; a cached
registry needs none of the fact extractors' code, and a build runs them all."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_files
from newslint import builtins
from newslint.engine import config
from newslint.engine.config import ConfigError, find_config, load_config_file
from newslint.plugins import get_plugins

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
PROBE = """
import json, sys
from newslint.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""
PYPROJECT = """[project]
name = "desk-tools"

[tool.newslint]
select = ["newsroom"]
levels = {"newsroom.Said" = "error"}
"""
DRAFT = "# Council\n\nThe mayor stated that the plan was late, Ana Ruiz said on Monday.\n"
EXTRACTOR_CODE = ("newslint.registry.extractors.people", "newslint.registry.extractors.figures",
                  "newslint.registry.curated", "newslint.registry.gender",
                  "newslint.registry.build", "newslint.registry.parallel")  # the build's own code too


def check(folder: Path, cache: Path, *args: str) -> tuple[dict, list]:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(cache / "xdg")}
    env.pop("NEWSLINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", PROBE, "check", *args, "--format", "json"], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)
    status = json.loads(done.stderr.strip().splitlines()[-1])
    return status, json.loads(done.stdout) if done.stdout.strip() else []


def test_a_pyproject_config_is_read_from_the_cache_until_it_changes(tmp_path: Path) -> None:
    project = write_files(tmp_path, {"project/pyproject.toml": PYPROJECT, "project/draft.md": DRAFT}) / "project"
    cache = tmp_path / "cache"
    first, found = check(project, cache, "draft.md")
    assert "tomllib" in first["modules"]
    said = [f for f in found if f["rule"] == "newsroom.Said"]
    assert said and all(f["severity"] == "error" for f in said)
    assert {f["rule"].split(".")[0] for f in found} == {"newsroom"}
    second, again = check(project, cache, "draft.md")
    assert "tomllib" not in second["modules"] and again == found and second["code"] == first["code"]
    (project / "pyproject.toml").write_text(PYPROJECT.replace('"error"', '"suggestion"'), encoding="utf-8")
    third, edited = check(project, cache, "draft.md")
    assert "tomllib" in third["modules"]
    assert [f["severity"] for f in edited if f["rule"] == "newsroom.Said"] == ["suggestion"] * len(said)


def test_a_cached_registry_imports_no_extraction_code_and_gives_the_same_findings(tmp_path: Path) -> None:
    draft = write_files(tmp_path, {"draft.md": DRAFT}) / "draft.md"
    cache = tmp_path / "cache"
    built, found = check(tmp_path, cache, str(draft), "--sources", str(SEEDS))
    assert all(module in built["modules"] for module in EXTRACTOR_CODE[:2])  # built: every extractor ran
    cached, again = check(tmp_path, cache, str(draft), "--sources", str(SEEDS))
    assert again == found and cached["code"] == built["code"]
    assert not [module for module in EXTRACTOR_CODE if module in cached["modules"]]


def test_a_cached_check_runs_its_style_rules_under_the_timer_without_importing_signal(tmp_path: Path) -> None:
    """The regex timer (regextimer.py) uses the C module `_signal`: the stdlib's `signal` builds
    its enums at import, about 1 ms of a cold check."""
    draft = write_files(tmp_path, {"draft.md": DRAFT}) / "draft.md"
    cache = tmp_path / "cache"
    check(tmp_path, cache, str(draft), "--sources", str(SEEDS))
    cached, found = check(tmp_path, cache, str(draft), "--sources", str(SEEDS))
    assert "newslint.regextimer" in cached["modules"] and "signal" not in cached["modules"]
    assert [f for f in found if f["rule"].startswith("newsroom.")]  # the timed rules ran


def test_broken_toml_that_configures_newslint_is_still_an_error_from_the_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    path = write_files(tmp_path, {"p/pyproject.toml": "[tool.newslint]\nselect = [\n"}) / "p" / "pyproject.toml"
    for _ in range(2):  # parsed, then from the cache (a new process is modelled by clearing the memo)
        config._newslint_table.cache_clear()
        with pytest.raises(ConfigError, match="invalid TOML"):
            load_config_file(path)
        config._find_config.cache_clear()
        with pytest.raises(ConfigError, match="invalid TOML"):
            find_config(path.parent)


def test_a_pyproject_without_the_table_is_passed_over_from_the_cache_too(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    folder = write_files(tmp_path, {"p/pyproject.toml": '[project]\nname = "newslint-notes"\n'}) / "p"
    for _ in range(2):
        config._newslint_table.cache_clear()
        config._find_config.cache_clear()
        assert find_config(folder).path is None


def test_the_extractor_table_gives_each_module_s_names_and_orders() -> None:
    from importlib import import_module

    listed = [(e.name, e.order) for e in get_plugins().fact_extractors()]
    exported = sorted((e.name, e.order) for module in builtins.EXTRACTOR_MODULES for e in import_module(module).EXTRACTORS)
    assert listed == sorted(exported, key=lambda pair: pair[1])
    for extractor in get_plugins().fact_extractors():
        assert type(extractor.load()).__name__.lower().startswith(extractor.name.rstrip("s"))


def test_a_process_s_own_command_still_writes_its_output_and_caches_at_exit(tmp_path: Path, newslint) -> None:
    """`python -m newslint` freezes what is left before exiting (gcpause.exiting): the output
    is whole, the exit status right, and the exit handlers still write the regex cache."""
    from newslint import regexcache

    draft = write_files(tmp_path, {"draft.md": DRAFT}) / "draft.md"
    cache = tmp_path / "cache"
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("NEWSLINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-m", "newslint", "check", str(draft), "--format", "json"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    in_process = newslint("check", str(draft), "--format", "json")
    assert done.returncode == in_process.code
    assert json.loads(done.stdout) == json.loads(in_process.out) and json.loads(done.stdout)
    assert (cache / regexcache.FILE_NAME).stat().st_size > 0


def test_the_code_fingerprint_follows_every_code_and_data_file_but_not_bytecode(tmp_path: Path, monkeypatch) -> None:
    from newslint.registry import store

    package = write_files(tmp_path, {
        "registry/build.py": "x = 1\n", "registry/extractors/people.py": "y = 2\n",
        "registry/__pycache__/build.cpython-311.pyc": b"\0", "data/names.yaml": "a: 1\n",
        "document/model.py": "z = 3\n", "document/notes.txt": "not code\n",
    })
    monkeypatch.setattr(store, "_PACKAGE", package)
    first = store.code_fingerprint()
    for unrelated in ("registry/__pycache__/build.cpython-311.pyc", "document/notes.txt"):
        (package / unrelated).write_bytes(b"changed, longer")
        assert store.code_fingerprint() == first
    for edited in ("registry/extractors/people.py", "data/names.yaml", "document/model.py"):
        before = store.code_fingerprint()
        (package / edited).write_text("edited = True\n", encoding="utf-8")
        assert store.code_fingerprint() != before, edited
