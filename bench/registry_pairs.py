#!/usr/bin/env python3
"""Back-to-back pairs of the registry-build row (bench/run.py --only registry: RegistryProvider.get
with an empty cache, a build and save) for two trees: the machine's speed drifts, so each pair
runs base then new at once, and the medians of the pairs are compared.

    .venv/bin/python bench/registry_pairs.py BASE_TREE NEW_TREE [--pairs 3] [--sources DIR]

Each run is a fresh process (bench/timers.py of this tree, PYTHONPATH set to the tree) with a
fresh cache folder; prints wall time of get(), the building process's own CPU time, and the
CPU of the process and its children (wait4)."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import json, sys, time
from pathlib import Path
from newslint.plugins import get_plugins
from newslint.registry import store
plugins = get_plugins()
extractors, parsers = plugins.fact_extractors(), plugins.parsers()
provider = store.RegistryProvider(plugins)
started, cpu = time.perf_counter(), time.process_time()
registry, _ = provider.get([Path(sys.argv[1])], [], parsers)
print(json.dumps({"get": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                  "entities": len(registry.entities)}))
"""


def one(tree: str, sources: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cache = tempfile.mkdtemp(prefix="pairs-cache-")
    env.update(PYTHONPATH=tree, NEWSLINT_CACHE_DIR=cache)
    try:
        child = subprocess.Popen([sys.executable, "-c", CHILD, sources], stdout=subprocess.PIPE, env=env, cwd=tempfile.gettempdir())
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = -1
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"{tree}: exit {status}")
        result = json.loads(out)
        result["all_cpu"] = usage.ru_utime + usage.ru_stime
        return result
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("new")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--sources", default=str(ROOT / "bench" / "out" / "sources_1000"))
    args = parser.parse_args()
    one(args.base, args.sources), one(args.new, args.sources)  # warm-up: bytecode written
    rows = {"base": [], "new": []}
    for number in range(args.pairs):
        for name, tree in (("base", args.base), ("new", args.new)):
            result = one(tree, args.sources)
            rows[name].append(result)
            print(f"pair {number + 1} {name}: get {result['get']:.2f} s, parent CPU {result['cpu']:.2f} s, "
                  f"all CPU {result['all_cpu']:.2f} s, {result['entities']} entities", file=sys.stderr)
    for name, results in rows.items():
        print(f"{name}: median get {statistics.median(r['get'] for r in results):.2f} s, parent CPU "
              f"{statistics.median(r['cpu'] for r in results):.2f} s, all CPU {statistics.median(r['all_cpu'] for r in results):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
