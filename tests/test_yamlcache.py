"""Rule files and data files parsed in an earlier run come from a signed cache keyed by their
bytes: the specs and problems are the same as a fresh parse's, an edited file is parsed again
whatever its size and time, and a cache file this user's newslint did not sign is never
unpickled."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from newslint.engine.loader import builtin_rules_dir, load_rules, read_spec, rule_files
from newslint.plugins import get_plugins
from newslint.yamlcache import ParsedYaml

from conftest import write_files

RULES = {
    "desk/Unique.yml": "extends: existence\nmessage: \"'%s' is absolute.\"\nlevel: warning\ntokens:\n  - very unique\n",
    "desk/Broken.yml": "extends: existence\nmessage: 'unclosed\ntokens: [a]\n",
    "desk/Dated.yml": "extends: substitution\nmessage: \"Use '%s' rather than '%s'.\"\nswap:\n  utilise: use\n",
}


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the signing key's folder
    return folder


def snapshot(ruleset):
    return ([(s.id, s.path, s.data, s.lines) for s in ruleset.specs],
            [str(p) for p in ruleset.problems], [r.id for r in ruleset.rules])


def test_a_second_load_reads_the_cache_and_gives_the_same_rules(tmp_path, cache_dir):
    rules = write_files(tmp_path / "rules", RULES)
    kinds = get_plugins().rule_kinds()
    first = load_rules([builtin_rules_dir(), rules], kinds)
    assert len(list(cache_dir.glob("yaml-rules-*.pickle"))) == 2  # one per folder
    assert any(str(p).endswith("Broken.yml:4: error: invalid YAML: found unexpected end of stream") for p in first.problems)
    second = load_rules([builtin_rules_dir(), rules], kinds)
    assert snapshot(second) == snapshot(first)
    cache = ParsedYaml(rules, "rules")
    assert set(cache.entries) == {"desk/Unique.yml", "desk/Broken.yml", "desk/Dated.yml"}


def test_an_edited_rule_is_parsed_again_even_with_the_same_size_and_time(tmp_path, cache_dir):
    rules = write_files(tmp_path / "rules", RULES)
    path = rules / "desk" / "Unique.yml"
    kinds = get_plugins().rule_kinds()
    load_rules([rules], kinds)
    stat = path.stat()
    path.write_text(RULES["desk/Unique.yml"].replace("warning", "error  "), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    again = load_rules([rules], kinds)
    assert [r.level for r in again.rules if r.id == "desk.Unique"] == ["error"]


def test_the_cached_parse_equals_a_fresh_parse_of_every_shipped_rule(tmp_path, cache_dir):
    folder = builtin_rules_dir()
    files = rule_files(folder)
    fresh = [read_spec(i, p) for i, p in files]
    for _ in range(2):  # the first fills the cache, the second reads it
        cache = ParsedYaml(folder, "rules")
        cached = [read_spec(i, p, cache, str(p.relative_to(folder))) for i, p in files]
        cache.save()
        assert cached == fresh


def test_a_cache_file_not_signed_by_this_user_is_not_unpickled(tmp_path, cache_dir):
    rules = write_files(tmp_path / "rules", RULES)
    kinds = get_plugins().rule_kinds()
    expected = snapshot(load_rules([rules], kinds))
    [cache_file] = cache_dir.glob("yaml-rules-*.pickle")
    marker = tmp_path / "ran"

    class Touch:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache_file.write_bytes(b"\0" * 32 + pickle.dumps(Touch()))
    assert snapshot(load_rules([rules], kinds)) == expected
    assert not marker.exists()


def test_no_cache_file_is_written_when_caching_is_off(tmp_path, cache_dir, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    rules = write_files(tmp_path / "rules", RULES)
    load_rules([rules], get_plugins().rule_kinds())
    assert not cache_dir.exists() or not list(cache_dir.glob("yaml-*"))


def test_data_files_from_the_cache_equal_a_fresh_parse(tmp_path, cache_dir):
    from newslint.datafiles import DATA, safe_load

    for _ in range(2):
        cache = ParsedYaml(DATA, "data")
        for path in sorted(DATA.glob("*.yaml")):
            raw = path.read_bytes()
            assert cache.parse(path.name, raw, lambda: safe_load(raw.decode("utf-8"))) == safe_load(path.read_text(encoding="utf-8"))
        cache.save()
    assert list(cache_dir.glob("yaml-data-*.pickle"))


def test_a_hit_does_not_parse_and_a_changed_file_does(tmp_path, cache_dir):
    folder = tmp_path / "yaml"
    first = ParsedYaml(folder, "test")
    assert first.parse("a.yml", b"x: 1\n", lambda: {"x": 1}) == {"x": 1}
    first.save()
    again = ParsedYaml(folder, "test")
    value = again.parse("a.yml", b"x: 1\n", lambda: pytest.fail("parsed again"))
    assert value == {"x": 1}
    value["x"] = 5  # a caller's copy: the cache keeps the parse
    assert again.parse("a.yml", b"x: 1\n", lambda: pytest.fail("parsed again")) == {"x": 1}
    assert again.parse("a.yml", b"x: 2\n", lambda: {"x": 2}) == {"x": 2}
