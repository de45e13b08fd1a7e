"""`--format lsp`: per file, `{"uri": ..., "diagnostics": [...]}` with LSP Diagnostic objects
(UTF-16 positions, as LSP clients expect by default), for tools that run the CLI instead of the
language server. Built by hand: this path never imports pygls or lsprotocol."""
from __future__ import annotations

import json
from itertools import chain
from typing import TextIO

from newslint.formats.base import FormatContext, reads_document, write_pieces
from newslint.lsp.diagnostics import path_uri, report_diagnostics


@reads_document("text")
def write_lsp(reports, stream: TextIO, context: FormatContext) -> None:
    items = [{"uri": path_uri(report.path), "diagnostics": report_diagnostics(report)} for report in reports]
    # json.dump: the same chunks, written in pieces (see write_pieces)
    write_pieces(stream, chain(json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(items), "\n"))


FORMATS = {"lsp": write_lsp}
