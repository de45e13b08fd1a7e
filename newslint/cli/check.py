"""`newslint check`: lint files, folders or stdin and print the findings."""
from __future__ import annotations

import os
import sys
from argparse import Namespace
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newslint.cli.gcpause import started
from newslint.cli.main import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error
from newslint.engine.config import Config, ConfigError, find_config, load_config_file
from newslint.engine.files import Decoded, InputError, decode, expand_paths
from newslint.engine.linter import Linter, Options, Report, failing
from newslint.engine.suppress import matches
from newslint.formats.base import DocumentLines, FormatContext
from newslint.plugins import get_plugins
from newslint.registry.store import RegistryProvider

STDIN = Path("-")


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class Task:
    """One file (or stdin) to lint, with the configuration that applies to it."""

    name: str
    config: Config
    decoded: Decoded | None = None  # stdin's text; files are read by the linter
    error: str | None = None  # stdin could not be decoded


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
    options = options_from(args)
    for path in [*(options.sources or []), *(options.facts or []), *options.rules]:
        if not path.exists():
            error(f"{path}: no such file or directory")
            return EXIT_ERROR

    linters: dict[Path | None, Linter] = {}
    registries = RegistryProvider(plugins)  # one per run: configurations with the same sources share it

    def linter_for(config: Config) -> Linter:
        if config.path not in linters:
            check_paths(config, options)
            linters[config.path] = Linter(config, options, plugins, registries)
        return linters[config.path]

    try:
        forced = load_config_file(args.config) if args.config else None
        tasks = collect_tasks(args, forced)
        for task in tasks:
            linter_for(task.config)  # loads each configuration's rules once, here
    except ConfigError as problem:
        error(str(problem))
        return EXIT_ERROR
    # The collector runs again while several files are linted, so memory stays flat. With one
    # file it stays paused: a draft's lint leaves a few dozen objects in reference cycles,
    # freed with the process (or collected when an in-process caller gets the collector back).
    # The registry is built or loaded first, while it is paused, so that it is frozen with the
    # rules: a registry of 10,000 people is otherwise scanned again at every full collection.
    if len(tasks) > 1:
        ready_registries(linters.values())
        started()  # (see gcpause.py)

    load_failed = False
    for linter in linters.values():
        for problem in linter.problems:
            print(f"newslint: {problem}", file=sys.stderr)
            load_failed = load_failed or problem.severity == "error"
    for selector in unmatched_selectors(options, list(linters.values())):
        print(f"newslint: warning: --select/--ignore {selector!r} matches no loaded rule", file=sys.stderr)
    # --diff prints while it lints, so it stays in one process to keep the diffs in order.
    reads = getattr(formats[args.format], "reads_document", None)
    if args.jobs > 1 and len(tasks) > 1 and not args.diff:
        reports = lint_in_processes(tasks, args, options, args.jobs, reads, registries)
    else:
        reports = [for_output(lint_or_fix(linter_for(task.config), task, args), reads) for task in tasks]

    for report in reports:
        for note in report.notes:
            print(f"newslint: warning: {note}", file=sys.stderr)
        if report.error:
            error(report.error)
    # The rules that run (selected, not off): SARIF describes these.
    rules = [rule for linter in linters.values() for rule, _ in linter.active_rules()]
    if not (args.diff or (args.fix and STDIN in (args.paths or []))):
        formats[args.format](reports, sys.stdout, FormatContext(rules=rules, color=use_color(args.color)))
    if load_failed or any(r.error for r in reports):
        return EXIT_ERROR
    found = any(failing(report.findings, task.config.fail_level) for report, task in zip(reports, tasks))
    return EXIT_FINDINGS if found else EXIT_CLEAN


def ready_registries(linters) -> None:
    """Build (or load) the registry of each configuration's sources once, here, before the
    workers start: they inherit it (fork) or find it in the cache, instead of each building
    it. A draft's own front-matter sources are still met by the worker that lints it."""
    for linter in linters:
        sources = linter.options.sources if linter.options.sources is not None else linter.config.sources
        if sources and linter.plan().wants_registry:
            try:
                linter.registries.get(sources, linter.facts_for(), linter.parsers)
            except Exception:  # noqa: BLE001 - each draft's lint reports it, and still runs the other rules
                pass


def options_from(args: Namespace) -> Options:
    return Options(sources=args.sources, facts=args.facts, rules=args.rules, select=args.select, ignore=args.ignore)


def check_paths(config: Config, options: Options) -> None:
    """A configured folder or file that does not exist is a config error, named with its file
    (unless the command line replaces that key)."""
    keys = (("sources", config.sources if options.sources is None else []),
            ("facts", config.facts if options.facts is None else []), ("rules", config.rules))
    for key, paths in keys:
        for path in paths:
            if not path.exists():
                raise ConfigError(f"{config.path}: {key}: {path} does not exist")


