"""Output formats on real findings: text, json, github workflow commands and SARIF 2.1.0."""
from __future__ import annotations

import io
import json
import re

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options, Report
from newslint.engine.loader import RuleSet
from newslint.findings import Finding, Fix
from newslint.formats.base import FormatContext
from newslint.formats.github import escape_data, escape_property
from newslint.formats.json_format import write_json
from newslint.formats.github import write_github
from newslint.formats.sarif import artifact_uri, write_sarif
from newslint.formats.text import write_text
from newslint.plugins import get_plugins
from conftest import write_files

PACK = {
    "house/Hedges.yml": ("extends: existence\nmessage: \"Cut '%s'.\"\nlevel: warning\nignorecase: true\n"
                         "tokens: [very unique]\nlink: https://example.org/style#hedges\n"
                         "description: 'Unique has no degrees: a thing is unique or it is not.'\n"),
    "house/Jargon.yml": "extends: existence\nmessage: \"Jargon: '%s'.\"\nlevel: error\ntokens: [leverage]\n",
    "house/Dateline.yml": "extends: existence\nmessage: \"Spell out '%s'.\"\nlevel: suggestion\ntokens: [Wash]\n",
    "house/Spanning.yml": "extends: existence\nmessage: Spans lines.\nlevel: info\nnonword: true\ntokens: ['budget\\s+vote']\n",
}
DRAFT = "# Budget\n\nThe plan, 50% done, is very unique in Wash.\n\nStaff will leverage the budget\nvote on Tuesday.\n"


@pytest.fixture
def linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_files(tmp_path, {**{f"rules/{k}": v for k, v in PACK.items()}, "drafts/a b.md": DRAFT})
    linter = Linter(Config(root=tmp_path), Options(rules=[tmp_path / "rules"], select=["house"]))
    assert not [p for p in linter.problems if str(tmp_path) in p.path]
    report = linter.lint_file(tmp_path / "drafts/a b.md")
    report = Report("drafts/a b.md", report.document, [_relative(f) for f in report.findings])
    return [report], FormatContext(rules=linter.ruleset.rules)


def _relative(finding: Finding) -> Finding:
    from dataclasses import replace
    return replace(finding, path="drafts/a b.md")


def render(writer, reports, context) -> str:
    stream = io.StringIO()
    writer(reports, stream, context)
    return stream.getvalue()


def test_every_builtin_format_is_registered():
    assert {"text", "json", "sarif", "github"} <= set(get_plugins().formats())


# -- text -----------------------------------------------------------------------------------------
def test_text_headline_line_and_caret(linted):
    reports, context = linted
    lines = render(write_text, reports, context).splitlines()
    assert lines[:3] == [
        "drafts/a b.md:3:24: warning [house.Hedges] Cut 'very unique'.",
        "  The plan, 50% done, is very unique in Wash.",
        "  " + " " * 23 + "^" * 11,
    ]
    assert lines[-1] == "4 findings"


def test_text_caret_of_a_span_over_two_lines_runs_to_the_end_of_the_first(linted):
    reports, context = linted
    lines = render(write_text, reports, context).splitlines()
    at = next(i for i, line in enumerate(lines) if "[house.Spanning]" in line)
    assert lines[at] == "drafts/a b.md:5:25: info [house.Spanning] Spans lines."
    assert lines[at + 2] == "  " + " " * 24 + "^" * len("budget")


def test_text_colour_only_when_asked(linted):
    reports, context = linted
    plain = render(write_text, reports, context)
    context.color = True
    coloured = render(write_text, reports, context)
    assert "\033[" not in plain
    assert "\033[33mwarning\033[0m" in coloured and "\033[31mcaret" not in coloured
    assert re.sub(r"\033\[\d+m", "", coloured) == plain


def test_text_of_nothing_is_nothing():
    assert render(write_text, [Report("a.md")], FormatContext()) == ""


