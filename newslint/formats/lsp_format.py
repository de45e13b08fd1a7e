"""`--format lsp`: per file, `{"uri": ..., "diagnostics": [...]}` with LSP Diagnostic objects
(UTF-16 positions, as LSP clients expect by default), for tools that run the CLI instead of the
language server. Built by hand: this path never imports pygls or lsprotocol."""
from __future__ import annotations

from typing import TextIO

from newslint.formats.base import FormatContext, reads_document, write_json_text
from newslint.lsp.diagnostics import path_uri, report_diagnostics


@reads_document("text")
def write_lsp(reports, stream: TextIO, context: FormatContext) -> None:
    items = [{"uri": path_uri(report.path), "diagnostics": report_diagnostics(report)} for report in reports]
    write_json_text(stream, items)


FORMATS = {"lsp": write_lsp}
