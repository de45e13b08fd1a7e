"""`--format github`: GitHub Actions workflow commands, one per finding, so that findings show
as annotations on the pull request's diff:

    ::error file=drafts/x.md,line=3,col=5,endLine=3,endColumn=12,title=facts.Names::message
"""
from __future__ import annotations

from typing import TextIO

from newslint.formats.base import FormatContext, reads_document

# GitHub has three annotation levels; suggestion and info become notices.
LEVELS = {"error": "error", "warning": "warning", "info": "notice", "suggestion": "notice"}


def escape_data(value: str) -> str:
    """The message part: %, CR and LF would end or corrupt the command."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Property values: also ':' and ',' which separate the properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


@reads_document("nothing")
def write_github(reports, stream: TextIO, context: FormatContext) -> None:
    for report in reports:
        for finding in report.findings:
            properties = {
                "file": finding.path,
                "line": finding.line,
                "col": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
                "title": finding.rule,
            }
            joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
            level = LEVELS.get(finding.severity, "warning")
            stream.write(f"::{level} {joined}::{escape_data(finding.message)}\n")


FORMATS = {"github": write_github}