def unmatched_selectors(options: Options, linters: list[Linter]) -> list[str]:
    """Command-line rule ids or prefixes that name no rule: most likely a typo."""
    ids = {rule.id for linter in linters for rule in linter.ruleset.rules}
    wanted = [*(options.select or []), *options.ignore]
    return [s for s in dict.fromkeys(wanted) if ids and not any(matches(i, s) for i in ids)]


def collect_tasks(args: Namespace, forced: Config | None) -> list[Task]:
    """The files to lint, in the order given (folders expanded, sorted), with their config.
    Raises ConfigError when a configuration found on the way is wrong."""
    tasks: list[Task] = []
    for path in args.paths or [Path(".")]:
        if path == STDIN:
            name = args.stdin_filename or "-"
            folder = Path(name).parent if args.stdin_filename else Path.cwd()
            config = forced or find_config(folder if folder.exists() else Path.cwd())
            try:
                tasks.append(Task(name, config, decode(sys.stdin.buffer.read(), name)))
            except InputError as problem:  # reported in file order, like any unreadable file
                tasks.append(Task(name, config, error=str(problem)))
            continue
        for file in expand_paths([path]):
            config = forced or find_config(file.parent if file.parent.exists() else Path.cwd())
            if path != file and excluded(file, config):
                continue  # files named on the command line are always linted
            tasks.append(Task(str(file), config))
    return tasks


def lint_or_fix(linter: Linter, task: Task, args: Namespace) -> Report:
    """Lint one file (or stdin); with --fix or --diff, fix it first and report what remains."""
    if task.error:
        return Report(task.name, error=task.error)
    if args.fix or args.diff:
        from newslint.fixes import fix_file
        return fix_file(linter, task.name, task.decoded, apply=args.fix, diff=args.diff, unsafe=args.unsafe_fixes)
    if task.decoded is not None:
        return linter.lint_text(task.name, task.decoded.text)
    return linter.lint_file(Path(task.name))


def for_output(report: Report, reads: str | None) -> Report:
    """The report with only what the output format reads of its Document (formats/base.py,
    reads_document): every Report is kept until output, and a whole Document per file made
    memory grow with the number of files."""
    document = report.document
    if reads is None or document is None or isinstance(document, DocumentLines):
        return report
    if reads == "nothing":
        report.document = None
    else:
        lines = {f.line: document.line_text(f.line) for f in report.findings}
        report.document = DocumentLines(document.path, lines, document.text if reads == "text" else "")  # type: ignore[assignment]
    return report


# -- --jobs N: one Linter per configuration in each worker process ---------------------------
_worker: dict = {}
# The parent's registries, for the workers it forks (set before they start); a worker started
# afresh (spawn) has none, and loads what the parent built from the cache.
_inherited: dict = {}


def _start_worker(args: Namespace, options: Options, reads: str | None) -> None:
    _worker.update(args=args, options=options, reads=reads, linters={})


def _lint_task(task: Task) -> Report:
    linters = _worker["linters"]
    if task.config.path not in linters:
        linters[task.config.path] = Linter(task.config, _worker["options"], get_plugins(), _inherited.get("registries"))
    return for_output(lint_or_fix(linters[task.config.path], task, _worker["args"]), _worker["reads"])


def lint_in_processes(tasks: list[Task], args: Namespace, options: Options, jobs: int,
                      reads: str | None = None, registries: RegistryProvider | None = None) -> list[Report]:
    """Reports in the order of `tasks`, as the single-process path gives them."""
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for --jobs N

    workers = min(jobs, len(tasks))
    chunk = max(1, len(tasks) // (workers * 4))
    _inherited["registries"] = registries
    try:
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(args, options, reads)) as pool:
            return list(pool.map(_lint_task, tasks, chunksize=chunk))
    finally:
        _inherited.clear()


def use_color(choice: str) -> bool:
    """--color always/never, or auto: only on a terminal and when NO_COLOR is not set."""
    if choice == "always":
        return True
    return choice == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@lru_cache(maxsize=64)
def _gitignore(patterns: tuple[str, ...]):  # -> pathspec.GitIgnoreSpec
    import pathspec  # only when a configuration excludes files

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def excluded(file: Path, config: Config) -> bool:
    if not config.exclude:
        return False
    spec = _gitignore(tuple(config.exclude))
    try:
        relative = file.resolve().relative_to(config.root)
    except ValueError:
        return False
    return spec.match_file(str(relative))
