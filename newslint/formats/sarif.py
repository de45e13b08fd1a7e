"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every loaded rule is listed under tool.driver.rules so that a viewer can explain a finding;
results point at their rule by id and index. Columns count Unicode characters, as newslint's
do, which SARIF calls `unicodeCodePoints`."""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import quote

from newslint import __version__
from newslint.formats.base import FormatContext, reads_document, write_json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note", "suggestion": "note"}


@reads_document("nothing")
def write_sarif(reports, stream: TextIO, context: FormatContext) -> None:
    rules: list[dict] = []
    index: dict[str, int] = {}
    for rule in context.rules:
        if rule.id not in index:
            index[rule.id] = len(rules)
            rules.append(_rule_descriptor(rule))
    results = []
    for report in reports:
        for finding in report.findings:
            if finding.rule not in index:  # a finding of a rule the context did not list
                index[finding.rule] = len(rules)
                rules.append({"id": finding.rule, "shortDescription": {"text": finding.rule}})
            results.append(_result(finding, index[finding.rule]))
    errors = [report.error for report in reports if report.error]
    invocation = {
        "executionSuccessful": not errors,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": message}} for message in errors
        ],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "newslint",
                "informationUri": INFORMATION_URI,
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    write_json_text(stream, log)


def _rule_descriptor(rule) -> dict:
    description = rule.description.strip() or rule.message.replace("%s", "…").strip() or rule.id
    short = description.split("\n", 1)[0]
    help_text = description + (f"\n\nMore: {rule.link}" if rule.link else "")
    help_markdown = description + (f"\n\n[More]({rule.link})" if rule.link else "")
    descriptor = {
        "id": rule.id,
        "name": rule.id.replace(".", "/"),
        "shortDescription": {"text": short},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS.get(rule.level, "warning")},
        "properties": {"category": rule.finding_category, "tags": [rule.finding_category]},
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _result(finding, rule_index: int) -> dict:
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(finding.path)},
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
                "snippet": {"text": finding.text},
            },
        }}],
        "properties": {"category": finding.category, "severity": finding.severity},
    }
    if finding.fix is not None:
        result["properties"]["replacement"] = finding.fix.replacement
    return result


def artifact_uri(path: str) -> str:
    """Relative to the working folder with forward slashes (GitHub resolves it against the
    repository root); a file outside it gets an absolute file:// URI."""
    if path in ("", "-"):
        return "stdin"
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return absolute.as_uri()
    return quote(str(PurePosixPath(*relative.parts)) if relative.parts else absolute.name)


FORMATS = {"sarif": write_sarif}
