"""Patterns that Python's parser accepts are compiled on first use (a cold start compiles
fewer regexes); a broken one is still reported when the rule loads, on its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.engine.loader import compile_rule
from newslint.kinds.base import RuleSpec
from newslint.plugins import get_plugins

KINDS = get_plugins().rule_kinds()


def load(data: dict, lines: dict[str, int]):
    return compile_rule(RuleSpec(id="Desk.Rule", path="rules/Desk/Rule.yml", data=data, lines=lines), KINDS)


def lint(rule, tmp_path: Path, text: str):
    linter = Linter(Config(root=tmp_path), Options(rules=[], sources=[]))
    linter.ruleset.rules = [rule]
    return linter.lint_text("d.md", text)


@pytest.mark.parametrize("data, key", [
    ({"extends": "existence", "message": "'%s'", "raw": ["(?<=harbour )master("]}, "raw"),
    ({"extends": "existence", "message": "'%s'", "raw": [r"\p{Nope}ferry"]}, "raw"),
    ({"extends": "existence", "message": "'%s'", "raw": ["ferry"], "append": True, "tokens": ["(unclosed"]}, "tokens"),
    ({"extends": "substitution", "message": "'%s' not '%s'", "swap": {"(ferr(y|ies)": "boat$1"}}, "swap"),
    ({"extends": "substitution", "message": "'%s' not '%s'", "swap": {r"\p{Nope}(ferry)": "$1"}}, "swap"),
])
def test_a_broken_pattern_is_reported_at_load_on_its_line(data: dict, key: str) -> None:
    rule, problems = load(data, {key: 5})
    assert rule is None
    assert [(p.path, p.line) for p in problems] == [("rules/Desk/Rule.yml", 5)]
    assert "compile" in problems[0].message


def test_a_raw_prefix_that_parses_matches_on_first_use(tmp_path: Path) -> None:
    data = {"extends": "existence", "message": "Avoid '%s'.", "raw": [r"(?<=harbour )"], "tokens": ["master", "pilot"]}
    rule, problems = load(data, {})
    assert problems == [] and rule is not None
    report = lint(rule, tmp_path, "The harbour master spoke. The master of the ship and the harbour pilot did not.\n")
    assert [(f.start, f.message) for f in report.findings] == [(12, "Avoid 'master'."), (65, "Avoid 'pilot'.")]


def test_a_swap_with_groups_fills_the_replacement_on_first_use(tmp_path: Path) -> None:
    data = {"extends": "substitution", "message": "Use '%s' instead of '%s'.", "ignorecase": True,
            "swap": {r"(\d+) per ?cent": "$1%", "towards": "toward"}}
    rule, problems = load(data, {})
    assert problems == [] and rule is not None
    report = lint(rule, tmp_path, "Fares rose 12 per cent, towards the cap, and 3 percent more in May.\n")
    assert [f.message for f in report.findings] == [
        "Use '12%' instead of '12 per cent'.", "Use 'toward' instead of 'towards'.", "Use '3%' instead of '3 percent'."]
    assert [f.fix.replacement for f in report.findings] == ["12%", "toward", "3%"]
