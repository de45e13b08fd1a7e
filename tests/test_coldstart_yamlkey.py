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
