"""Robustness of drafts: no input crashes newslint, hangs it or loses text.

Each test feeds one class of bad or extreme input (empty, binary, invalid UTF-8, UTF-16, CRLF and
mixed line endings, huge files, a huge line, deep nesting, unbalanced quotation marks, odd front
matter, tables and raw HTML) through the CLI or the engine and checks the result is still exact:
the prose keeps every character's offset, every finding is placed on the text it names, and
errors name the file and exit with status 2.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.files import decode
from newslint.engine.linter import Linter, Options
from newslint.plugins import get_plugins

ROOT = Path(__file__).resolve().parent.parent
HAS_EXISTENCE = "existence" in get_plugins().rule_kinds()
needs_existence = pytest.mark.skipif(not HAS_EXISTENCE, reason="the existence rule kind (newslint/kinds) is not there yet")

# A one-rule pack of our own so that a finding's place can be checked anywhere in a draft.
PROBE = """\
extends: existence
message: "Probe word '%s'."
level: error
ignorecase: true
tokens:
  - zebra
"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def probe_pack(folder: Path) -> Path:
    (folder / "Robust").mkdir(parents=True, exist_ok=True)
    (folder / "Robust" / "Zebra.yml").write_text(PROBE, encoding="utf-8")
    return folder


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python -m newslint` in `cwd` (which holds an empty config, so no config above it is
    used) and check it never shows the user a traceback."""
    (cwd / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=timeout)
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return done


def json_findings(done: subprocess.CompletedProcess) -> list[dict]:
    findings = json.loads(done.stdout.decode("utf-8"))
    assert isinstance(findings, list)
    return findings


def linter(tmp_path: Path, *, probe: bool = True) -> Linter:
    rules = [probe_pack(tmp_path / "rules")] if probe else []
    return Linter(Config(root=tmp_path), Options(rules=rules, sources=[]))


def probed(findings: list) -> list:
    """The findings of our probe rule (the shipped rules run too, and must not crash)."""
    return [f for f in findings if (f["rule"] if isinstance(f, dict) else f.rule) == "Robust.Zebra"]


def assert_document_exact(text: str, document) -> None:
    """The prose view keeps length and newlines; every structure lies inside the text."""
    assert document.text == text
    assert len(document.prose) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(document.prose) if c == "\n"]
    assert "\r" not in document.prose
    for item in [*document.blocks, *document.sentences, *document.quotes]:
        assert 0 <= item.start <= item.end <= len(text), item
    for quote in document.quotes:
        for start, end in quote.parts:
            assert quote.start <= start <= end <= quote.end


def assert_placed(text: str, finding: dict | object) -> None:
    """A finding's line/column (1-based, end exclusive, code points) name exactly its text."""
    get = finding.get if isinstance(finding, dict) else lambda key: getattr(finding, key)
    lines = text.split("\n")

    def offset(line: int, column: int) -> int:
        assert 1 <= line <= len(lines)
        assert 1 <= column <= len(lines[line - 1]) + 2  # the column after the last character, or a newline
        return sum(len(part) + 1 for part in lines[: line - 1]) + column - 1

    start = offset(get("line"), get("column"))
    end = offset(get("end_line"), get("end_column"))
    assert 0 <= start <= end <= len(text)
    assert text[start:end] == get("text")


# -- empty, binary, undecodable, UTF-16 --------------------------------------------------------

def test_bad_files_are_reported_by_name_and_the_others_still_linted(tmp_path: Path) -> None:
    probe_pack(tmp_path / "rules")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"\n\n   \n\t\n")
    (tmp_path / "image.md").write_bytes(PNG)
    (tmp_path / "latin1.md").write_bytes("Line one.\nLine two.\nA caf\u00e9 zebra.\n".encode("latin-1"))
    (tmp_path / "utf16.md").write_bytes("A UTF-16 zebra \u201cline\u201d.\r\nAnother zebra.\n".encode("utf-16"))
    (tmp_path / "controls.txt").write_bytes(b"\x01\x02\x1b[0m zebra \x7f\x0c\x0b end\n")
    (tmp_path / "good.md").write_text("# Draft\n\nA zebra crossed the road.\n", encoding="utf-8")
    names = ["empty.md", "empty.txt", "blank.md", "image.md", "latin1.md", "utf16.md", "controls.txt", "good.md"]

    done = run_cli("check", *names, "--rules", "rules", "--format", "json", cwd=tmp_path)

    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert "image.md" in stderr and "binary" in stderr
    assert "latin1.md:3" in stderr and "UTF-8" in stderr
    for fine in ("empty.md", "empty.txt", "blank.md", "utf16.md", "controls.txt", "good.md"):
        assert fine not in stderr, stderr
    findings = json_findings(done)
    if HAS_EXISTENCE:
        by_path = {}
        for finding in probed(findings):
            by_path.setdefault(finding["path"], []).append(finding)
        assert sorted(by_path) == ["controls.txt", "good.md", "utf16.md"]
        assert [f["line"] for f in by_path["utf16.md"]] == [1, 2]
        assert [(f["line"], f["column"], f["end_column"]) for f in by_path["good.md"]] == [(3, 3, 8)]
        for finding in probed(findings):
            assert finding["text"].lower() == "zebra"
        texts = {name: decode((tmp_path / name).read_bytes(), name).text for name in by_path}
        for finding in findings:
            assert_placed(texts[finding["path"]], finding)


def test_invalid_utf8_on_stdin_names_the_stdin_filename(tmp_path: Path) -> None:
    done = run_cli("check", "-", "--stdin-filename", "story.md", "--format", "json", cwd=tmp_path,
                   stdin=b"Fine.\nStill fine.\n\xff\xfe broken\n")
    assert done.returncode == 2
    assert "story.md:3" in done.stderr.decode()
    assert json_findings(done) == []


def test_empty_and_whitespace_only_documents(tmp_path: Path) -> None:
    lint = linter(tmp_path)
    for name in ("a.md", "a.txt", "a.unknown"):
        for text in ("", "\n", "\r\n", "   ", "\ufeff", "\n\n\n\t \r\n"):
            report = lint.lint_text(name, text)
            assert report.error is None
            assert report.findings == []
            assert_document_exact(text, report.document)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_bom_encodings_decode_to_the_same_text(encoding: str) -> None:
    text = "Caf\u00e9 \u201cquoted\u201d \U0001F600 zebra.\r\nSecond line.\n"
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    decoded = decode(raw, "x.md")
    assert decoded.text == text
    assert decoded.bom and raw.startswith(decoded.bom)


def test_utf16_without_the_rest_of_its_last_character_is_an_input_error() -> None:
    from newslint.engine.files import InputError
    raw = "Text.".encode("utf-16")[:-1]
    with pytest.raises(InputError, match="x.md"):
        decode(raw, "x.md")


# -- line endings ------------------------------------------------------------------------------

LINE_ENDINGS = {
    "lf": "\n",
    "crlf": "\r\n",
}
DRAFT = """\
---
title: A zebra on the loose
---
# Zebra escapes

The zebra ran "fast, very fast," said a keeper.

- one zebra
- two zebras

> A quoted zebra.

| animal | count |
|--------|-------|
| zebra  | 3     |
"""


@pytest.mark.parametrize("suffix", [".md", ".txt"])
@pytest.mark.parametrize("ending", sorted(LINE_ENDINGS))
def test_line_endings_keep_the_structure_of_the_lf_text(suffix: str, ending: str) -> None:
    lf = parse_document("d" + suffix, DRAFT)
    text = DRAFT.replace("\n", LINE_ENDINGS[ending])
    other = parse_document("d" + suffix, text)
    assert_document_exact(text, other)

    def spans(document, items):
        return [document.text[i.start:i.end].replace("\r\n", "\n") for i in items]

    assert spans(other, other.blocks) == spans(lf, lf.blocks)
    assert spans(other, other.sentences) == spans(lf, lf.sentences)
    assert spans(other, other.quotes) == spans(lf, lf.quotes)
    assert other.front_matter == lf.front_matter


def test_mixed_line_endings_still_place_findings(tmp_path: Path) -> None:
    text = "First zebra.\r\nSecond zebra.\nThird\r\n\r\nzebra at the start.\n\r\nLast zebra\r\n"
    for name in ("m.md", "m.txt"):
        report = linter(tmp_path).lint_text(name, text)
        assert_document_exact(text, report.document)
        if HAS_EXISTENCE:
            assert [(f.line, f.column) for f in probed(report.findings)] == [(1, 7), (2, 8), (5, 1), (7, 6)]
            for finding in report.findings:
                assert_placed(text, finding)


def test_lone_carriage_returns_are_masked_not_lost() -> None:
    text = "Old Mac file.\rSecond line.\rThird line.\r"
    for name in ("m.md", "m.txt"):
        document = parse_document(name, text)
        assert_document_exact(text, document)
        assert "Third line." in document.prose


# -- size ---------------------------------------------------------------------------------------

def news_markdown(size: int) -> str:
    """News-style Markdown of about `size` characters: headings, quotes, lists, tables, links."""
    unit = textwrap.dedent("""\
        ## The vote

        The council voted 7-2 on Tuesday to approve the $4.5 million budget, said Mayor Ana Ruiz.
        "We have done the work," she said. "Now we build." Critics say it is 12% too high.

        - a zebra crossing on [Main Street](https://example.org/main)
        - "quoted item" and `code`

        > The keeper said: "It's the 'best' zebra we've had."

        | ward | votes |
        |------|-------|
        | 1    | 1,204 |

        """)
    return unit * (size // len(unit) + 1)


def test_half_a_megabyte_draft_through_the_cli(tmp_path: Path) -> None:
    probe_pack(tmp_path / "rules")
    text = news_markdown(500_000)
    (tmp_path / "big.md").write_text(text, encoding="utf-8")
    done = run_cli("check", "big.md", "--rules", "rules", "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr.decode()
    findings = json_findings(done)
    if HAS_EXISTENCE:
        assert len(probed(findings)) >= text.count("zebra crossing")
    for finding in findings[:: max(1, len(findings) // 200)]:
        assert_placed(text, finding)


@pytest.mark.slow
def test_forty_megabyte_draft_through_the_cli(tmp_path: Path) -> None:
    probe_pack(tmp_path / "rules")
    text = news_markdown(40_000_000)
    (tmp_path / "huge.md").write_text(text, encoding="utf-8")
    done = run_cli("check", "huge.md", "--rules", "rules", "--format", "json", cwd=tmp_path, timeout=1800)
    assert done.returncode in (0, 1), done.stderr.decode()
    findings = json_findings(done)
    if HAS_EXISTENCE:
        assert len(probed(findings)) >= text.count("zebra crossing")
    for finding in findings[:: max(1, len(findings) // 200)]:
        assert_placed(text, finding)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_200000_character_line(tmp_path: Path, suffix: str) -> None:
    words = ['word', 'zebra', '"quoted', 'text,"', 'said', 'Ruiz.', '12%', 'https://example.org/x', "it's"]
    line = " ".join(words[i % len(words)] for i in range(60_000))[:200_000]
    assert len(line) == 200_000
    report = linter(tmp_path).lint_text("long" + suffix, line)
    assert_document_exact(line, report.document)
    assert report.notes == []
    if HAS_EXISTENCE:
        assert len(probed(report.findings)) == line.count("zebra")
    for finding in report.findings:
        assert finding.line == finding.end_line == 1
        assert_placed(line, finding)


# -- structure ----------------------------------------------------------------------------------

NESTED = {
    "blockquotes on one line": "> " * 1000 + "Deep zebra text.\n",
    "blockquotes, one level a line": "".join(">" * i + f" Level {i} zebra.\n" for i in range(1, 1001)),
    "lists on one line": "- " * 1000 + "Deep zebra text.\n",
    "lists, one level a line": "".join("  " * i + f"- Item {i} zebra.\n" for i in range(1000)),
    "ordered lists": "".join("   " * i + f"1. Item {i} zebra.\n" for i in range(1000)),
    "quotes in lists": "> - " * 500 + "Deep zebra text.\n",
    "emphasis": "*a " * 1000 + "zebra" + " a*" * 1000 + "\n",
    "links": "[" * 1000 + "zebra" + "](x)" * 1000 + "\n",
}


@pytest.mark.parametrize("case", sorted(NESTED))
def test_markdown_nested_1000_levels_keeps_its_text(tmp_path: Path, case: str) -> None:
    text = NESTED[case]
    report = linter(tmp_path).lint_text("deep.md", text)
    assert_document_exact(text, report.document)
    # No word is lost: every "zebra" is in the prose the rules read.
    assert report.document.prose.count("zebra") == text.count("zebra")
    if HAS_EXISTENCE:
        assert len(probed(report.findings)) == text.count("zebra")
        for finding in report.findings:
            assert_placed(text, finding)


UNBALANCED = {
    "straight": '"' * 5000,
    "curly openers": "\u201c" * 3000 + " zebra " + "\u2018" * 3000,
    "curly closers": "\u201d" * 3000 + " zebra " + "\u2019" * 3000,
    "words": 'He said "yes and zebra ' * 3000,
    "paragraphs": '"Opened and never closed zebra.\n\n' * 2000,
    "apostrophes": "it's the 'zebra' o'clock '" * 2000,
    "guillemets": "\u00ab zebra " * 3000 + "\u00bb" * 10,
}


@pytest.mark.parametrize("case", sorted(UNBALANCED))
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_thousands_of_unbalanced_quotation_marks(tmp_path: Path, case: str, suffix: str) -> None:
    text = UNBALANCED[case]
    report = linter(tmp_path).lint_text("q" + suffix, text)
    assert_document_exact(text, report.document)
    for finding in report.findings:
        assert_placed(text, finding)


FRONT_MATTER = {
    "only front matter": "---\ntitle: A zebra headline\nsources: [a, b]\n---\n",
    "only front matter, no final newline": "---\ntitle: A zebra headline\n---",
    "only the opening fence": "---\n",
    "unterminated": "---\ntitle: A zebra\nBody zebra text.\n",
    "invalid YAML": "---\ntitle: [unclosed zebra\n---\nBody zebra text.\n",
    "a list": "---\n- zebra\n- b\n---\nBody zebra text.\n",
    "a scalar": "---\nzebra\n---\nBody zebra text.\n",
    "wrong types": "---\ntitle: 5\nsources: 7\ndate: 2024-13-45\nnewslint: {select: 5, ignore: {a: 1}, accept: [[1]]}\n---\nBody zebra.\n",
    "newslint is a list": "---\nnewslint: [a, b]\ndate: [1]\n---\nBody zebra.\n",
    "tabs": "---\ntitle:\t\"zebra\"\n\tbad: indent\n---\nBody zebra.\n",
    "duplicate keys": "---\ntitle: zebra one\ntitle: zebra two\n---\nBody.\n",
    "unhashable key": "---\n? [a, b]\n: zebra\n---\nBody zebra.\n",
    "billion laughs": "---\n" + "a0: &a0 [zebra, zebra]\n" + "".join(
        f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]\n" for i in range(1, 12)) + "sources: *a11\naccept: *a11\n---\nBody zebra.\n",
    "empty": "---\n---\nBody zebra.\n",
    "crlf": "---\r\ntitle: \"A zebra\"\r\n---\r\nBody zebra.\r\n",
    "block scalar title": "---\ntitle: |\n  A zebra\n  on two lines\n---\nBody zebra.\n",
}


@pytest.mark.parametrize("case", sorted(FRONT_MATTER))
def test_odd_front_matter(tmp_path: Path, case: str) -> None:
    text = FRONT_MATTER[case]
    report = linter(tmp_path).lint_text("fm.md", text)
    assert report.error is None
    assert_document_exact(text, report.document)
    assert isinstance(report.document.front_matter, dict)
    for finding in report.findings:
        assert_placed(text, finding)
    if "Body zebra" in text and case not in ("unterminated",):
        body = text.index("Body zebra")
        assert report.document.prose[body:body + 10] == "Body zebra"


def test_front_matter_prose_fields_are_linted_in_place(tmp_path: Path) -> None:
    text = FRONT_MATTER["only front matter"]
    report = linter(tmp_path).lint_text("fm.md", text)
    assert report.document.front_matter["title"] == "A zebra headline"
    start = text.index("A zebra headline")
    assert report.document.prose[start:start + 16] == "A zebra headline"
    assert "sources" not in report.document.prose
    if HAS_EXISTENCE:
        assert [(f.line, f.column, f.text) for f in probed(report.findings)] == [(2, 10, "zebra")]


TABLES_AND_HTML = """\
| name | said |
|:-----|-----:|
| Ruiz | "a zebra" \\| escaped pipe |
| `code zebra` | <b>bold zebra</b> |
|| empty cells | | |

<div class="box">
<p>HTML zebra block</p>
<script>var zebra = "1";</script>
</div>

<!-- a zebra comment -->

Text with <span title="zebra">inline zebra</span> &amp; &copy; &#x1F600; entities.

<table><tr><td>zebra</td></tr></table>

```html
<p>fenced zebra</p>
```
"""


def test_tables_and_raw_html(tmp_path: Path) -> None:
    report = linter(tmp_path).lint_text("t.md", TABLES_AND_HTML)
    document = report.document
    assert_document_exact(TABLES_AND_HTML, document)
    revealed = [i for i in range(len(TABLES_AND_HTML)) if document.prose[i] != " " and TABLES_AND_HTML[i] != "\n"]
    prose_words = "".join(document.prose[i] for i in revealed)
    # Cell and inline text is prose; markup, code and HTML are not.
    for kept in ('"a zebra"', "escaped", "bold", "inline", "entities"):
        assert kept in document.prose, kept
    for masked in ("<div", "<script", "var zebra", "HTML zebra block", "code zebra", "fenced zebra",
                   "a zebra comment", 'title="zebra"', "<td>zebra"):
        assert masked not in document.prose, masked
    assert prose_words.count("|") == 1  # the escaped pipe is text; the others are markup
    assert document.prose[TABLES_AND_HTML.index("\\|") + 1] == "|"
    assert any("table.cell" in b.scopes for b in document.blocks)
    for finding in report.findings:
        assert_placed(TABLES_AND_HTML, finding)


def test_nul_and_replacement_characters_keep_their_text() -> None:
    # markdown-it replaces NUL by U+FFFD; the words around it must still be found.
    text = "Before\x00after zebra.\n\nA \ufffd replacement zebra.\n"
    for name in ("n.md", "n.txt"):
        document = parse_document(name, text)
        assert_document_exact(text, document)
        assert document.prose.count("zebra") == 2


# Runs that once made a regex rescan the rest of the text at every word (quadratic time: the
# 80,000-character "www." run took 8 s, 2 MB of it would take hours): e-mail masking restarted
# at every \b of a long run with no "@", suppression comments with no "-->" scanned to the end.
PATHOLOGICAL = {
    "dotted run": "a." * 40_000,
    "initials": "A." * 40_000,
    "plus run": "a+" * 40_000,
    "hyphenated run": "a-" * 40_000 + "a",
    "www run": "www." * 20_000,
    "at signs": "a@" * 40_000,
    "unclosed suppressions": "<!-- newslint-disable zebra " * 8_000,
    "unclosed comments": "<!-- " * 20_000 + "zebra",
    "urls without ends": "http://a" + "." * 40_000 + " zebra",
    "sentences": ". " * 5_000 + "zebra.",
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_pathological_runs_finish_and_keep_their_text(tmp_path: Path, case: str) -> None:
    text = PATHOLOGICAL[case]
    for name in ("p.md", "p.txt"):
        report = linter(tmp_path).lint_text(name, text)
        assert_document_exact(text, report.document)
        for finding in report.findings:
            assert_placed(text, finding)


def test_an_email_address_is_masked_whole_and_words_around_it_kept() -> None:
    text = "Write to a.b+c@d-e.co.uk now, or to x@y.z. Zebra.\n"
    document = parse_document("e.txt", text)
    assert document.prose == "Write to                 now, or to      . Zebra.\n"
