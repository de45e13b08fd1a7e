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
