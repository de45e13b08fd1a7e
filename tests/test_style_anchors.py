"""Match anchors: a token that begins (after lookarounds and \\b) with a literal or a digit
class is tried only where that first item occurs. That must find exactly what searching every
position finds, on real text and on text written to trip it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.base import finditer
from newslint.kinds.vale import TokenPattern, analysis_tree, anchored_finditer, anchors, view_of

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "stories"
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(STORIES.glob("*/drafts/*.md")) \
    + sorted(STORIES.glob("*/sources/*")) + sorted(STORIES.glob("sourcing/*.*")) + [ROOT / "examples" / "draft.md"]
# Written to hit the anchored rules at span edges, inside quotes, in lists and next to markup.
TRICKY = """# president Ana Ruiz visits

Later, president Ana Ruiz and former governor Tom Hale met sen. Li Wei and lt. gov. Park.
The president Monday said 3 people, then 7, then 12 (about 5 %) were hurt at 9:00 AM or 4 pm.
"The president said 3 things," she said. Gov. Ruiz's 1990's plan cost $5 million dollars.

- mayor Jo Park, 5, said over 300 people came on January 5th; the '90s were long.
- He slammed the plan, blasted it and mulled over 2 hours. Five percent; five-year-old.

It was 4 percent.President Lee said so.3 apples **7** *president* `president` Kim.
"""


def style_texts() -> list[tuple[str, str]]:
    texts = [(str(path), path.read_text(encoding="utf-8")) for path in TEXTS if path.is_file()]
    texts.append(("tricky.md", TRICKY))
    examples = []
    for path in sorted((ROOT / "rules" / "newsroom").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind in ("flag", "pass"):
            examples.extend((data.get("examples") or {}).get(kind) or [])
    texts.append(("examples.md", "\n\n".join(examples) + "\n"))
    texts.append(("examples.txt", " ".join(examples) + "\n"))  # one block: no span narrowing
    return texts


def plain_find(view, chosen, subject, spans, raw):
    for start, end in spans:
        yield from finditer(chosen.pattern, subject, start, end)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(root=ROOT), Options(select=["newsroom"]))


def test_anchored_search_finds_what_searching_everywhere_finds(linter, monkeypatch):
    texts = style_texts()
    anchored = [[f.as_json() for f in linter.lint_text(path, text).findings] for path, text in texts]
    monkeypatch.setattr(TokenPattern, "find", staticmethod(plain_find))
    plain = [[f.as_json() for f in linter.lint_text(path, text).findings] for path, text in texts]
    for (path, _), left, right in zip(texts, anchored, plain):
        assert left == right, path
    found = {f["rule"] for findings in anchored for f in findings}
    # The anchored rules do find things here, so the comparison means something.
    assert {"newsroom.TitlesBeforeName", "newsroom.Numbers", "newsroom.Time", "newsroom.Percent"} <= found


def test_the_shipped_rules_that_open_with_lookbehinds_are_anchored(linter):
    rules = {rule.id: rule for rule, _ in linter.active_rules()}
    assert all(a is not None for a in rules["newsroom.TitlesBeforeName"].tokens.anchors)
    assert rules["newsroom.Numbers"].tokens.whole_anchors == frozenset({r"\b[1-9]"})


@pytest.mark.parametrize("pattern, ignorecase, expected", [
    (r"(?<!\bthe\s)president(?= \p{Lu})", False, {"president"}),
    (r"\bgov\.", True, {r"\b(?i:gov\.)"}),
    (r"(?:slams|slammed)(?!\s+door)", False, {"slam"}),
    (r"(?:January|Feb\.) \d", False, {"January", r"Feb\."}),
    (r"(?i:foo)bar", False, {"(?i:foo)"}),
    (r"\b(\d{1,2}):00", False, {r"\b[\d]"}),
    (r"(\$\d+)", False, {r"\$"}),
    (r"\p{Lu}\w+", False, None),  # a property: letters, everywhere
    (r"[aApP]\.m\.", False, None),  # letters are too common to anchor on
    (r"x?abc", False, None),  # an optional first item
    (r"e-?mail", False, None),  # a lone letter
    (r"(?:abc|\w+)", False, None),  # one alternative without an anchor
])
def test_anchors_are_the_possible_first_items(pattern, ignorecase, expected):
    found = anchors(analysis_tree(pattern), ignorecase)
    assert found == (None if expected is None else frozenset(expected))


def test_word_tokens_anchor_on_a_word_edge():
    tokens = TokenPattern(["one[- ]year[- ]old", "past history"], word=True, ignorecase=True)
    assert tokens.anchors == [frozenset({r"\b(?i:one)"}), frozenset({r"\b(?i:past\ history)"})]
    text = "Someone's one-year-old phone. ONE year old."
    view = view_of(parse_document("t.txt", text))
    assert view.anchor_starts((tokens.anchors[0],), False) == [10, 30]


def test_anchored_finditer_continues_after_each_match_as_finditer_does():
    import regex
    pattern = regex.compile(r"(?<!x)ab(?:ab)*|b", regex.VERSION0)
    text = "abab xab bab abba " * 3
    view = view_of(parse_document("t.txt", text))
    starts = view.anchor_starts((frozenset({"ab"}), frozenset({"b"})), False)
    for start, end in ((0, len(text)), (3, 20), (5, 6)):
        expected = [m.span() for m in finditer(pattern, text, start, end)]
        assert [m.span() for m in anchored_finditer(pattern, text, start, end, starts)] == expected
