"""Python's own `re` patterns kept between runs (newslint/cli/reprograms.py): a kept pattern is
the one re.compile builds, the table is written by one run and used by the next, and a file
that is not this user's, or not for this Python, is ignored."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import reprograms
from newslint.yamlcache import cache_folder

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "eval" / "storm" / "tornado.md"
SOURCES = ROOT / "tests" / "eval" / "storm" / "sources"


def _run_check(env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newslint", "check", str(DRAFT), "--sources", str(SOURCES), "--format", "json"]
    return subprocess.run(command, env=env, capture_output=True, cwd=ROOT / "tests")


@pytest.fixture(scope="module")
def kept(tmp_path_factory) -> tuple[dict, Path, subprocess.CompletedProcess]:
    """A cache folder and key of their own; two runs of the same check: the first writes the
    table, the second reads it."""
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    env.pop("NEWSLINT_CACHE_DIR", None)
    env.pop("NEWSLINT_NO_CACHE", None)
    first = _run_check(env)
    table = home / "newslint" / "re-programs-check.bin"
    assert table.exists()
    written = table.stat().st_mtime_ns
    second = _run_check(env)
    assert second.stdout == first.stdout and second.returncode == first.returncode == 1
    assert table.stat().st_mtime_ns == written  # nothing new: not written again
    return env, table, second


def _entries(table: Path) -> list:
    return marshal.loads(table.read_bytes()[32:])[1]


def test_every_kept_program_is_the_one_re_compiles(kept) -> None:
    _, table, _ = kept
    entries = _entries(table)
    assert len(entries) > 50  # markdown-it's, argparse's, json's, newslint's own ...
    for entry in entries:
        arguments = reprograms._arguments(entry)
        pattern, key_flags = entry[0], entry[1]
        assert arguments == reprograms.derive(pattern, key_flags)
        fresh = re._compiler.compile(pattern, key_flags)
        rebuilt = re._compiler._sre.compile(*arguments)
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == \
            (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)


def test_kept_patterns_match_as_fresh_ones_on_real_text(kept) -> None:
    _, table, _ = kept
    texts = [DRAFT.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in sorted(SOURCES.iterdir()))]
    for entry in _entries(table):
        pattern, key_flags = entry[0], entry[1]
        if not isinstance(pattern, str):
            continue
        fresh = re._compiler.compile(pattern, key_flags)
        rebuilt = re._compiler._sre.compile(*reprograms._arguments(entry))
        for text in texts:
            assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in fresh.finditer(text)], pattern


def test_the_folder_is_the_caches_folder(monkeypatch, tmp_path) -> None:
    for variables in ({}, {"NEWSLINT_CACHE_DIR": str(tmp_path)}, {"XDG_CACHE_HOME": str(tmp_path)},
                      {"NEWSLINT_NO_CACHE": "1"}):
        for name in ("NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME", "NEWSLINT_NO_CACHE"):
            monkeypatch.delenv(name, raising=False)
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        expected = cache_folder()
        assert reprograms.cache_folder() == (None if expected is None else str(expected))


def test_a_table_not_signed_with_the_users_key_is_ignored(kept, tmp_path) -> None:
    _, table, _ = kept
    data = bytearray(table.read_bytes())
    secret = (Path(table.parent) / "cache.key").read_bytes()
    assert reprograms._read(str(table), secret)
    data[-1] ^= 1  # a program altered after it was signed
    altered = tmp_path / "altered.bin"
    altered.write_bytes(bytes(data))
    assert reprograms._read(str(altered), secret) == []
    assert reprograms._read(str(table), bytes(32)) == []  # another user's key


def test_a_table_for_another_python_is_ignored(kept, tmp_path, monkeypatch) -> None:
    _, table, _ = kept
    secret = (Path(table.parent) / "cache.key").read_bytes()
    monkeypatch.setattr(reprograms, "FORMAT", reprograms.FORMAT + 1)
    assert reprograms._read(str(table), secret) == []


def test_a_pattern_whose_parse_warns_is_not_kept() -> None:
    assert reprograms.derive("[[a]", 0) is None  # FutureWarning: possible nested set
    assert reprograms.derive("(", 0) is None  # an error
    assert reprograms.derive(r"(?P<word>\w+)", 0) is not None


def test_no_table_without_the_cache(tmp_path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "NEWSLINT_NO_CACHE": "1"}
    env.pop("NEWSLINT_CACHE_DIR", None)
    _run_check(env)
    assert not list(tmp_path.rglob("re-programs-*"))
