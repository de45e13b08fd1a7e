#!/usr/bin/env python3
"""Time the figure search (numbers.find_figures) on a sentence holding a chain of digit groups
with no spaces ("123,123,…"), at growing lengths: the time should grow with the length, not
its square (before: 0.4 s for 1,000 groups, 12-16 s for 1,500-3,000). Not part of the tests.

    .venv/bin/python bench/digit_chains.py [GROUPS ...]   (default 100 1000 3000 10000 30000)
"""
from __future__ import annotations

import sys
import time


def main() -> int:
    from newslint.document import parse_document
    from newslint.registry.numbers import find_figures

    counts = [int(a) for a in sys.argv[1:]] or [100, 1000, 3000, 10000, 30000]
    for count in counts:
        chain = ",".join(["123"] * count)
        document = parse_document("chain.txt", f"The town counted {chain} ballots on Tuesday, and 45 people waited.\n")
        started = time.process_time()
        found = find_figures(document)
        spent = time.process_time() - started
        print(f"{count:7,} groups: {spent * 1000:8.1f} ms CPU ({spent / count * 1e6:.1f} µs a group), "
              f"{len(found)} figures: {', '.join(f'{f.kind} {f.text[:20]}' for f in found)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
