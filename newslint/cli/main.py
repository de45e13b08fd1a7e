"""`newslint` command line. Exit status: 0 clean, 1 findings at or above the fail level,
2 usage, configuration or input error."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newslint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


COMMANDS = ("check", "facts", "rules", "lsp")


def _terminal_columns() -> int:
    """shutil.get_terminal_size().columns: $COLUMNS, else the terminal's width, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, with the width shutil would give. argparse makes one for every
    argument it declares, and asking shutil imports it with zlib, bz2 and lzma (~2% of a cold
    check, for a width that only --help and errors print)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser with _Formatter; its subcommands' parsers are _Parsers too."""

    def __init__(self, *args, formatter_class: type = _Formatter, **kwargs) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line. With `only` (one of COMMANDS), just that command is declared: a run
    parses one command, and declaring the others' arguments cost ~1% of a cold check."""
    parser = _Parser(
        prog="newslint",
        description="Lint news drafts against their sources (names, titles, quotes, figures, sourcing) and house style.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    if only in (None, "check"):
        _add_check(commands)
    if only in (None, "facts"):
        _add_facts(commands)
    if only in (None, "rules"):
        _add_rules(commands)
    if only in (None, "lsp"):
        commands.add_parser("lsp", help="run the language server on stdio")
    return parser


def _add_check(commands) -> None:
    check = commands.add_parser("check", help="lint drafts (files, folders, or - for stdin)")
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: .); - reads stdin")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name (and type) of the text read from stdin")
    check.add_argument("--sources", action="append", type=Path, metavar="PATH",
                       help="source articles (file or folder); repeatable; replaces configured sources")
    check.add_argument("--facts", action="append", type=Path, metavar="FILE", help="curated facts file; repeatable")
    check.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR",
                       help="an extra folder of rule packs (DIR/Pack/Rule.yml); repeatable")
    check.add_argument("--format", default="text", metavar="FORMAT",
                       help="text (default), json, sarif, github or lsp")
    check.add_argument("--select", type=_ids, metavar="ID,..", help="only these rule ids or prefixes")
    check.add_argument("--ignore", type=_ids, default=[], metavar="ID,..", help="skip these rule ids or prefixes")
    check.add_argument("--config", type=Path, metavar="FILE", help="use this config file instead of searching")
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff, change nothing")
    check.add_argument("--jobs", type=int, default=1, metavar="N", help="lint files in N processes")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")


def _add_facts(commands) -> None:
    facts = commands.add_parser("facts", help="build and inspect the fact registry")
    facts_commands = facts.add_subparsers(dest="facts_command", metavar="ACTION")
    facts_commands.required = True
    build = facts_commands.add_parser("build", help="extract facts from sources and write them as YAML")
    build.add_argument("sources", nargs="+", type=Path)
    build.add_argument("-o", "--output", type=Path, required=True, help="the facts YAML to write")
    build.add_argument("--facts", action="append", type=Path, metavar="FILE")
    show = facts_commands.add_parser("show", help="what the registry knows of one person or organisation")
    show.add_argument("name")
    show.add_argument("--sources", action="append", type=Path, metavar="PATH")
    show.add_argument("--facts", action="append", type=Path, metavar="FILE")
    conflicts = facts_commands.add_parser("conflicts", help="what the sources disagree on")
    conflicts.add_argument("--sources", action="append", type=Path, metavar="PATH")
    conflicts.add_argument("--facts", action="append", type=Path, metavar="FILE")


def _add_rules(commands) -> None:
    rules = commands.add_parser("rules", help="list, explain and test rules")
    rules_commands = rules.add_subparsers(dest="rules_command", metavar="ACTION")
    rules_commands.required = True
    listing = rules_commands.add_parser("list", help="every loaded rule")
    listing.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR")
    explain = rules_commands.add_parser("explain", help="one rule: what it checks and why")
    explain.add_argument("id")
    explain.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR")
    test = rules_commands.add_parser("test", help="check every rule's examples (flag and pass)")
    test.add_argument("dirs", nargs="*", type=Path, help="rule-pack folders (default: the loaded rules)")


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # this process's own command line: re's patterns compiled in earlier runs
        from newslint.cli.reprograms import load

        load(sys.argv[1] if sys.argv[1:] and sys.argv[1] in COMMANDS else "other")
    code = command(argv)
    if argv is None:  # this process's own command line (the `newslint` script, python -m newslint)
        from newslint.cli.gcpause import exiting

        return exiting(code)  # the process ends here (or next, when its output cannot be flushed)
    return code


def command(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    # A command named first is the only one declared; anything else (--help, --version, a
    # typo) meets the whole parser, so its help and errors list every command.
    args = build_parser(words[0] if words and words[0] in COMMANDS else None).parse_args(argv)
    try:
        if args.command == "check":
            from newslint.cli.gcpause import paused_start

            with paused_start(final=argv is None):  # until the rules are loaded (see gcpause.py)
                from newslint.cli.check import run_check
                return run_check(args)
        if args.command == "facts":
            from newslint.cli.facts import run_facts
            return run_facts(args)
        if args.command == "rules":
            from newslint.cli.rules import run_rules
            return run_rules(args)
        if args.command == "lsp":
            from newslint.lsp.server import run_server
            return run_server()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_CLEAN
    except Exception as problem:  # noqa: BLE001 - a bug must not read as "findings" (exit 1)
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        error(f"internal error: {type(problem).__name__}: {problem} "
              "(a bug in newslint; run again with NEWSLINT_DEBUG=1 for the traceback and report it)")
        return EXIT_ERROR
    return EXIT_ERROR


def error(message: str) -> None:
    print(f"newslint: error: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
