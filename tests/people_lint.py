"""Shared by the name, title and pronoun check tests: lint a text against a source set."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORY = ROOT / "tests" / "stories" / "council"
DEV = ROOT.parent / "shared" / "eval" / "dev"


@lru_cache(maxsize=None)
def linter(rule: str, sources: tuple[Path, ...]) -> Linter:
    return Linter(Config(root=ROOT), Options(sources=list(sources), select=[rule]))


def lint(rule: str, text: str, sources=(SEEDS,), name: str = "draft.md"):
    """The findings of one rule on `text`, as (category, flagged text, message, finding)."""
    report = linter(rule, tuple(sources)).lint_text(name, text)
    assert not [n for n in report.notes if "failed" in n], report.notes
    return report.findings


def findings(rule: str, text: str, sources) -> list[tuple[str, str]]:
    """The (category, flagged text) of one rule's findings on `text`."""
    return [(f.category, f.text) for f in lint(rule, text, sources)]


def write_sources(tmp_path: Path, *articles: str, folder: str = "sources", suffix: str = ".txt") -> tuple[Path, ...]:
    """A source set of invented articles, one file each, in `tmp_path / folder`."""
    folder = tmp_path / folder
    folder.mkdir()
    for number, article in enumerate(articles):
        (folder / f"{number:02}{suffix}").write_text(article)
    return (folder,)


def flagged(findings) -> list[str]:
    return [f.text for f in findings]


@lru_cache(maxsize=None)
def registry_of(sources: tuple[Path, ...]):
    """The registry built from a source set (once per set: tests only read it)."""
    plugins = get_plugins()
    return build_registry(read_sources(list(sources), plugins.parsers()), plugins.fact_extractors())
