"""The analysis of a style rule's tokens by Python's parser (the prefilter's words, the
literal texts, the anchors) is kept between runs (vale.kept_analysis): a second run parses no
token pattern again and gets what a fresh analysis gives, for every shipped rule; a broken pattern is still
reported at load with its file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine.loader import builtin_rules_dir, load_rules
from newslint.kinds import vale
from newslint.kinds.vale import TokenPattern
from newslint.plugins import get_plugins

from conftest import write_files

KINDS = get_plugins().rule_kinds()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the signing key's folder
    vale._ANALYSES.clear()
    yield folder
    vale._ANALYSES.clear()


def next_run() -> None:
    """What a new process sees: this one's analyses written, nothing in memory."""
    vale.save_analyses()
    vale._ANALYSES.clear()


def token_patterns(ruleset) -> list[TokenPattern]:
    found = [getattr(rule, "tokens", None) for rule in ruleset.rules]
    return [pattern for pattern in found if isinstance(pattern, TokenPattern)]


def state(pattern: TokenPattern) -> tuple:
    literals = None if pattern.literals is None else pattern.literals.texts
    # by_substring's order is a set's (it differs between processes too) and does not matter
    return (pattern.source, pattern._pattern is not None, pattern.by_word, sorted(pattern.by_substring), pattern.always,
            literals, pattern.gate_words, pattern._analyse_anchors())


def test_a_second_run_analyses_no_token_pattern_and_gets_a_fresh_analysis(cache_dir, monkeypatch) -> None:
    first = token_patterns(load_rules([builtin_rules_dir()], KINDS))
    assert len(first) > 20
    before = [state(pattern) for pattern in first]  # anchors too, worked out now
    fresh = [(p._analyse(), p._find_anchors()) for p in first]
    next_run()

    def analysed(self):
        raise AssertionError(f"analysed again: {self.source[:60]!r}")

    monkeypatch.setattr(TokenPattern, "_analyse", analysed)
    monkeypatch.setattr(TokenPattern, "_find_anchors", analysed)
    again = token_patterns(load_rules([builtin_rules_dir()], KINDS))
    assert [state(pattern) for pattern in again] == before
    monkeypatch.undo()
    assert [(p._analyse(), p._find_anchors()) for p in again] == fresh


def test_a_broken_token_is_reported_in_every_run(tmp_path: Path, cache_dir) -> None:
    rules = write_files(tmp_path / "styles", {
        "T/Broken.yml": "extends: existence\nmessage: x\nlevel: warning\ntokens:\n  - '(unclosed'\n",
        "T/Raw.yml": "extends: existence\nmessage: x\nraw:\n  - '(?<=harbour )master('\ntokens: [a]\n",
    })
    for _ in range(2):
        ruleset = load_rules([rules], KINDS)
        problems = sorted((Path(p.path).name, p.line, "does not compile" in p.message) for p in ruleset.problems)
        assert problems == [("Broken.yml", 4, True), ("Raw.yml", 5, True)]
        assert ruleset.rules == []
        next_run()
