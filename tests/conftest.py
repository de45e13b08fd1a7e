"""Shared test helpers: run the newslint CLI in-process and write small file trees."""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def newslint(monkeypatch, capsys, tmp_path):
    """run(*args, cwd=tmp_path, stdin=None) -> Result: `newslint ARGS` in-process."""

    def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> Result:
        monkeypatch.chdir(cwd or tmp_path)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text or bytes} under root; return root."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a long run (e.g. a 40 MB draft); only with `-m slow`")


def pytest_collection_modifyitems(config, items):
    """Slow tests run only when selected with -m (e.g. `pytest -m slow`)."""
    if "slow" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="slow; run with -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
