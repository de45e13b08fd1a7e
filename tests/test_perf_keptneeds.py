"""The prefilters of the figure kinds gated per sentence are read from their patterns once and
kept in the cache folder: what is kept, and read back by a later run, is what Needs.of reads."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.kinds.literals import Needs
from newslint.registry import numbers
from newslint.registry.numbers import _GATED, _kept_needs, _kind_needs, lexicon
from newslint.yamlcache import ParsedYaml


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    """This test's own cache folder and signing key: other processes on the machine rewrite
    the user's `needs` file (another checkout's code makes it stale), which made the kept
    value read back here differ now and then in whole-suite runs."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the signing key's folder
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    _kept_needs.cache_clear()
    _kind_needs.cache_clear()
    yield
    _kept_needs().save()  # written now, to this folder, not at exit
    _kept_needs.cache_clear()
    _kind_needs.cache_clear()


def later_run() -> ParsedYaml:
    """The cache as a new process reads it (what this one wrote)."""
    _kept_needs().save()
    return ParsedYaml(Path(numbers.__file__).resolve().parent, "needs", code=("kinds/literals.py",), keep=16)


def test_kept_needs_are_the_patterns_needs(tmp_path):
    for kind in sorted(_GATED):
        fresh = Needs.of(lexicon().patterns[kind].pattern)
        assert fresh.groups and _kind_needs(kind) == fresh
    kept = later_run()
    assert kept.file is not None and tmp_path in kept.file.parents
    for kind in sorted(_GATED):
        pattern = lexicon().patterns[kind].pattern
        read = kept.parse(kind, pattern.encode("utf-8", "surrogatepass"), lambda: "parsed again")
        assert read == (Needs.of(pattern).groups if kept.file is not None else "parsed again")


def test_a_changed_pattern_is_read_afresh():
    kept = _kept_needs()
    for pattern in (r"\b(?:\d+|ten)\s+(?:hours|days)\b", r"\b(?:\d+|ten)\s+(?:weeks|years)\b"):
        assert kept.parse("test-pattern", pattern.encode(), lambda: Needs.of(pattern).groups) == Needs.of(pattern).groups
