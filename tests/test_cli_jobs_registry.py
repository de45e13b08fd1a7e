"""`newslint check --jobs N` builds the registry of the run's sources once, in the parent
before its workers start (they inherit it, or load it from the cache), not once per worker;
the findings are the single process's."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint.registry import store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
STORIES = ROOT / "tests" / "eval"


@pytest.fixture
def builds(monkeypatch, tmp_path):
    """A file with one line per registry build, written by whichever process builds."""
    log = tmp_path / "builds.log"
    real = store.build

    def counted(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "build", counted)
    return lambda: log.read_text(encoding="utf-8").split() if log.exists() else []


@pytest.mark.parametrize("no_cache", [False, True])
def test_jobs_build_the_registry_once_and_find_what_one_process_finds(newslint, builds, tmp_path, monkeypatch, no_cache):
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if no_cache:
        monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    else:
        monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    drafts = sorted(STORIES.glob("*/*.md"))[:6]
    assert len(drafts) >= 4
    args = ["check", *map(str, drafts), "--sources", str(SEEDS), "--format", "json"]
    parallel = newslint(*args, "--jobs", "2")
    assert builds() == [str(os.getpid())]  # in this process, before the workers started
    single = newslint(*args)
    assert single.code == parallel.code
    assert json.loads(single.out) == json.loads(parallel.out) and json.loads(single.out)
