"""The YAML caches name the installed PyYAML by its files (yamlcache._pyyaml) found without
importlib.util: the same answer as importlib.util.find_spec gives, with PyYAML imported or not."""
from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib.util, os, sys
from pathlib import Path
from newslint import yamlcache
if sys.argv[1] == "imported":
    import yaml
ours = yamlcache._pyyaml()
spec = importlib.util.find_spec("yaml")
origin = Path(spec.origin)
stat = origin.stat()
extensions = sorted(name for name in os.listdir(origin.parent) if name.startswith("_yaml"))
print(ours == f"{origin}:{stat.st_size}:{stat.st_mtime_ns}:{','.join(extensions)}", "yaml" in sys.modules)
"""


def test_pyyaml_is_named_as_importlib_util_finds_it() -> None:
    for state, imported in (("imported", "True"), ("not-imported", "False")):
        done = subprocess.run([sys.executable, "-c", PROBE, state], capture_output=True, text=True, timeout=60)
        assert done.stdout.split() == ["True", imported], done.stderr


def test_the_cache_folder_follows_every_change_of_its_variables(monkeypatch, tmp_path) -> None:
    """cache_folder() reads os.environ's own dict where it has one: every change of the four
    variables it depends on still gives the folder that _cache_folder() works out afresh."""
    from newslint.yamlcache import _cache_folder, cache_folder

    names = ("NEWSLINT_NO_CACHE", "NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME", "HOME")
    steps = [("NEWSLINT_CACHE_DIR", str(tmp_path / "a")), ("NEWSLINT_CACHE_DIR", str(tmp_path / "b")),
             ("NEWSLINT_CACHE_DIR", None), ("XDG_CACHE_HOME", str(tmp_path / "xdg")), ("HOME", str(tmp_path / "home")),
             ("XDG_CACHE_HOME", None), ("NEWSLINT_NO_CACHE", "1"), ("NEWSLINT_CACHE_DIR", str(tmp_path / "c")),
             ("NEWSLINT_NO_CACHE", None), ("HOME", "/nonexistent-home-é")]
    for name in names[:3]:
        monkeypatch.delenv(name, raising=False)
    for name, value in steps:
        if value is None:
            monkeypatch.delenv(name)
        else:
            monkeypatch.setenv(name, value)
        assert cache_folder() == _cache_folder(), (name, value)
