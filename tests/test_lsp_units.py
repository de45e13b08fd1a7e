"""The language server's parts that need no LSP session: positions in each encoding, findings as
LSP diagnostics, `--format lsp` (and that the CLI never imports pygls), the code actions' edits,
settings, the quick re-check of edited paragraphs, and hover text."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from newslint.document import parse_document
from newslint.findings import Evidence, Finding, Fix
from newslint.lsp.diagnostics import report_diagnostics, to_diagnostic
from newslint.lsp.edits import accept_edit, disable_edit
from newslint.lsp.hover import hover_text
from newslint.lsp.incremental import Change, changed_span, relint
from newslint.lsp.positions import UTF8, UTF16, UTF32, LineIndex
from newslint.lsp.session import Session
from newslint.lsp.settings import Settings, parse_settings
from newslint.registry.model import Entity, Provenance, QuoteFact, Registry, Title, Variant
from tests.conftest import write_files

ROOT = Path(__file__).resolve().parent.parent


def finding(text: str, needle: str, rule: str = "Test.Rule", **kwargs) -> Finding:
    start = text.index(needle)
    return Finding(rule=rule, category=kwargs.pop("category", "style"), severity=kwargs.pop("severity", "warning"),
                   message=kwargs.pop("message", "m"), start=start, end=start + len(needle), text=needle, **kwargs)


def applied(text: str, edit) -> str:
    return text[:edit.start] + edit.new_text + text[edit.end:]


# -- positions ---------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding, character", [(UTF16, 5), (UTF8, 8), (UTF32, 4)])
def test_columns_count_code_units_of_the_encoding(encoding, character):
    text = "title\n😀 é Smyth\n"
    index = LineIndex(text, encoding)
    offset = text.index("Smyth")
    assert index.position(offset) == (1, character)
    assert index.offset(1, character) == offset
    assert index.range(offset, offset + 5)["end"] == {"line": 1, "character": character + 5}


def test_line_breaks_are_lf_crlf_and_cr():
    text = "a\r\nb\rc\nd"
    index = LineIndex(text)
    assert [index.position(text.index(c)) for c in "abcd"] == [(0, 0), (1, 0), (2, 0), (3, 0)]
    assert index.position(1) == (0, 1) and index.position(2) == (0, 1)  # "\r" and "\n" end line 0
    assert index.offset(0, 99) == 1  # clamped to the end of the line, before its break
    assert index.offset(9, 0) == len(text) and index.offset(-1, 0) == 0


def test_a_position_inside_a_surrogate_pair_snaps_after_the_character():
    index = LineIndex("😀x")
    assert index.offset(0, 1) == 1 and index.offset(0, 2) == 1 and index.offset(0, 3) == 2


# -- diagnostics -------------------------------------------------------------------------------
def test_finding_as_diagnostic():
    text = "😀 Jon Smyth spoke.\n"
    item = finding(text, "Jon Smyth", rule="Test.Names", category="name", severity="error", message="Use 'John Smith'",
                   fix=Fix("John Smith"), link="https://example.org/names",
                   evidence=(Evidence("sources/a.md", 3, "John Smith said"),))
    diagnostic = to_diagnostic(item, LineIndex(text))
    assert diagnostic["range"] == {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 12}}
    assert (diagnostic["code"], diagnostic["source"], diagnostic["severity"]) == ("Test.Names", "newslint", 1)
    assert diagnostic["codeDescription"] == {"href": "https://example.org/names"}
    assert diagnostic["data"]["fix"] == {"replacement": "John Smith", "safe": True}
    assert diagnostic["data"]["category"] == "name"
    related = diagnostic["relatedInformation"][0]
    assert related["location"]["uri"].endswith("/sources/a.md") and related["location"]["range"]["start"]["line"] == 2
    assert related["message"] == "John Smith said"


@pytest.mark.parametrize("severity, expected", [("error", 1), ("warning", 2), ("info", 3), ("suggestion", 4)])
def test_severities_map_to_lsp(severity, expected):
    diagnostic = to_diagnostic(finding("a b", "b", severity=severity), LineIndex("a b"))
    assert diagnostic["severity"] == expected and "codeDescription" not in diagnostic


# -- --format lsp and imports ------------------------------------------------------------------
PACK = {
    "rules/Test/Names.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        level: error
        category: name
        swap:
          Jon Smyth: John Smith
        """,
    "rules/Test/Very.yml": """
        extends: existence
        message: "Avoid '%s'"
        level: warning
        tokens: [very]
        """,
    "rules/Test/Doubled.yml": """
        extends: repetition
        message: "'%s' is repeated"
        level: warning
        tokens: ['[^\\s]+']
        """,
    "rules/Test/Spelling.yml": """
        extends: consistency
        message: "Inconsistent spelling of '%s'"
        level: warning
        either:
          advisor: adviser
        """,
}


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return write_files(tmp_path, {name: textwrap.dedent(text) for name, text in PACK.items()})


