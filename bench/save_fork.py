#!/usr/bin/env python3
"""What the build's process pays to save a large registry: the ordinary save (pickle and write,
store.save_cached) against the forked one (store.save_cached_later: this process returns once
the child is forked), taken in turn on one built registry (the machine's drift falls on both).

    .venv/bin/python bench/save_fork.py [SOURCES]   (default bench/out/sources_1000)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    from newslint.plugins import get_plugins
    from newslint.registry import store

    sources = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "sources_1000"
    plugins = get_plugins()
    value = store.build([sources], [], plugins.fact_extractors(), plugins.parsers())
    folder = Path(tempfile.mkdtemp(prefix="save-fork-"))
    inline, returned, written = [], [], []
    for n in range(5):
        started = time.perf_counter()
        store.save_cached(folder / f"inline{n}.pickle", value)
        inline.append(time.perf_counter() - started)
        started = time.perf_counter()
        store.save_cached_later(folder / f"forked{n}.pickle", value)
        returned.append(time.perf_counter() - started)
        store.wait_saved()
        written.append(time.perf_counter() - started)
    print(f"save in this process: median {statistics.median(inline) * 1000:.0f} ms")
    print(f"forked save: this process returns after {statistics.median(returned) * 1000:.0f} ms "
          f"(the file is written after {statistics.median(written) * 1000:.0f} ms)")
    print(f"file sizes: {(folder / 'inline0.pickle').stat().st_size:,} and {(folder / 'forked0.pickle').stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
