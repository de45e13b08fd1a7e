"""`--format json`: one JSON array of findings in file order (DESIGN.md, "JSON output")."""
from __future__ import annotations

import json
from itertools import chain
from typing import TextIO

from newslint.formats.base import FormatContext, reads_document, write_pieces


@reads_document("nothing")
def write_json(reports, stream: TextIO, context: FormatContext) -> None:
    items = [finding.as_json() for report in reports for finding in report.findings]
    # json.dump(items, stream, ensure_ascii=False, indent=2): the same chunks, written in pieces
    write_pieces(stream, chain(json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(items), "\n"))


FORMATS = {"json": write_json}