# -- json -----------------------------------------------------------------------------------------
def test_json_carries_fix_and_evidence(linted):
    reports, context = linted
    first = reports[0].findings[0]
    from dataclasses import replace
    from newslint.findings import Evidence
    reports[0].findings[0] = replace(first, fix=Fix("unique"), evidence=(Evidence("seeds/a.txt", 4, "It is unique."),))
    items = json.loads(render(write_json, reports, context))
    assert items[0]["fix"] == {"replacement": "unique"}
    assert items[0]["evidence"] == [{"source": "seeds/a.txt", "line": 4, "text": "It is unique."}]
    assert items[1]["fix"] is None and items[1]["evidence"] == []


# -- github ---------------------------------------------------------------------------------------
def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("drafts/a,b:c%.md") == "drafts/a%2Cb%3Ac%25.md"


def test_github_commands(linted):
    reports, context = linted
    lines = render(write_github, reports, context).splitlines()
    assert lines[0] == "::warning file=drafts/a b.md,line=3,col=24,endLine=3,endColumn=35,title=house.Hedges::Cut 'very unique'."
    assert [line.split(" ", 1)[0] for line in lines] == ["::warning", "::notice", "::error", "::notice"]
    assert "endLine=6" in lines[3]


def test_github_message_with_newline_and_percent_stays_one_command():
    finding = Finding("p.Rule", "style", "error", "50% of\nthe text", 0, 1, path="x,y.md", line=1, column=1, end_line=1, end_column=2)
    out = render(write_github, [Report("x,y.md", findings=[finding])], FormatContext())
    assert out == "::error file=x%2Cy.md,line=1,col=1,endLine=1,endColumn=2,title=p.Rule::50%25 of%0Athe text\n"


# -- sarif ----------------------------------------------------------------------------------------
def test_sarif_log_has_what_github_code_scanning_requires(linted):
    reports, context = linted
    log = json.loads(render(write_sarif, reports, context))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"].startswith("https://")
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    hedges = by_id["house.Hedges"]
    assert hedges["shortDescription"]["text"] == "Unique has no degrees: a thing is unique or it is not."
    assert hedges["fullDescription"]["text"].startswith("Unique has no degrees")
    assert hedges["help"]["text"].endswith("https://example.org/style#hedges")
    assert "[More](https://example.org/style#hedges)" in hedges["help"]["markdown"]
    assert hedges["helpUri"] == "https://example.org/style#hedges"
    assert hedges["defaultConfiguration"]["level"] == "warning"
    assert "helpUri" not in by_id["house.Jargon"]
    assert by_id["house.Jargon"]["shortDescription"]["text"] == "Jargon: '…'."
    assert by_id["house.Dateline"]["defaultConfiguration"]["level"] == "note"
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("house.Hedges", "warning"), ("house.Dateline", "note"), ("house.Jargon", "error"), ("house.Spanning", "note")]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "drafts/a%20b.md"
        assert set(location["region"]) >= {"startLine", "startColumn", "endLine", "endColumn"}
    assert results[3]["locations"][0]["physicalLocation"]["region"]["endLine"] == 6


def test_sarif_reports_a_file_error_as_an_unsuccessful_invocation():
    log = json.loads(render(write_sarif, [Report("gone.md", error="gone.md: no such file or directory")], FormatContext()))
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "gone.md: no such file or directory"


def test_sarif_uris(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("drafts/x.md") == "drafts/x.md"
    assert artifact_uri(str(tmp_path / "drafts" / "x.md")) == "drafts/x.md"
    assert artifact_uri("/elsewhere/y.md") == "file:///elsewhere/y.md"
    assert artifact_uri("-") == "stdin"


def test_sarif_lists_rules_from_several_configurations_once():
    ruleset_rules = RuleSet().rules
    log = json.loads(render(write_sarif, [Report("a.md")], FormatContext(rules=ruleset_rules)))
    assert log["runs"][0]["tool"]["driver"]["rules"] == [] and log["runs"][0]["results"] == []
