"""`--format text` (default): `path:line:col: severity [rule] message`, the line and a caret
under the span. Colour only when writing to a terminal."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from newslint.formats.base import FormatContext, reads_document, write_pieces

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "suggestion": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


@reads_document("lines")
def write_text(reports, stream: TextIO, context: FormatContext) -> None:
    write_pieces(stream, _text(reports, context))


def _text(reports, context: FormatContext) -> Iterator[str]:
    count = 0
    for report in reports:
        for finding in report.findings:
            count += 1
            yield _headline(finding, context.color) + "\n"
            line = report.document.line_text(finding.line) if report.document else ""
            if line:
                display = line.expandtabs(1)
                width = finding.end_column - finding.column if finding.end_line == finding.line else len(line) - finding.column + 1
                caret = " " * (finding.column - 1) + "^" * max(1, width)
                if context.color:
                    caret = COLORS.get(finding.severity, "") + caret + RESET
                yield f"  {display}\n  {caret}\n"
    if count and context.color:
        yield f"{BOLD}{count} finding{'s' if count != 1 else ''}{RESET}\n"
    elif count:
        yield f"{count} finding{'s' if count != 1 else ''}\n"


def _headline(finding, color: bool) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}:"
    if not color:
        return f"{where} {finding.severity} [{finding.rule}] {finding.message}"
    tint = COLORS.get(finding.severity, "")
    return f"{BOLD}{where}{RESET} {tint}{finding.severity}{RESET} {DIM}[{finding.rule}]{RESET} {finding.message}"


FORMATS = {"text": write_text}