def test_format_lsp_prints_diagnostics_per_file_without_importing_pygls(pack: Path):
    write_files(pack, {"a.md": "😀 Jon Smyth said it was very close.\n", "b.txt": "Calm.\n"})
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newslint", "check", "--rules", "rules", "--select", "Test",
         "--format", "lsp", "a.md", "b.txt"], cwd=pack, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    files = json.loads(result.stdout)
    assert [f["uri"] for f in files] == [(pack / "a.md").as_uri(), (pack / "b.txt").as_uri()]
    first, very = files[0]["diagnostics"]
    assert first["range"] == {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 12}}
    assert (first["code"], first["severity"], first["data"]["fix"]["replacement"]) == ("Test.Names", 1, "John Smith")
    assert very["code"] == "Test.Very" and very["severity"] == 2
    assert files[1]["diagnostics"] == []
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "newslint.lsp.diagnostics" in imported  # the format's own code was imported
    assert not {name for name in imported if name.split(".")[0] in ("pygls", "lsprotocol", "cattrs")}


# -- edits -------------------------------------------------------------------------------------
def test_accept_creates_front_matter():
    text = "Jon Smyth voted.\n"
    new = applied(text, accept_edit(text, "Jon Smyth"))
    assert new == "---\nnewslint:\n  accept:\n  - Jon Smyth\n---\n\nJon Smyth voted.\n"
    assert parse_document("d.md", new).front_matter == {"newslint": {"accept": ["Jon Smyth"]}}


def test_accept_keeps_other_keys_and_comments():
    text = "---\ntitle: Vote  # headline\nnewslint:\n  select: [Test]\n  accept:\n    - Ann Lee\n\n# notes\nauthor: me\n---\nBody\n"
    new = applied(text, accept_edit(text, "Zoë Ng"))
    assert new.startswith("---\ntitle: Vote  # headline\nnewslint:\n")
    assert "\n# notes\nauthor: me\n---\nBody\n" in new
    front = parse_document("d.md", new).front_matter
    assert front["newslint"] == {"select": ["Test"], "accept": ["Ann Lee", "Zoë Ng"]} and front["author"] == "me"


def test_accept_adds_to_a_comma_separated_string_and_keeps_crlf():
    text = "---\r\nnewslint:\r\n  accept: Ann Lee, Bo Li\r\n---\r\nBody\r\n"
    new = applied(text, accept_edit(text, "Cy Young"))
    assert "\n" not in new.replace("\r\n", "")
    assert yaml.safe_load(new.split("---")[1])["newslint"]["accept"] == ["Ann Lee", "Bo Li", "Cy Young"]


def test_accept_declines_when_already_accepted_or_front_matter_is_not_a_mapping():
    assert accept_edit("---\nnewslint:\n  accept: [jon smyth]\n---\nx\n", "Jon Smyth") is None
    assert accept_edit("---\n- a list\n---\nx\n", "Jon Smyth") is None
    assert accept_edit("---\nnewslint: off\n---\nx\n", "Jon Smyth") is None


def test_disable_inserts_a_comment_above_with_the_line_indent():
    text = "# Vote\n\n  It was very close.\n"
    new = applied(text, disable_edit(text, finding(text, "very", rule="Test.Very")))
    assert new == "# Vote\n\n  <!-- newslint-disable-next-line Test.Very -->\n  It was very close.\n"


def test_disable_extends_an_existing_comment_and_skips_front_matter():
    text = "<!-- newslint-disable-next-line Test.Very -->\nJon Smyth was very close.\n"
    new = applied(text, disable_edit(text, finding(text, "Jon Smyth", rule="Test.Names")))
    assert new.startswith("<!-- newslint-disable-next-line Test.Very, Test.Names -->\nJon Smyth")
    assert disable_edit(text, finding(text, "very", rule="Test.Very")) is None
    front = "---\ntitle: very\n---\nx\n"
    assert disable_edit(front, finding(front, "very")) is None


