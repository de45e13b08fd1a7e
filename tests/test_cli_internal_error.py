"""A bug inside newslint exits 2 with a one-line message, never a traceback that reads as
findings (exit 1) to pre-commit; NEWSLINT_DEBUG=1 shows the traceback."""
from __future__ import annotations

import pytest

from newslint.cli import check, main


def broken_check(args):
    raise RuntimeError("something inside broke")


def test_an_internal_error_is_exit_2_with_a_message(monkeypatch, capsys):
    monkeypatch.setattr(check, "run_check", broken_check)
    monkeypatch.delenv("NEWSLINT_DEBUG", raising=False)
    assert main.main(["check", "examples/draft.md"]) == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: something inside broke" in err
    assert "Traceback" not in err


def test_newslint_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(check, "run_check", broken_check)
    monkeypatch.setenv("NEWSLINT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main.main(["check", "examples/draft.md"])
