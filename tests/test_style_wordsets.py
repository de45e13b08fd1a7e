"""A rule of plain-text tokens is skipped in a document that lacks some word of each of its
tokens (TokenPattern.may_match): exact, on real text. Phrases are taken from the drafts
themselves (so many match), then misspelt in one word (the rule's filed word is then often
present while the phrase is not); findings with the skip equal those of the full search."""
from __future__ import annotations

import random
from pathlib import Path

import regex
from test_style_literals import FERRY, rule

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.vale import view_of
from newslint.plugins import get_plugins

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    stories = sorted((ROOT / "tests" / "stories").glob("*/*.md")) + sorted((ROOT / "tests" / "eval").glob("*/*.md"))
    found = [FERRY, (ROOT / "examples" / "draft.md").read_text(encoding="utf-8"),
             *(p.read_text(encoding="utf-8") for p in stories[:12]),
             "The \u017ftate budget and the \u212aiosk state budget.\n"]  # letters that fold to ASCII
    assert len(found) > 8
    return found


def phrases(documents: list[str]) -> list[str]:
    """Two- and three-word phrases of the texts, whole and with one word misspelt."""
    rng = random.Random(8)
    words = [w for text in documents for w in regex.findall(r"[A-Za-z]+", text)]
    found = []
    for _ in range(60):
        at = rng.randrange(len(words) - 3)
        phrase = words[at:at + rng.choice((2, 3))]
        found.append(" ".join(phrase))
        slip = list(phrase)
        slip[-1] = slip[-1][:-1] + "q" if len(slip[-1]) > 2 else slip[-1] + "q"
        found.append(" ".join(slip))
    return found + ["state budget", "kiosk state"]


def rules(found: list[str]) -> list[dict]:
    made = []
    for index in range(0, len(found), 3):
        tokens = found[index:index + 3]
        made.append({"extends": "existence", "message": "'%s'", "ignorecase": bool(index % 2), "tokens": tokens})
        made.append({"extends": "substitution", "message": "'%s' not '%s'", "ignorecase": not index % 2,
                     "swap": {token: token.upper() for token in tokens}})
    return made


def test_a_rule_skipped_for_a_missing_word_has_no_match_there() -> None:
    documents = texts()
    parsers = get_plugins().parsers()
    skipped = kept = 0
    for data in rules(phrases(documents)):
        compiled = rule(data)
        assert compiled.tokens.word_sets is not None
        for text in documents:
            view = view_of(parse_document("d.md", text, parsers))
            pattern = compiled.tokens.pattern  # the rule's whole regex, over the prose
            if compiled.tokens.may_match(view):
                kept += 1
            else:
                assert pattern.search(view.document.prose) is None
                skipped += 1
    assert skipped > 100 and kept > 50


def test_findings_with_the_skip_equal_the_full_search(tmp_path: Path, monkeypatch) -> None:
    documents = texts()
    linter = Linter(Config(root=tmp_path), Options(rules=[], sources=[]))
    linter.ruleset.rules = [rule(data) for data in rules(phrases(documents))]
    fast = [f.as_json() for text in documents for f in linter.lint_text("d.md", text).findings]
    for compiled in linter.ruleset.rules:
        monkeypatch.setattr(compiled.tokens, "word_sets", None)
    slow = [f.as_json() for text in documents for f in linter.lint_text("d.md", text).findings]
    assert fast == slow and len(fast) > 30


def test_a_letter_that_folds_to_ascii_keeps_an_ignorecase_rule() -> None:
    compiled = rule({"extends": "existence", "message": "'%s'", "ignorecase": True, "tokens": ["state budget"]})
    view = view_of(parse_document("d.md", "The \u017ftate budget passed.\n", get_plugins().parsers()))
    assert "state" not in view.words and compiled.tokens.may_match(view)
    assert [m.group() for m in compiled.matches(view, compiled.prepare(view))] == ["\u017ftate budget"]
