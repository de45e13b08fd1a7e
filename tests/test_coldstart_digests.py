"""The caches' digests and signatures (newslint/digests.py): BLAKE2b, keyed for signatures,
without hashlib. A check whose caches are filled never loads hashlib, hmac or OpenSSL, and a
cache file signed with another key is still never read."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import write_files
from newslint import digests, yamlcache

PROBE = """
import json, sys
from newslint.cli.main import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DRAFT = "# Council\n\nThe mayor stated that the plan was late, Ana Ruiz said on Monday.\n"


def test_digests_are_blake2b_and_signatures_depend_on_the_key() -> None:
    data = b"The council voted 7-2 on Tuesday.\n" * 100
    assert digests.digest(data) == hashlib.blake2b(data, digest_size=32).digest()
    assert digests.hexdigest(data) == digests.digest(data).hex()
    piecewise = digests.hasher()
    piecewise.update(data[:10])
    piecewise.update(data[10:])
    assert piecewise.digest() == digests.digest(data)
    one, other = b"k" * 32, b"j" * 32
    assert digests.sign(one, data) == hashlib.blake2b(data, key=one, digest_size=32).digest()
    assert digests.sign(one, data) != digests.sign(other, data) != digests.digest(data)
    assert digests.sign(one, data) != digests.sign(one, data + b"x")
    assert digests.same(digests.sign(one, data), digests.sign(one, data))
    assert not digests.same(digests.sign(one, data), digests.sign(other, data))


def test_a_cached_check_never_loads_hashlib(tmp_path: Path) -> None:
    folder = write_files(tmp_path, {"draft.md": DRAFT})
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("NEWSLINT_NO_CACHE", None)
    for run in range(2):  # the first fills the caches, the second reads them all
        done = subprocess.run([sys.executable, "-c", PROBE, "check", "draft.md", "--sources", str(SEEDS), "--format", "json"],
                              cwd=folder, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode in (0, 1) and '"rule": "newsroom.Said"' in done.stdout, done.stderr
    modules = set(__import__("json").loads(done.stderr.strip().splitlines()[-1]))
    assert "newslint.digests" in modules and "newslint.registry.store" in modules
    assert not modules & {"hashlib", "hmac", "_hashlib"}


def test_a_yaml_cache_signed_with_another_key_is_not_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(yamlcache, "_FOLDERS", {})
    folder = write_files(tmp_path, {"rules/a.yml": "x: 1\n"}) / "rules"
    parsed = yamlcache.ParsedYaml(folder, "test")
    assert parsed.parse("a.yml", b"x: 1\n", lambda: {"x": 1}) == {"x": 1}
    parsed.save()
    assert yamlcache.ParsedYaml(folder, "test").entries  # signed with this user's key: read
    data = parsed.file.read_bytes()
    parsed.file.write_bytes(digests.sign(b"x" * 32, data[32:]) + data[32:])
    assert yamlcache.ParsedYaml(folder, "test").entries == {}
