"""`--format json`: one JSON array of findings in file order (DESIGN.md, "JSON output")."""
from __future__ import annotations

from typing import TextIO

from newslint.formats.base import FormatContext, reads_document, write_json_text


@reads_document("nothing")
def write_json(reports, stream: TextIO, context: FormatContext) -> None:
    items = [finding.as_json() for report in reports for finding in report.findings]
    write_json_text(stream, items)


FORMATS = {"json": write_json}
