"""`newslint check`: lint files, folders or stdin and print the findings."""
from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path

import pathspec

from newslint.cli.main import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error
from newslint.engine.config import Config, ConfigError, find_config, load_config_file
from newslint.engine.files import InputError, decode, expand_paths
from newslint.engine.linter import Linter, Options, Report, failing
from newslint.formats.base import FormatContext
from newslint.plugins import get_plugins

STDIN = Path("-")


def run_check(args: Namespace) -> int:
    plugins = get_plugins()
    for problem in plugins.errors:
        error(problem)
    formats = plugins.formats()
    if args.format not in formats:
        error(f"unknown format {args.format!r}; choose one of {', '.join(sorted(formats))}")
        return EXIT_ERROR
    if args.jobs < 1:
        error("--jobs must be 1 or more")
        return EXIT_ERROR
    options = Options(sources=args.sources, facts=args.facts, rules=args.rules, select=args.select, ignore=args.ignore)
    for path in [*(args.sources or []), *(args.facts or []), *args.rules]:
        if not path.exists():
            error(f"{path}: no such file or directory")
            return EXIT_ERROR
    try:
        forced = load_config_file(args.config) if args.config else None
    except ConfigError as problem:
        error(str(problem))
        return EXIT_ERROR

    linters: dict[Path | None, Linter] = {}

    def linter_for(folder: Path) -> Linter:
        config = forced or find_config(folder)
        if config.path not in linters:
            linters[config.path] = Linter(config, options, plugins)
        return linters[config.path]

    reports: list[Report] = []
    paths = args.paths or [Path(".")]
    try:
        for path in paths:
            if path == STDIN:
                name = args.stdin_filename or "-"
                linter = linter_for(Path(name).parent if args.stdin_filename else Path.cwd())
                try:
                    decoded = decode(sys.stdin.buffer.read(), name)
                except InputError as problem:
                    reports.append(Report(name, error=str(problem)))
                    continue
                reports.append(lint_or_fix(linter, name, decoded, args))
                continue
            for file in expand_paths([path]):
                linter = linter_for(file.parent if file.parent.exists() else Path.cwd())
                if path != file and excluded(file, linter.config):
                    continue
                reports.append(lint_or_fix(linter, str(file), None, args))
    except ConfigError as problem:
        error(str(problem))
        return EXIT_ERROR

    load_failed = False
    for linter in linters.values():
        for problem in linter.problems:
            print(f"newslint: {problem}", file=sys.stderr)
            load_failed = load_failed or problem.severity == "error"
    for report in reports:
        for note in report.notes:
            print(f"newslint: warning: {note}", file=sys.stderr)
        if report.error:
            error(report.error)
    rules = [rule for linter in linters.values() for rule in linter.ruleset.rules]
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    if not (args.diff or (args.fix and _from_stdin(args))):
        formats[args.format](reports, sys.stdout, FormatContext(rules=rules, color=color))
    if load_failed or any(r.error for r in reports):
        return EXIT_ERROR
    fail_level = {linter.config.fail_level for linter in linters.values()} or {"warning"}
    findings = [f for r in reports for f in r.findings]
    return EXIT_FINDINGS if failing(findings, min(fail_level)) else EXIT_CLEAN


def lint_or_fix(linter: Linter, name: str, decoded, args: Namespace) -> Report:
    """Lint one file (or stdin); with --fix or --diff, fix it first and report what remains."""
    if args.fix or args.diff:
        from newslint.fixes import fix_file
        return fix_file(linter, name, decoded, apply=args.fix, diff=args.diff, unsafe=args.unsafe_fixes)
    if decoded is not None:
        return linter.lint_text(name, decoded.text)
    return linter.lint_file(Path(name))


def _from_stdin(args: Namespace) -> bool:
    return STDIN in (args.paths or [])


def excluded(file: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    spec = pathspec.PathSpec.from_lines("gitwildmatch", config.exclude)
    try:
        relative = file.resolve().relative_to(config.root)
    except ValueError:
        return False
    return spec.match_file(str(relative))
