"""Rules whose tokens are plain words are searched through the document's word index
(vale.Literals) instead of their regex: the matches must be exactly the regex's, on real text."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.engine.loader import compile_rule
from newslint.kinds.base import RuleSpec
from newslint.kinds.vale import LiteralMatch, view_of
from newslint.plugins import get_plugins

KINDS = get_plugins().rule_kinds()
ROOT = Path(__file__).resolve().parent.parent

# A second story, written for these tests, with words split across markup, a heading, a
# list, a quotation and words that contain the tokens.
FERRY = """---
title: Ferry service cut
---
# Ferry Service Cut on the North Shore

The harbour authority said on Monday that the ferry service to Pike Island will be cut
to two crossings a day, a change the council called long overdue. Ferrymen said the
*ferry* schedule was "long overdue for a rethink" and that the Ferry-boat fleet is old.

- The long  overdue repairs start in May.
- FERRY tickets rise to $4; the ferries' new timetable is posted.

Long Overdue, long overdue: the council's ferry_plan was voted down 5-2.
"""


def rule(data: dict):
    compiled, problems = compile_rule(RuleSpec(id="Desk.Rule", path="rules/Desk/Rule.yml", data=data), KINDS)
    assert compiled is not None, problems
    return compiled


def texts() -> list[str]:
    drafts = sorted((ROOT / "bench" / "out" / "drafts_50").glob("*.md"))[:10]
    return [FERRY, (ROOT / "examples" / "draft.md").read_text(encoding="utf-8"),
            *(d.read_text(encoding="utf-8") for d in drafts)]


def by_regex(compiled, view) -> list[tuple[int, int, int]]:
    """The matches through the regex, as the rule searched before the word index."""
    chosen = compiled.tokens.for_document(view, literal=False)
    if chosen is None:
        return []
    return [where(compiled, match, chosen) for match in compiled.find_with_regex(view, chosen)]


def where(compiled, match, chosen) -> tuple:
    """What the rule takes from a match: the token and its span (substitution), the span."""
    if compiled.tokens.capture:
        return compiled.tokens.token_of(match, chosen.indexes)
    return match.start(), match.end(), match.group()


RULES = [
    {"extends": "existence", "message": "'%s'", "tokens": ["ferry", "long overdue", "long"]},
    {"extends": "existence", "message": "'%s'", "ignorecase": True, "tokens": ["long", "ferry", "long overdue", "council"]},
    {"extends": "existence", "message": "'%s'", "ignorecase": True, "tokens": ["ferry"], "scope": "heading"},
    {"extends": "existence", "message": "'%s'", "tokens": ["said", "the"], "scope": "list"},
    {"extends": "substitution", "message": "'%s' not '%s'", "ignorecase": True,
     "swap": {"ferry boat": "ferryboat", "ferry": "boat", "long overdue": "late", "Monday": "monday"}},
    {"extends": "substitution", "message": "'%s' not '%s'", "swap": {"President": "president", "said": "says", "the": "a"}},
]


@pytest.mark.parametrize("data", RULES)
def test_the_word_index_finds_what_the_regex_finds(data: dict) -> None:
    compiled = rule(data)
    assert compiled.tokens.literals is not None
    parsers = get_plugins().parsers()
    compared = 0
    for text in texts():
        view = view_of(parse_document("d.md", text, parsers))
        chosen = compiled.tokens.for_document(view)
        expected = by_regex(compiled, view)
        if chosen is None:
            assert expected == []
            continue
        found = [where(compiled, m, chosen) for m in compiled.matches(view, chosen)]
        assert found == expected
        compared += len(found)
    assert compared > 0


def test_literal_rules_report_the_same_findings_as_their_regex(tmp_path: Path, monkeypatch) -> None:
    linter = Linter(Config(root=tmp_path), Options(rules=[], sources=[]))
    linter.ruleset.rules = [rule(data) for data in RULES]
    fast = [f.as_json() for text in texts() for f in linter.lint_text("d.md", text).findings]
    for compiled in linter.ruleset.rules:
        monkeypatch.setattr(compiled.tokens, "literals", None)  # the regex path
    slow = [f.as_json() for text in texts() for f in linter.lint_text("d.md", text).findings]
    assert fast == slow and len(fast) > 20


def test_a_letter_that_folds_to_ascii_sends_the_rule_to_its_regex() -> None:
    # KELVIN SIGN matches 'k' when ignoring case; the word index keys words by str.lower.
    compiled = rule({"extends": "existence", "message": "'%s'", "ignorecase": True, "tokens": ["kiosk"]})
    view = view_of(parse_document("d.md", "The \u212aiosk by the kiosk closed.\n", get_plugins().parsers()))
    chosen = compiled.tokens.for_document(view)
    matches = list(compiled.matches(view, chosen))
    assert [m.group() for m in matches] == ["\u212aiosk", "kiosk"]
    assert not any(isinstance(m, LiteralMatch) for m in matches)


@pytest.mark.parametrize("tokens", [["ferr(y|ies)"], ["ferry."], ["-ferry"], ["caf\u00e9"], ["ferry", "boat\\w*"]])
def test_tokens_that_are_not_plain_words_keep_their_regex(tokens: list[str]) -> None:
    assert rule({"extends": "existence", "message": "'%s'", "tokens": tokens}).tokens.literals is None


def test_the_regex_of_the_literal_rules_is_the_same_as_before() -> None:
    compiled = rule({"extends": "existence", "message": "'%s'", "ignorecase": True, "tokens": ["long overdue"]})
    assert compiled.tokens.pattern.pattern == r"\b(?:long overdue)\b"
    assert compiled.tokens.pattern.flags & regex.IGNORECASE
