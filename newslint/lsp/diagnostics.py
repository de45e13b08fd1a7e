"""Findings as LSP Diagnostic objects (plain dicts, JSON-ready), shared by the language server
and `newslint check --format lsp`. No pygls here: the CLI imports this module."""
from __future__ import annotations

from pathlib import Path

from newslint.findings import Finding
from newslint.lsp.positions import UTF16, LineIndex

SOURCE = "newslint"
# LSP DiagnosticSeverity: 1 Error, 2 Warning, 3 Information, 4 Hint.
SEVERITY = {"error": 1, "warning": 2, "info": 3, "suggestion": 4}


def path_uri(path: str) -> str:
    """A file URI for a path as the engine reports it; stdin and unnamed text get untitled:."""
    if not path or path == "-":
        return "untitled:stdin"
    return Path(path).resolve().as_uri()


def finding_data(finding: Finding) -> dict:
    """What a client keeps with the diagnostic and hands back in code-action requests."""
    return {
        "rule": finding.rule,
        "category": finding.category,
        "severity": finding.severity,
        "text": finding.text,
        "fix": {"replacement": finding.fix.replacement, "safe": finding.fix.safe} if finding.fix else None,
        "evidence": [{"source": e.source, "line": e.line, "text": e.text} for e in finding.evidence],
    }


def to_diagnostic(finding: Finding, index: LineIndex) -> dict:
    """One LSP Diagnostic for one finding: code = rule id, linked to the rule's documentation."""
    diagnostic = {
        "range": index.range(finding.start, finding.end),
        "severity": SEVERITY.get(finding.severity, 3),
        "code": finding.rule,
        "source": SOURCE,
        "message": finding.message,
        "data": finding_data(finding),
    }
    if finding.link:
        diagnostic["codeDescription"] = {"href": finding.link}
    related = [_related(e) for e in finding.evidence if e.source]
    if related:
        diagnostic["relatedInformation"] = related
    return diagnostic


def _related(evidence) -> dict:
    line = max(0, evidence.line - 1)
    return {
        "location": {"uri": path_uri(evidence.source),
                     "range": {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}}},
        "message": evidence.text.strip() or evidence.source,
    }


def message_diagnostic(message: str, line: int = 0, severity: int = 1, code: str | None = None) -> dict:
    """A diagnostic that is not a finding: a file that cannot be read, a rule that does not load."""
    diagnostic = {
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line + 1, "character": 0}},
        "severity": severity,
        "source": SOURCE,
        "message": message,
    }
    if code:
        diagnostic["code"] = code
    return diagnostic


def report_diagnostics(report, encoding: str = UTF16) -> list[dict]:
    """Every diagnostic of one engine Report (newslint.engine.linter.Report)."""
    if report.document is None:
        return [message_diagnostic(report.error or "not linted")]
    index = LineIndex(report.document.text, encoding)
    found = [to_diagnostic(finding, index) for finding in report.findings]
    # an error that stopped part of the lint (the fact checks) leaves the rest's findings
    return [message_diagnostic(report.error), *found] if report.error else found
