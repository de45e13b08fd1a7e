"""In-process timers that bench/run.py runs in a child process (one measurement per process,
so each starts cold and its peak memory is its own). Prints one JSON object.

    timers.py lint DRAFTS [--limit N] [--sources P]... [--rules DIR]... [--select ID,..]
        setup (config, rules, registry built on the first draft) timed apart from linting
    timers.py registry SOURCES...     registry build (read + parse + extract), no cache
    timers.py provider SOURCES...     RegistryProvider.get in a fresh process, its imports done
                                      first: a build (and save) with an empty cache, the cached
                                      load once a previous process has filled it
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def _lint(args) -> dict:
    from newslint.engine.config import find_config
    from newslint.cli.check import ready_registries
    from newslint.cli.gcpause import paused_start, started as start_over
    from newslint.engine.files import expand_paths
    from newslint.engine.linter import Linter, Options

    started = time.perf_counter()
    files = expand_paths([args.drafts])[: args.limit or None]
    options = Options(sources=args.sources or None, rules=args.rules,
                      select=args.select.split(",") if args.select else None)
    with paused_start():  # as `newslint check` runs: the collector paused while the rules load
        linter = Linter(find_config(Path.cwd()), options)
        loaded = time.perf_counter()
        ready_registries([linter])  # (and the registry is built or loaded)
        start_over()  # what loading made is frozen, and the collector runs while drafts are linted
        return _time_lint(args, linter, files, started, loaded)


def _time_lint(args, linter, files, started: float, loaded: float) -> dict:
    from newslint.engine.files import read_text

    texts = [read_text(f).text for f in files]
    linter.lint_text(str(files[0]), texts[0])  # builds the registry (or loads it) once
    ready, ready_cpu = time.perf_counter(), time.process_time()
    findings = 0
    for file, text in zip(files, texts):
        findings += len(linter.lint_text(str(file), text).findings)
    done = time.perf_counter()
    entities = 0
    if args.sources:  # already built (in memory) for the first draft
        registry, _ = linter.registries.get(args.sources, linter.facts_for(), linter.parsers)
        entities = len(getattr(registry, "entities", []) or [])
    return {"entities": entities, "load_rules": loaded - started, "first_draft": ready - loaded, "lint": done - ready,
            "lint_cpu": time.process_time() - ready_cpu,
            "files": len(files), "words": sum(len(t.split()) for t in texts), "findings": findings,
            "rules": len(linter.ruleset.rules), "problems": len(linter.problems)}


def _registry(args) -> dict:
    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources

    plugins = get_plugins()
    started = time.perf_counter()
    corpus = read_sources(args.sources, plugins.parsers())
    parsed = time.perf_counter()
    registry = build_registry(corpus, plugins.fact_extractors())
    done = time.perf_counter()
    return {"read_parse": parsed - started, "extract": done - parsed, "total": done - started,
            "documents": len(corpus.documents), "entities": len(getattr(registry, "entities", []) or [])}


def _provider(args) -> dict:
    from newslint.plugins import get_plugins
    from newslint.registry import store

    plugins = get_plugins()
    extractors, parsers = plugins.fact_extractors(), plugins.parsers()  # imports, not loading
    provider = store.RegistryProvider(plugins)
    started = time.perf_counter()
    registry, _ = provider.get(args.sources, [], parsers)
    done = time.perf_counter()
    store.content_key(args.sources, [], extractors)
    keyed = time.perf_counter()
    return {"get": done - started, "key": keyed - done, "entities": len(getattr(registry, "entities", []) or [])}


def main() -> None:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    lint = commands.add_parser("lint")
    lint.add_argument("drafts", type=Path)
    lint.add_argument("--limit", type=int, default=0)
    lint.add_argument("--sources", action="append", type=Path, default=[])
    lint.add_argument("--rules", action="append", type=Path, default=[])
    lint.add_argument("--select", default="")
    for name in ("registry", "provider"):
        sub = commands.add_parser(name)
        sub.add_argument("sources", nargs="+", type=Path)
    args = parser.parse_args()
    result = {"lint": _lint, "registry": _registry, "provider": _provider}[args.command](args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