def test_disable_comment_silences_the_rule_in_the_engine(pack: Path):
    session = Session(pack)
    session.configure(Settings(rules=("rules",), select=("Test",)))
    text = "# Vote\n\n- So very close.\n- It was very, very close.\n"
    report = session.lint(str(pack / "d.md"), text)
    first = report.findings[0]
    again = session.lint(str(pack / "d.md"), applied(text, disable_edit(text, first)))
    assert [f.line for f in again.findings] == [5, 5]


def test_an_error_that_stopped_the_fact_checks_is_shown_beside_the_other_findings():
    from newslint.engine.linter import Report

    text = "Experts say it is safe.\n"
    skipped = "d.md: the fact checks were skipped: internal error while building the fact registry"
    report = Report("d.md", parse_document("d.md", text), [finding(text, "Experts say")], error=skipped)
    shown = report_diagnostics(report)
    assert [d["message"] for d in shown] == [skipped, "m"]
    assert shown[1]["range"]["start"] == {"line": 0, "character": 0} and shown[1]["range"]["end"]["character"] == 11
    unread = Report("gone.md", error="gone.md: no such file")
    assert [d["message"] for d in report_diagnostics(unread)] == ["gone.md: no such file"]

# -- settings ----------------------------------------------------------------------------------
def test_settings_replace_config_values(tmp_path: Path):
    settings, problems = parse_settings({"newslint": {"sources": "seeds", "select": "Test, facts", "rules": ["/abs/rules"],
                                                      "ignore": [3], "debounce": 50, "incremental": False}})
    assert settings.sources == ("seeds",) and settings.select == ("Test", "facts") and settings.ignore is None
    assert settings.debounce == 0.05 and settings.incremental is False
    assert problems == ["setting newslint.ignore must be a list of strings; ignored"]
    from newslint.engine.config import Config
    config = settings.apply(Config(root=tmp_path, ignore=["x"], sources=[tmp_path / "old"]), tmp_path)
    assert config.sources == [tmp_path / "seeds"] and config.rules == [Path("/abs/rules")] and config.ignore == ["x"]
    assert parse_settings(None) == (Settings(), [])


# -- quick re-check of edited paragraphs -------------------------------------------------------
STORY = """---
title: Council vote
---

# Council approves budget

The advisor said Jon Smyth voted very late.

Mayor Ann Lee said the the budget was fine.

<!-- newslint-disable Test.Very -->

Very late, very late, the adviser said.

<!-- newslint-enable Test.Very -->

It was very close, said Jon Smyth.

The council will meet again in May.
"""


def keys(findings):
    return [(f.rule, f.start, f.end, f.message) for f in findings]


def test_quick_recheck_matches_a_complete_lint_while_typing(pack: Path):
    session = Session(pack)
    session.configure(Settings(rules=("rules",), select=("Test",)))
    path = str(pack / "story.md")
    text = STORY
    findings = session.lint(path, text).findings
    assert {f.rule for f in findings} == {"Test.Names", "Test.Very", "Test.Doubled", "Test.Spelling"}
    edits = [
        ("It was very close", "It was very very close"),  # a new finding in the edited paragraph
        ("Mayor Ann Lee", "Mayor Jon Smyth"),
        ("said the the budget", "said the budget"),  # a finding goes away
        ("in May.", "in May.\n\nJon Smyth was very quiet."),  # a new paragraph
        ("The advisor said", "The adviser said"),  # a whole-document rule's finding moves
        ("\n\nVery late,", "\n\nVery very late,"),  # inside the disabled range
    ]
    for old, new in edits:
        typed = text.replace(old, new, 1)
        quick = relint(session.linter_for(Path(path)), path, text, findings, typed, markdown=True)
        complete = session.lint(path, typed).findings
        if old == "The advisor said":
            # The consistency rule is not re-run on an excerpt: its old finding stays until the
            # complete lint; every other finding is exact.
            assert [k for k in keys(quick) if k[0] != "Test.Spelling"] == [k for k in keys(complete) if k[0] != "Test.Spelling"]
        else:
            assert keys(quick) == keys(complete), (old, new)
        text, findings = typed, complete


