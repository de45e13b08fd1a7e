#!/usr/bin/env python3
"""Digests of the pickled sections of the registry built from each source set, to compare two
trees' builds byte for byte (run once with each tree on PYTHONPATH, then diff the outputs).

    PYTHONPATH=TREE .venv/bin/python bench/registry_sections.py [SET ...] > digests.txt

Default sets: every tests/eval/*/sources and seeds/ of this tree, and bench/out/sources_1000
when it exists (the build in worker processes). Each line: the set, a section, its digest."""
from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from newslint.plugins import get_plugins
    from newslint.registry import store

    sets = [Path(a) for a in sys.argv[1:]] or [*sorted(ROOT.glob("tests/eval/*/sources")), ROOT / "seeds",
                                               *[p for p in [ROOT / "bench" / "out" / "sources_1000"] if p.exists()]]
    plugins = get_plugins()
    for folder in sets:
        registry, notes = store.build([folder], [], plugins.fact_extractors(), plugins.parsers())
        name = str(folder.resolve().relative_to(ROOT.resolve())) if folder.resolve().is_relative_to(ROOT.resolve()) else str(folder)
        name = name.replace(str(ROOT), "")
        for section in (*store.SECTIONS, "notes"):
            value = notes if section == "notes" else getattr(registry, section)
            data = pickle.dumps(value, protocol=-1)
            print(f"{name} {section} {hashlib.sha256(data).hexdigest()[:24]} {len(data)}", flush=True)
        fields = {f: getattr(registry, f) for f in registry.__dataclass_fields__ if f not in store.SECTIONS}
        data = pickle.dumps(fields, protocol=-1)
        print(f"{name} fields {hashlib.sha256(data).hexdigest()[:24]} {len(data)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
