"""The registry cache file and its key: a loaded registry has every fact the built one has, its
large parts are unpickled on first use and only when their digest matches the signed header;
the content key is taken from a signed manifest of the files' sizes and times, and the files
are hashed again when one of those changes."""
from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry import store
from newslint.registry.model import Registry
from newslint.registry.store import RegistryProvider

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("entities", "quotes", "figures", "conflicts", "sources", "extra", "references")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def sources(tmp_path) -> Path:
    """A copy of the courtcase sources (and their folder), old enough for the manifest to
    record them."""
    folder = tmp_path / "sources"
    folder.mkdir()
    past = time.time() - 60
    for path in sorted((ROOT / "tests" / "stories" / "courtcase" / "sources").iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
        os.utime(folder / path.name, (past, past))
    os.utime(folder, (past, past))
    return folder


class _Touch:
    """Unpickling this creates a file: it shows whether untrusted bytes were unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_loaded_registry_has_every_fact_of_the_built_one(cache, sources):
    built, notes = RegistryProvider(get_plugins()).get([sources], [])
    (path,) = cache.glob("registry-*.pickle")
    loaded, loaded_notes = store.load_cached(path)
    assert isinstance(loaded, Registry) and loaded_notes == notes
    assert "figures" not in vars(loaded)  # not unpickled until used
    for name in FIELDS:
        assert getattr(loaded, name) == getattr(built, name), name
    assert loaded.find(built.people[0].canonical) is not None
    again = pickle.loads(pickle.dumps(loaded))
    assert type(again) is Registry and all(getattr(again, n) == getattr(built, n) for n in FIELDS)


def test_a_changed_section_is_never_unpickled(cache, sources, tmp_path):
    RegistryProvider(get_plugins()).get([sources], [])
    (path,) = cache.glob("registry-*.pickle")
    loaded, _ = store.load_cached(path)
    mapped, offset, size, _ = loaded.__dict__["_pending"]["figures"]
    data = mapped[offset:offset + size]
    marker = tmp_path / "ran"
    planted = pickle.dumps(_Touch(marker))
    raw = path.read_bytes()
    at = raw.index(data)
    path.write_bytes(raw[:at] + planted + raw[at + len(planted):])  # the signed header is unchanged
    rebuilt = Registry(figures=["rebuilt"])
    tampered, _ = store.load_cached(path, lambda: rebuilt)
    assert tampered.figures == ["rebuilt"] and not marker.exists()


def test_a_file_not_signed_by_this_user_is_not_read(cache, sources, tmp_path):
    RegistryProvider(get_plugins()).get([sources], [])
    (path,) = cache.glob("registry-*.pickle")
    raw = bytearray(path.read_bytes())
    raw[40] ^= 1  # in the signed part
    path.write_bytes(bytes(raw))
    assert store.load_cached(path) is None
    path.write_bytes(pickle.dumps(_Touch(tmp_path / "ran")))  # an old-style, unsigned pickle
    assert store.load_cached(path) is None and not (tmp_path / "ran").exists()


def test_the_key_comes_from_the_manifest_until_a_file_changes(cache, sources, monkeypatch):
    extractors = get_plugins().fact_extractors()
    key = store.cached_key([sources], [], extractors, cache)
    assert key == store.content_key([sources], [], extractors)
    assert list(cache.glob("manifest-*.pickle"))

    def unhashed(*args, **kwargs):
        raise AssertionError("hashed the files although none changed")

    monkeypatch.setattr(store, "content_key", unhashed)
    assert store.cached_key([sources], [], extractors, cache) == key
    monkeypatch.undo()

    first = sorted(sources.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    changed = store.cached_key([sources], [], extractors, cache)
    assert changed != key and changed == store.content_key([sources], [], extractors)


def test_a_file_changed_just_now_is_hashed_again(cache, sources, monkeypatch):
    extractors = get_plugins().fact_extractors()
    (sources / "new.txt").write_text("Mayor Jane Roe said the budget was balanced.\n", encoding="utf-8")
    key = store.cached_key([sources], [], extractors, cache)
    assert not list(cache.glob("manifest-*.pickle"))  # racy: not recorded
    calls = []
    real = store.content_key
    monkeypatch.setattr(store, "content_key", lambda *a: calls.append(1) or real(*a))
    assert store.cached_key([sources], [], extractors, cache) == key and calls


def test_a_file_added_to_a_source_folder_changes_the_key(cache, sources):
    extractors = get_plugins().fact_extractors()
    key = store.cached_key([sources], [], extractors, cache)
    past = time.time() - 30
    (sources / "added.md").write_text("Mayor Jane Roe said the budget was balanced.\n", encoding="utf-8")
    os.utime(sources / "added.md", (past, past))
    os.utime(sources, (past + 1, past + 1))  # the folder's time changed, as adding a file does
    changed = store.cached_key([sources], [], extractors, cache)
    assert changed != key and changed == store.content_key([sources], [], extractors)


def test_a_manifest_not_signed_by_this_user_is_ignored(cache, sources):
    extractors = get_plugins().fact_extractors()
    key = store.cached_key([sources], [], extractors, cache)
    (manifest,) = cache.glob("manifest-*.pickle")
    data = manifest.read_bytes()
    manifest.write_bytes(data[:64] + data[64:].replace(key.encode(), b"0" * len(key)))
    assert store.cached_key([sources], [], extractors, cache) == key