def test_quick_recheck_declines_front_matter_edits_and_code_blocks(pack: Path):
    session = Session(pack)
    session.configure(Settings(rules=("rules",), select=("Test",)))
    linter = session.linter_for(pack / "s.md")
    findings = session.lint(str(pack / "s.md"), STORY).findings
    assert relint(linter, str(pack / "s.md"), STORY, findings, STORY.replace("Council vote", "Vote"), True) is None
    fenced = "```\n\n" + STORY.split("---\n", 2)[2]
    assert relint(linter, str(pack / "s.md"), fenced, [], fenced.replace("in May", "in June"), True) is None


def test_changed_span():
    assert changed_span("hello world", "hello brave world") == Change(6, 6, 12)
    assert changed_span("aaa", "aa") == Change(2, 3, 2)
    assert changed_span("same", "same") == Change(4, 4, 4)


# -- hover -------------------------------------------------------------------------------------
def registry() -> Registry:
    def said(source: str, line: int, text: str) -> Provenance:
        return Provenance(source, line, text)
    lee = Entity(
        canonical="Ann Lee", surname="Lee", given="Ann", gender="female",
        variants=[Variant("Ann Lee", [said("/news/a.md", 3, "Mayor Ann Lee said"), said("/news/b.md", 5, "Ann Lee, the mayor")]),
                  Variant("Lee", [said("/news/b.md", 7, "Lee said")]),
                  Variant("Anne Lee", [said("/news/c.md", 2, "Mayor Anne Lee")], wrong=True)],
        titles=[Title("mayor", "Springfield", "current", "Mayor", [said("/news/a.md", 3, "Mayor Ann Lee said")]),
                Title("council member", "", "former", "council member", [said("/news/b.md", 9, "a former council member")])])
    quote = QuoteFact("We will keep every library open", "Ann Lee", said("/news/a.md", 4, '"We will keep every library open," Lee said.'))
    return Registry(entities=[lee], quotes=[quote], sources=["/news/a.md", "/news/b.md", "/news/c.md"])


def hover_at(text: str, needle: str, after: int = 0, findings=()) -> str | None:
    document = parse_document("d.md", text)
    return hover_text(document, text.index(needle) + after, registry(), list(findings))


def test_hover_on_a_name_shows_the_registry_entry():
    text = "# Vote\n\nMayor Ann Lee's budget passed.\n"
    hover = hover_at(text, "Lee", 1)
    assert hover.startswith("**Ann Lee** — Mayor; 3 mentions in 2 sources")
    assert "former council member (1 mention)" in hover and "she/her" in hover
    assert "Known wrong forms: Anne Lee (1 mention)" in hover
    assert "[a.md:3](file:///news/a.md#L3)" in hover and "[b.md:5](file:///news/b.md#L5)" in hover
    assert hover_at(text, "Mayor", 2) == hover  # the title before the name: the same person
    assert hover_at(text, "budget") is None


def test_hover_on_a_wrong_form_names_the_right_one():
    hover = hover_at("Mayor Anne Lee spoke.\n", "Anne")
    assert hover.startswith("**Anne Lee** — a wrong form of **Ann Lee** in the sources (1 mention in 1 source)")
    assert "[c.md:2](file:///news/c.md#L2)" in hover and "**Ann Lee** — Mayor" in hover


def test_hover_on_a_title_word_lists_its_holders():
    hover = hover_at("The mayor spoke.\n", "mayor")
    assert hover == "**mayor** in the sources:\n\n- Ann Lee — Mayor (1 mention)"


def test_hover_on_a_quotation_finds_it_in_the_sources():
    found = hover_at('She said: "we will keep every library open."\n', "library")
    assert found.startswith("**Quotation in the sources:**\n- “We will keep every library open” — Ann Lee, [a.md:4]")
    missing = hover_at('She said: "we will close two libraries soon."\n', "libraries")
    assert missing == "No source has this quotation (1 quotation in the sources)"


def test_disable_keeps_quote_markers_and_skips_table_rows():
    text = "> She said it was\n> very close.\n"
    new = applied(text, disable_edit(text, finding(text, "very", rule="Test.Very")))
    assert new == "> She said it was\n> <!-- newslint-disable-next-line Test.Very -->\n> very close.\n"
    table = "| a | b |\n|---|---|\n| very | x |\n"
    assert disable_edit(table, finding(table, "very")) is None


def test_without_pygls_the_command_says_how_to_install_it():
    code = "import sys; sys.modules['pygls'] = None; from newslint.cli.main import main; sys.exit(main(['lsp']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "pip install 'newslint[lsp]'" in result.stderr and "Traceback" not in result.stderr
