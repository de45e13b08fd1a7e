"""Property tests of fix mode, in process for speed: fixing is idempotent, changes nothing
outside the spans the rules flagged, and never raises on arbitrary text."""
from __future__ import annotations

import re
import tempfile
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newslint.engine.config import Config
from newslint.engine.files import InputError, decode
from newslint.engine.linter import Linter, Options
from newslint.fixes import fix_text, unified_diff

# Replacements that can never form a new match, so every edit is one of the first lint's.
SWAPS = {"towards": "toward", "e-mail": "email", "irregardless": "regardless", "web site": "website"}
RULE = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nswap:\n" + "".join(
    f"  {wrong}: {right}\n" for wrong, right in SWAPS.items())
QUOTED = textwrap.dedent("""\
    extends: substitution
    message: "Use '%s' instead of '%s'."
    inquotes: true
    swap:
      goverment: government
    """)


def _linter() -> Linter:
    folder = Path(tempfile.mkdtemp(prefix="newslint-fix-props-"))
    (folder / "Prop").mkdir()
    (folder / "Prop" / "Words.yml").write_text(RULE, encoding="utf-8")
    (folder / "Prop" / "Quoted.yml").write_text(QUOTED, encoding="utf-8")
    return Linter(Config(root=folder), Options(rules=[folder], select=["Prop"]))


LINTER = _linter()
# Pieces that matter to fixing: flagged words, Markdown structure, quotation marks, URLs,
# line endings, and words the rules do not know.
PIECES = [
    "towards", "e-mail", "irregardless", "web site", "goverment", "Towards", "toward", "email",
    " towards ", " e-mail ", " irregardless ", " web site ", " goverment ", "by e-mail.", " towards.",
    " ", " ", " ", "\n", "\r\n", "\n\n", "\r", "\t", ".", ",", "\u201c", "\u201d", '"', "'", "`",
    "```\n", "~~~\n", "    ", "# ", "> ", "- ", "1. ", "*", "_", "[", "](", ")", "<!-- ", " -->",
    "https://example.org/towards", "---\n", "title: ", "| ", "<b>", "\\", "caf\u00e9", "\u00a0",
    "the council", "said", "\ufeff", "\u2028", "\U0001f600",
]
drafts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)
names = st.sampled_from(["draft.md", "draft.txt", "draft.markdown", "notes"])
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(drafts, names)
def test_fixing_is_idempotent(text, name):
    once = fix_text(LINTER, name, text)
    again = fix_text(LINTER, name, once.text)
    assert again.text == once.text
    assert again.applied == []


@SETTINGS
@given(drafts, names)
def test_text_outside_the_flagged_spans_is_identical(text, name):
    report = LINTER.lint_text(name, text)
    spans = sorted((f.start, f.end, f.fix.replacement) for f in report.findings if f.fix)
    assume(all(a[1] <= b[0] for a, b in zip(spans, spans[1:])))
    # The fixed text is the original with each flagged span either kept or replaced by its fix.
    pattern, position = [], 0
    for start, end, replacement in spans:
        pattern.append(re.escape(text[position:start]))
        pattern.append(f"(?:{re.escape(text[start:end])}|{re.escape(replacement)})")
        position = end
    pattern.append(re.escape(text[position:]))
    fixed = fix_text(LINTER, name, text).text
    assert re.fullmatch("".join(pattern), fixed, re.DOTALL), (text, fixed)
    assert fixed.count("\r\n") == text.count("\r\n")
    assert fixed.endswith("\n") == text.endswith("\n")


@SETTINGS
@given(st.text(max_size=300), names)
def test_fixing_never_raises_on_arbitrary_text(text, name):
    result = fix_text(LINTER, name, text)
    assert result.settled
    unified_diff(name, text, result.text)


@SETTINGS
@given(drafts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_encoding_and_bom_round_trip(text, codec):
    data = text.encode(codec)
    try:
        decoded = decode(data, "draft.md")
    except InputError:
        assume(False)  # NUL bytes in UTF-8 read as binary: not a draft
    fixed = fix_text(LINTER, "draft.md", decoded.text).text
    written = decoded.bom + fixed.encode(decoded.encoding)
    assert written[:len(decoded.bom)] == data[:len(decoded.bom)]
    assert decode(written, "draft.md").text == fixed


# The shipped house style, on text built from its own rules' examples: whatever the fixes
# chain into, a second run finds nothing left to fix.
NEWSROOM = Linter(Config(), Options(select=["newsroom"]))
EXAMPLES = sorted({str(text) for rule in NEWSROOM.ruleset.rules
                   for text in ((rule.spec.data.get("examples") or {}).get("flag") or [])})
newsroom_drafts = st.lists(st.one_of(st.sampled_from(EXAMPLES), st.sampled_from(PIECES)), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(newsroom_drafts, names)
def test_fixing_with_the_newsroom_pack_is_idempotent(text, name):
    once = fix_text(NEWSROOM, name, text)
    assert once.settled, once.report.notes
    again = fix_text(NEWSROOM, name, once.text)
    assert again.applied == [] and again.text == once.text
