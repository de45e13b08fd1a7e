"""Output formats write their text in pieces (formats/base.write_pieces): the same text as
json.dump and one write per finding line gave, in a few writes whatever the stream's buffering."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.formats import base
from newslint.formats.base import FormatContext, write_pieces
from newslint.formats.json_format import write_json
from newslint.formats.lsp_format import write_lsp
from newslint.formats.sarif import write_sarif
from newslint.formats.text import write_text

ROOT = Path(__file__).resolve().parent.parent


class CountingStream(io.StringIO):
    """A stream that counts its writes (each a system call when Python runs unbuffered)."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


@pytest.fixture(scope="module")
def reports():
    """Real findings: the seeds' example draft and a story of tests/eval, with their sources."""
    found = []
    for draft, sources in ((ROOT / "examples/draft.md", ROOT / "seeds"),
                           (ROOT / "tests/eval/storm/tornado.md", ROOT / "tests/eval/storm/sources")):
        linter = Linter(Config(root=ROOT), Options(sources=[sources]))
        found.append(linter.lint_file(draft))
    assert sum(len(report.findings) for report in found) > 10
    return found


def _dumped(value) -> str:
    stream = io.StringIO()
    json.dump(value, stream, ensure_ascii=False, indent=2)
    return stream.getvalue() + "\n"


@pytest.mark.parametrize("piece", [1, 7, base.PIECE])
def test_json_formats_write_what_json_dump_writes(reports, monkeypatch, piece):
    monkeypatch.setattr(base, "PIECE", piece)
    context = FormatContext(rules=[])
    stream = CountingStream()
    write_json(reports, stream, context)
    items = [finding.as_json() for report in reports for finding in report.findings]
    assert stream.getvalue() == _dumped(items)
    chunks = len(list(json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(items))) + 1
    assert stream.writes == -(-chunks // piece)  # a write per PIECE chunks, never one per chunk
    for writer in (write_sarif, write_lsp):
        stream = CountingStream()
        writer(reports, stream, context)
        assert stream.getvalue().endswith("}\n") or stream.getvalue().endswith("]\n")
        json.loads(stream.getvalue())


def test_sarif_and_lsp_are_json_dumps_of_the_same_value(reports):
    """write_sarif and write_lsp build a value and encode it: their text is json.dump's of it."""
    for writer in (write_sarif, write_lsp):
        stream = io.StringIO()
        writer(reports, stream, FormatContext(rules=[]))
        assert stream.getvalue() == _dumped(json.loads(stream.getvalue()))


def test_text_is_written_at_once_in_finding_order(reports):
    stream = CountingStream()
    write_text(reports, stream, FormatContext(color=False))
    text = stream.getvalue()
    findings = [f for report in reports for f in report.findings]
    at = 0
    for finding in findings:  # each headline, in order, each on its own line
        at = text.index(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity} [{finding.rule}] "
                        f"{finding.message}\n", at) + 1
    assert text.endswith(f"\n{len(findings)} findings\n")
    assert stream.writes == 1


def test_write_pieces_of_nothing_writes_nothing():
    stream = CountingStream()
    write_pieces(stream, iter(()))
    assert stream.writes == 0 and stream.getvalue() == ""
