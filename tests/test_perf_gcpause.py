"""`newslint check` pauses the cyclic garbage collector while it loads its rules, collects as
usual while it lints several files (one file is linted with it paused), and leaves the
collector as it found it (an in-process caller's)."""
from __future__ import annotations

import gc
from pathlib import Path

from newslint.engine import linter

from conftest import write_files


def test_paused_while_loading_collecting_while_linting_and_restored(newslint, tmp_path: Path, monkeypatch) -> None:
    seen: dict[str, bool] = {}  # the last file's
    build, lint = linter.Linter.__init__, linter.Linter.lint_text

    def built(self, *args, **kwargs):
        seen["loading"] = gc.isenabled()
        build(self, *args, **kwargs)

    def linted(self, *args, **kwargs):
        seen["linting"] = gc.isenabled()
        return lint(self, *args, **kwargs)

    monkeypatch.setattr(linter.Linter, "__init__", built)
    monkeypatch.setattr(linter.Linter, "lint_text", linted)
    write_files(tmp_path, {"draft.md": "The mayor stated that the bridge is closed.\n", "other.md": "Text.\n"})
    result = newslint("check", "draft.md", "other.md", "--format", "json")
    assert result.code == 0 and "newsroom.Said" in result.out  # a suggestion
    assert seen == {"loading": False, "linting": True}
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # One file: paused to the end (its cycles are freed with the process), then restored.
    result = newslint("check", "draft.md", "--format", "json")
    assert result.code == 0 and "newsroom.Said" in result.out
    assert seen == {"loading": False, "linting": False}
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_caller_that_turned_the_collector_off_keeps_it_off(newslint, tmp_path: Path) -> None:
    write_files(tmp_path, {"draft.md": "The mayor stated that the bridge is closed.\n"})
    gc.disable()
    try:
        assert "newsroom.Said" in newslint("check", "draft.md").out
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_a_configuration_error_restores_the_collector(newslint, tmp_path: Path) -> None:
    write_files(tmp_path, {".newslint.yaml": "levels: [not, a, mapping]\n", "draft.md": "Text.\n"})
    assert newslint("check", "draft.md").code == 2
    assert gc.isenabled() and gc.get_freeze_count() == 0
