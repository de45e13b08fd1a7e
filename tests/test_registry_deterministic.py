"""A registry built from the same sources is the same, byte for byte in its cache file, in
every process: its role references came from sets, whose order follows string hashing and so
changed from run to run (PYTHONHASHSEED)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT.parent / "shared" / "seeds", ROOT / "tests" / "eval" / "riverspill" / "sources"]
BUILD = """
import sys
from pathlib import Path
from newslint.plugins import get_plugins
from newslint.registry.store import RegistryProvider
plugins = get_plugins()
registry, _ = RegistryProvider(plugins).get([Path(sys.argv[1])], [], plugins.parsers())
print(repr(sorted(registry.references.items())))
"""


def build(sources: Path, cache: Path, keys: Path, seed: str) -> tuple[bytes, str]:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache), "XDG_CACHE_HOME": str(keys), "PYTHONHASHSEED": seed}
    env.pop("NEWSLINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", BUILD, str(sources)], env=env, capture_output=True, text=True,
                          timeout=300, check=True)
    (written,) = cache.glob("registry-*.pickle")
    return written.read_bytes(), done.stdout


@pytest.mark.parametrize("sources", SOURCES, ids=lambda p: p.parent.name if p.name == "sources" else p.name)
def test_the_same_sources_give_the_same_cache_file_whatever_the_hash_seed(sources: Path, tmp_path: Path) -> None:
    keys = tmp_path / "keys"  # one user: one signing key
    first, references = build(sources, tmp_path / "a", keys, "1")
    second, again = build(sources, tmp_path / "b", keys, "2")
    assert references == again and references != "[]\n"  # the sources name people by role
    assert first == second
