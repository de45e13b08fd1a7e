"""Property-based robustness (Hypothesis), in process with the shipped rules: over arbitrary
Unicode text and generated Markdown (headings, lists, blockquotes, code fences, tables, HTML,
quotation marks, links, front matter, CRLF), parsing and linting return; the prose view keeps
every offset; every finding lies inside the text, on the line and columns it reports (1-based,
end exclusive, in code points); and every output format writes, JSON as DESIGN.md specifies."""
from __future__ import annotations

import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.findings import CATEGORIES, SEVERITIES
from newslint.formats.base import FormatContext
from newslint.plugins import get_plugins

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXAMPLES = 300
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.sampled_from(["draft.md", "draft.txt", "draft.markdown", "draft"])

STYLE = Linter(Config(root=ROOT), Options(sources=[]))
FACTS = Linter(Config(root=ROOT), Options(sources=[SEEDS]))
FORMATS = get_plugins().formats()

# -- strategies ----------------------------------------------------------------------------------
# Words that make the shipped rules fire (style, sourcing, and facts against the seeds), words
# of a second story, and characters that are hard on offsets.
WORDS = [
    "the", "council", "voted", "on", "Tuesday", "said", "Mayor", "Ana", "Ruiz", "very", "unique",
    "experts", "say", "critics", "believe", "12%", "percent", "7-2", "$4.5", "million", "1,204",
    "President", "Claudia", "Sheinbaum", "Sheibaum", "Gloria", "former", "Donald", "Trump", "he",
    "she", "added", "U.S.", "Mexico", "cartels", "45-minute", "April", "16", "amid", "utilize",
    "caf\u00e9", "na\u00efve", "\U0001F600", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u00a0", "\u200b",
    "\ufeff", "\u2028", "x\u0000y", "&amp;", "\\*", "https://example.org/a_b", "a@b.org", "<b>",
]
PUNCT = [".", ",", "?", "!", ":", ";", "\u2014", "\u2026", "'s", "\"", "\u201c", "\u201d", "\u2018", "\u2019",
         "\u00ab", "\u00bb", "(", ")"]


def _words(draw, low: int = 1, high: int = 12) -> str:
    known = st.sampled_from(WORDS)  # drawn more often than random text, so that rules fire
    parts = draw(st.lists(st.one_of(known, known, st.sampled_from(PUNCT), st.text(max_size=5)),
                          min_size=low, max_size=high))
    return " ".join(parts)


@st.composite
def inline(draw) -> str:
    text = _words(draw)
    decoration = draw(st.sampled_from(["", "quote", "curly", "link", "code", "emphasis", "strong", "image", "auto"]))
    inner = _words(draw, 1, 4)
    extra = {
        "": "",
        "quote": f" \"{inner},\" she said",
        "curly": f" \u201c{inner} \u2018{inner}\u2019\u201d",
        "link": f" [{inner}](https://example.org/{draw(st.integers(0, 99))})",
        "code": f" `{inner}`",
        "emphasis": f" *{inner}*",
        "strong": f" __{inner}__",
        "image": f" ![{inner}](i.png)",
        "auto": " <https://example.org/x>",
    }[decoration]
    return text + extra


@st.composite
def block(draw, depth: int = 0) -> list[str]:
    """A Markdown block as lines (without line endings)."""
    kind = draw(st.sampled_from(["paragraph", "heading", "list", "ordered", "quote", "fence", "table", "html",
                                 "rule", "setext", "indented"] if depth < 3 else ["paragraph", "heading"]))
    if kind == "paragraph":
        return [draw(inline()) for _ in range(draw(st.integers(1, 3)))]
    if kind == "heading":
        return ["#" * draw(st.integers(1, 6)) + " " + draw(inline())]
    if kind == "setext":
        return [draw(inline()), draw(st.sampled_from(["===", "---"]))]
    if kind in ("list", "ordered"):
        lines = []
        for number in range(draw(st.integers(1, 3))):
            marker = "- " if kind == "list" else f"{number + 1}. "
            inner = draw(block(depth + 1))
            lines.append(marker + inner[0])
            lines += [" " * len(marker) + line if line else "" for line in inner[1:]]
        return lines
    if kind == "quote":
        return ["> " + line if line else ">" for line in draw(block(depth + 1))]
    if kind == "fence":
        return ["```" + draw(st.sampled_from(["", "python", "html"])), draw(inline()), "```"]
    if kind == "indented":
        return ["    " + draw(inline())]
    if kind == "table":
        columns = draw(st.integers(1, 3))
        rows = [[draw(inline()).replace("|", "\\|") for _ in range(columns)] for _ in range(draw(st.integers(1, 3)))]
        return ["| " + " | ".join(row) + " |" for row in rows[:1]] + ["|" + "---|" * columns] + \
               ["| " + " | ".join(row) + " |" for row in rows[1:]]
    if kind == "html":
        return [f"<div class=\"x\">{draw(inline())}</div>", f"<!-- {draw(inline())} -->"]
    return [draw(st.sampled_from(["---", "***", "* * *"]))]


