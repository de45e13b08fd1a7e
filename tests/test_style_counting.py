"""Occurrence counts matches with findall and repetition rules out spans by comparing
consecutive strings first: both must agree with the match-by-match definitions on real text."""
from __future__ import annotations

from pathlib import Path

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.base import finditer
from newslint.kinds.repetition import Repetition
from newslint.kinds.vale import view_of

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "stories"
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(STORIES.glob("*/drafts/*.md")) + [ROOT / "examples" / "draft.md"]
EXTRA = "The the mayor said that that was was fine. Had had enough?\n\nIt is is, IS it? 1 1 2 2 **the** the\n"

RULES = {
    "Words.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 12\ntoken: '\\b\\w+\\b'\n",
    "Grouped.yml": "extends: occurrence\nmessage: '%s'\nscope: paragraph\nmax: 3\ntoken: '(th)e\\b'\n",
    "Few.yml": "extends: occurrence\nmessage: '%s'\nmin: 40\ntoken: '\\s?'\n",  # blank matches do not count
    "Twice.yml": "extends: repetition\nmessage: '%s'\ntokens: ['[^\\s]+']\n",
    "TwiceGrouped.yml": "extends: repetition\nmessage: '%s'\nignorecase: true\ntokens: ['(\\w)\\w*']\n",
}


def texts() -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in TEXTS] + [("extra.md", EXTRA)]


def linter(tmp_path: Path) -> Linter:
    pack = tmp_path / "Count"
    pack.mkdir()
    for name, body in RULES.items():
        (pack / name).write_text(body, encoding="utf-8")
    return Linter(Config(root=ROOT), Options(rules=[tmp_path], select=["Count", "newsroom.SentenceLength", "newsroom.RepeatedWords"]))


def test_occurrence_count_is_the_number_of_non_blank_matches(tmp_path):
    rules = [rule for rule, _ in linter(tmp_path).active_rules() if rule.extends == "occurrence"]
    checked = 0
    for path, text in texts():
        view = view_of(parse_document(path, text))
        for rule in rules:
            for start, end in rule.spans(view):
                slow = len([m for m in finditer(rule.pattern, view.document.prose, start, end) if m.group().strip()])
                assert rule.count(view.document.prose, start, end) == slow, (rule.id, path, start)
                checked += slow
    assert checked > 1000


def test_repetition_finds_the_same_without_the_shortcut(tmp_path, monkeypatch):
    lint = linter(tmp_path)
    fast = [[f.as_json() for f in lint.lint_text(path, text).findings] for path, text in texts()]
    monkeypatch.setattr(Repetition, "may_repeat", lambda self, prose, start, end: True)
    slow = [[f.as_json() for f in lint.lint_text(path, text).findings] for path, text in texts()]
    assert fast == slow
    rules = {f["rule"] for findings in fast for f in findings}
    assert {"Count.Twice", "Count.TwiceGrouped", "newsroom.RepeatedWords", "Count.Words", "Count.Grouped"} <= rules
