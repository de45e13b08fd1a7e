#!/usr/bin/env python3
"""Profile one benchmark scenario with cProfile and print newslint's hot spots.

    .venv/bin/python bench/hotspots.py lint [--drafts N] [--sources P] [--rules DIR] [--select IDS]
    .venv/bin/python bench/hotspots.py load [--rules DIR]          (rule loading only)
    .venv/bin/python bench/hotspots.py registry SOURCES            (registry build, no cache)
    .venv/bin/python bench/hotspots.py split [--drafts N] [--sources P]  (process time per part)

`split` times, without a profiler, each part of linting a draft with time.process_time: the
parse, each analysis the rules share (built by the first rule that asks: draft figures, names,
attributions ...) and each rule's own work, each excluding the parts inside it; drafts 900 on
are the warm-up. Its figures are CPU time, so a busy machine inflates them all (compare shares).
`lint` profiles only the linting of the drafts (the Linter and the registry are ready before
the profiler starts). Prints the top functions by own time and newslint's by cumulative time.
Run bench/run.py first so that bench/out/ exists.

cProfile weighs each Python call heavily: code of many small calls looks several times dearer
than it is (find_figures: ~24 ms a draft under the profiler, ~3.7 ms of process time), and a
sampling profiler of wall time over-weights regex calls (`regex` releases the GIL while it
matches, which is when the sampler's thread runs). To compare two versions, time one analysis
with time.process_time over the same parsed drafts, or count instructions with valgrind
--tool=callgrind: warm up on other drafts than the measured ones (answers kept per quotation
or per word would otherwise be measured as cache hits) and disable the cycle collector for the
measured part (where a collection falls is chance: millions of instructions a draft)."""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def report(profile: cProfile.Profile, top: int) -> None:
    for order, restriction in (("tottime", ()), ("cumtime", ("newslint",))):
        stream = io.StringIO()
        stats = pstats.Stats(profile, stream=stream)
        stats.sort_stats(order).print_stats(*restriction, top)
        print(f"== by {order}{' (newslint only)' if restriction else ''} ==")
        print("\n".join(line for line in stream.getvalue().splitlines() if line.strip()
                        and not line.startswith(("   Ordered", "   List reduced"))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["lint", "load", "registry", "split"])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--sources", action="append", type=Path)
    parser.add_argument("--rules", action="append", type=Path, default=[])
    parser.add_argument("--select", default="")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    from newslint.engine.config import find_config
    from newslint.engine.linter import Linter, Options
    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources

    if args.what == "split":
        split(Linter(find_config(Path.cwd()), Options(sources=args.sources, rules=args.rules)), args.drafts, args.top)
        return
    profile = cProfile.Profile()
    options = Options(sources=args.sources, rules=args.rules, select=args.select.split(",") if args.select else None)
    if args.what == "load":
        profile.enable()
        Linter(find_config(Path.cwd()), options)
        profile.disable()
    elif args.what == "registry":
        plugins = get_plugins()
        profile.enable()
        build_registry(read_sources(args.paths, plugins.parsers()), plugins.fact_extractors())
        profile.disable()
    else:
        files = sorted((OUT / "drafts").glob("*.md"))[: args.drafts]
        texts = [f.read_text(encoding="utf-8") for f in files]
        linter = Linter(find_config(Path.cwd()), options)
        linter.lint_text(str(files[0]), texts[0])  # registry ready, caches warm
        profile.enable()
        for file, text in zip(files, texts):
            linter.lint_text(str(file), text)
        profile.disable()
    report(profile, args.top)


def split(linter, count: int, top: int) -> None:
    """Process time per draft of each part of linting (see the module's docstring)."""
    import gc
    import time
    from collections import defaultdict

    import newslint.engine.linter as engine
    from newslint.kinds import base

    files = sorted((OUT / "drafts").glob("*.md"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    for file, text in zip(files[900:920], texts[900:920]):
        linter.lint_text(str(file), text)
    totals: dict[str, float] = defaultdict(float)
    stack: list[list] = []  # [part, started, time spent in the parts inside it]

    def timed(part: str, run):
        stack.append([part, time.process_time(), 0.0])
        try:
            return run()
        finally:
            _, started, inside = stack.pop()
            spent = time.process_time() - started
            totals[part] += spent - inside
            if stack:
                stack[-1][2] += spent

    parse, shared = engine.parse_document, base.CheckContext.shared
    engine.parse_document = lambda *a, **k: timed("parse", lambda: parse(*a, **k))

    def shared_timed(context, key, build):
        if key in context.cache:
            return context.cache[key]
        name = key[0] if isinstance(key, tuple) and isinstance(key[0], str) else str(key)[:40]
        return timed(f"shared: {name}", lambda: shared(context, key, build))

    base.CheckContext.shared = shared_timed
    for rule in linter.ruleset.rules:
        rule.check = (lambda check, name: lambda context: timed(f"rule: {name}", lambda: list(check(context))))(rule.check, rule.id)
    gc.disable()  # (where a collection falls is chance)
    try:
        started = time.process_time()
        for file, text in zip(files[:count], texts[:count]):
            timed("engine (the rest)", lambda: linter.lint_text(str(file), text))
        total = time.process_time() - started
    finally:
        engine.parse_document, base.CheckContext.shared = parse, shared
        gc.enable()
    print(f"{total / count * 1000:.2f} ms a draft in all ({count} drafts)")
    for part, spent in sorted(totals.items(), key=lambda item: -item[1])[:top]:
        print(f"{spent / count * 1000:7.3f} ms  {100 * spent / total:4.1f}%  {part}")


if __name__ == "__main__":
    main()