@st.composite
def front_matter(draw) -> list[str]:
    opening = draw(st.sampled_from(["", '"', "'"]))
    lines = ["---", "title: " + opening + _words(draw, 1, 6).replace(":", " ")]
    lines += draw(st.lists(st.sampled_from([
        "date: 2025-04-16", "date: 2024-13-45", "sources: [a.txt]", "sources: 5", "newslint: {ignore: [newsroom]}",
        "newslint: [x]", "tags: [a, b", "description: >", "  folded text", "- list item", "dek: \"A dek\"",
    ]), max_size=3))
    return lines + ["---"]


@st.composite
def markdown(draw) -> str:
    lines = draw(front_matter()) if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 6))):
        lines += draw(block())
        lines.append("")
    ending = draw(st.sampled_from(["lf", "crlf", "mixed"]))
    if ending == "lf":
        return "\n".join(lines)
    if ending == "crlf":
        return "\r\n".join(lines)
    endings = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines)))
    return "".join(line + end for line, end in zip(lines, endings))


unicode_text = st.text(max_size=400)
mixed_text = st.lists(st.one_of(st.sampled_from(WORDS + PUNCT + ["\n", "\r\n", "\n\n", "# ", "> ", "- "]),
                                st.text(max_size=4)), max_size=60).map(" ".join)

# -- checks --------------------------------------------------------------------------------------


def check_document(text: str, document) -> None:
    assert document.text == text
    assert len(document.prose) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(document.prose) if c == "\n"]
    for item in [*document.blocks, *document.sentences, *document.quotes]:
        assert 0 <= item.start <= item.end <= len(text)
    for quote in document.quotes:
        for start, end in quote.parts:
            assert quote.start <= start <= end <= quote.end
    for sentence in document.sentences:
        assert 0 <= sentence.block < len(document.blocks)


def offset_of(lines: list[str], line: int, column: int) -> int:
    """The offset of a 1-based line and column, computed from the text alone."""
    assert 1 <= line <= len(lines)
    assert 1 <= column <= len(lines[line - 1]) + 1
    return sum(len(part) + 1 for part in lines[: line - 1]) + column - 1


def check_findings(text: str, report) -> None:
    assert report.error is None
    lines = text.split("\n")
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.text == text[finding.start:finding.end]
        assert offset_of(lines, finding.line, finding.column) == finding.start
        assert offset_of(lines, finding.end_line, finding.end_column) == finding.end
        assert finding.category in CATEGORIES
        assert finding.severity in SEVERITIES
        assert finding.message
    for note in report.notes:  # a rule that failed on this text is a bug in that rule
        assert "failed" not in note, note


JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message",
             "text", "fix", "evidence"}


def check_outputs(text: str, report) -> None:
    stream = io.StringIO()
    FORMATS["json"]([report], stream, FormatContext(rules=STYLE.ruleset.rules))
    items = json.loads(stream.getvalue())
    assert isinstance(items, list) and len(items) == len(report.findings)
    lines = text.split("\n")
    for item in items:
        assert set(item) == JSON_KEYS
        assert item["path"] == report.path
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(item[key], int) and item[key] >= 1
        assert item["category"] in CATEGORIES and item["severity"] in SEVERITIES
        assert isinstance(item["message"], str) and isinstance(item["rule"], str)
        start = offset_of(lines, item["line"], item["column"])
        end = offset_of(lines, item["end_line"], item["end_column"])
        assert text[start:end] == item["text"]
        assert item["fix"] is None or (set(item["fix"]) == {"replacement"} and isinstance(item["fix"]["replacement"], str))
        for evidence in item["evidence"]:
            assert set(evidence) == {"source", "line", "text"} and isinstance(evidence["line"], int)
    for name, writer in FORMATS.items():  # every format writes the same report without failing
        writer([report], io.StringIO(), FormatContext(rules=STYLE.ruleset.rules))


# -- properties ----------------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(unicode_text, mixed_text, markdown()), NAMES)
def test_parse_keeps_every_offset(text: str, name: str) -> None:
    check_document(text, parse_document(name, text))


@SETTINGS
@given(st.one_of(unicode_text, mixed_text), NAMES)
def test_lint_arbitrary_text(text: str, name: str) -> None:
    report = STYLE.lint_text(name, text)
    check_document(text, report.document)
    check_findings(text, report)
    check_outputs(text, report)


@SETTINGS
@given(markdown(), st.sampled_from(["draft.md", "draft.txt"]))
def test_lint_generated_markdown(text: str, name: str) -> None:
    report = STYLE.lint_text(name, text)
    check_document(text, report.document)
    check_findings(text, report)
    check_outputs(text, report)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(markdown(), mixed_text), st.sampled_from(["draft.md", "draft.txt"]))
def test_lint_against_the_seeds(text: str, name: str) -> None:
    report = FACTS.lint_text(name, text)
    check_findings(text, report)
    check_outputs(text, report)
    for finding in report.findings:
        for evidence in finding.evidence:
            assert Path(evidence.source).is_file() or evidence.source.endswith((".yaml", ".yml"))
