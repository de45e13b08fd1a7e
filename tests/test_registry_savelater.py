"""The registry of a large source set (a build in worker processes) is written to the cache by a
forked process while the build's process returns it and goes on: the file is the one an
ordinary save writes (signed, written atomically), this process waits for it before it reads or
writes that file again and before it exits, and a small registry is still written at once."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry import parallel, store
from newslint.registry.store import RegistryProvider

ROOT = Path(__file__).resolve().parent.parent


def _sources(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:03d}.txt").write_text(f"Mayor Jane Roe said {n + 2} budget votes were held on Tuesday.\n"
                                             f"\"We balanced it,\" said Ann Quarender, the city's treasurer.\n")
    return folder


@pytest.fixture
def writers(monkeypatch, tmp_path):
    """The processes that wrote a cache file, as the file `writers` records them."""
    record = tmp_path / "writers"
    real = store._save

    def recording(path, value):
        real(path, value)
        with open(record, "a") as stream:
            stream.write(f"{os.getpid()}\n")

    monkeypatch.setattr(store, "_save", recording)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    return lambda: [int(line) for line in record.read_text().split()] if record.exists() else []


def test_a_large_registry_is_written_by_a_forked_process(tmp_path, writers):
    assert parallel.usable_workers() >= 1
    if parallel.usable_workers() < 2:
        pytest.skip("this process cannot fork workers (a single core, or threads running)")
    sources = _sources(tmp_path / "sources", parallel.MIN_DOCUMENTS)
    registry, notes = RegistryProvider(get_plugins()).get([sources], [])
    store.wait_saved()
    assert len(writers()) == 1 and writers()[0] != os.getpid()
    (path,) = (tmp_path / "cache").glob("registry-*.pickle")
    loaded, loaded_notes = store.load_cached(path)
    assert loaded_notes == notes
    for name in store.SECTIONS:
        assert getattr(loaded, name) == getattr(registry, name)
    assert not list((tmp_path / "cache").glob(".registry-*"))  # no temporary file left


def test_a_small_registry_is_written_at_once(tmp_path, writers):
    sources = _sources(tmp_path / "sources", 3)
    RegistryProvider(get_plugins()).get([sources], [])
    assert writers() == [os.getpid()]
    assert len(list((tmp_path / "cache").glob("registry-*.pickle"))) == 1


def test_the_process_waits_for_the_file_before_it_exits(tmp_path):
    """A process that builds and exits at once leaves the whole file: the next run loads it."""
    sources = _sources(tmp_path / "sources", parallel.MIN_DOCUMENTS)
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    script = ("import sys; from pathlib import Path; from newslint.plugins import get_plugins; "
              "from newslint.registry.store import RegistryProvider; "
              "RegistryProvider(get_plugins()).get([Path(sys.argv[1])], [])")
    subprocess.run([sys.executable, "-c", script, str(sources)], check=True, env=env, cwd=tmp_path)
    (path,) = (tmp_path / "cache").glob("registry-*.pickle")
    assert store.load_cached(path) is not None
