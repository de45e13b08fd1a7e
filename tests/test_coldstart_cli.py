"""The command line declares only the command it runs (cli/main.py, build_parser(only)): every
command line parses to the same arguments, help, errors and exit status as with the whole
parser."""
from __future__ import annotations

import contextlib
import io

import pytest

from newslint.cli.main import COMMANDS, build_parser

COMMAND_LINES = [
    ["check"], ["check", "--help"], ["check", "--bogus"], ["check", "-", "--stdin-filename", "a.md"],
    ["check", "a.md", "b", "--format", "json", "--sources", "s", "--sources", "t", "--select", "A, B", "--jobs", "2"],
    ["check", "--jobs", "x"], ["check", "--color", "red"], ["check", "--fix", "--unsafe-fixes", "--diff", "--config", "c"],
    ["facts"], ["facts", "--help"], ["facts", "build", "--help"], ["facts", "build", "a"], ["facts", "build", "a", "-o", "f"],
    ["facts", "show", "Ann Roe", "--sources", "s"], ["facts", "conflicts", "--facts", "f"], ["facts", "nope"],
    ["rules"], ["rules", "list", "--rules", "d"], ["rules", "explain"], ["rules", "explain", "A.B"], ["rules", "test", "-h"],
    ["rules", "test", "d1", "d2"], ["lsp"], ["lsp", "--help"], ["lsp", "extra"],
]


def parse(parser, argv: list[str]) -> tuple:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = vars(parser.parse_args(argv))
        except SystemExit as stop:
            result = ("exit", stop.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_one_command_parses_as_the_whole_parser(argv: list[str], monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # help is wrapped to the terminal: the same width for both
    assert argv[0] in COMMANDS
    assert parse(build_parser(argv[0]), argv) == parse(build_parser(), argv)


def test_the_whole_parser_lists_every_command() -> None:
    _, out, _ = parse(build_parser(), ["--help"])
    assert all(command in out for command in COMMANDS)


@pytest.mark.parametrize("columns", ["100", "50", "0", "wide", None])
def test_help_is_as_wide_as_shutil_says(columns: str | None, monkeypatch) -> None:
    import argparse
    import shutil

    from newslint.cli import main

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert main._terminal_columns() == shutil.get_terminal_size().columns
    ours, theirs = main._Formatter("newslint"), argparse.HelpFormatter("newslint")
    assert (ours._width, ours._max_help_position) == (theirs._width, theirs._max_help_position)


def test_a_check_declares_its_arguments_without_shutil() -> None:
    import subprocess
    import sys

    probe = ("import sys; from newslint.cli.main import build_parser; "
             "build_parser('check').parse_args(['check', 'a.md', '--format', 'json']); "
             "print(sorted({'shutil', 'zlib', 'bz2', 'lzma'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
