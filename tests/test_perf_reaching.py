"""Runs.reaching: the places a phrase that ends at a listed word can begin. The pronoun check's
search for described people ("a resident", "his longtime partner"), tried only there, finds
what the scan of every position finds, on real text (every story's drafts and sources, the
seeds, the example draft, bench drafts) and on sentences built at the edges of its reach; so
do the pronouns, tried only at the runs of their first words."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.document import parse_document
from newslint.document.runs import Runs, matches_at
from newslint.engine.config import find_config
from newslint.engine.linter import Linter, Options

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def pronouns_rule():
    linter = Linter(find_config(ROOT), Options(select=["facts.Pronouns"]))
    return next(rule for rule, _ in linter.active_rules() if rule.id == "facts.Pronouns")


@lru_cache(maxsize=1)
def documents():
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md", *sorted((ROOT / "bench" / "out" / "drafts_50").glob("*.md"))[:20]})
    return [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths]


def described(document, fast: bool) -> list[tuple[int, int, str]]:
    rule = pronouns_rule()
    pattern = rule.nouns
    if fast:
        runs = Runs.of(document)
        at = runs.reaching(rule.noun_runs, 2, 0, len(runs.starts))
        found = matches_at(pattern.compiled, document.prose, at, 0, len(document.prose))
    else:
        found = pattern.finditer(document.prose)
    return [(m.start(), m.end(), m.group()) for m in found]


def test_the_shipped_nouns_have_runs():
    assert pronouns_rule().noun_runs is not None  # else the check scans every position


def test_described_people_equal_the_scan_on_real_text():
    total = 0
    for document in documents():
        slow = described(document, fast=False)
        assert described(document, fast=True) == slow, document.path
        total += len(slow)
    assert total >= 50


def test_described_people_at_the_edges_of_the_reach():
    text = ("A resident said so. The long-time resident agreed. His wife, a nurse, left. "
            "One more \t resident came; a - resident? That well-known local resident stayed. "
            "An official's aide spoke. THE RESIDENT left. the residents' union met. "
            "A very old local resident did not.\n")
    document = parse_document("edge.md", text)
    slow = described(document, fast=False)
    assert described(document, fast=True) == slow
    assert len(slow) >= 6


def test_reaching_counts_white_space_and_stops_at_other_marks():
    document = parse_document("reach.md", "x, one two-three four five. (six) seven\n")
    runs = Runs.of(document)
    text_at = dict(zip(runs.starts, runs.texts))

    def reaching(word: str, gaps: int) -> set[str]:
        return {text_at[a] for a in runs.reaching(frozenset({word}), gaps, 0, len(runs.starts))}

    # "five" itself, "four" (one gap), "two" and "three" (two gaps: a hyphen is none); "one"
    # is three gaps back; the comma stops the walk whatever the reach.
    assert reaching("five", 2) == {"five", "four", "three", "two"}
    assert reaching("five", 3) == {"five", "four", "three", "two", "one"}
    assert reaching("five", 9) == {"five", "four", "three", "two", "one"}
    assert reaching("seven", 5) == {"seven"}  # ") " is not white space alone
    assert reaching("six", 5) == {"six"}  # "(" neither


def test_pronouns_found_at_their_runs_equal_the_scan():
    rule = pronouns_rule()
    assert rule.pronoun_runs is not None
    total = 0
    for document in documents():
        slow = [m.span() for m in rule.pattern.finditer(document.prose)]
        at = Runs.of(document).starts_of(rule.pronoun_runs)
        assert [m.span() for m in matches_at(rule.pattern, document.prose, at, 0, len(document.prose))] == slow
        total += len(slow)
    assert total >= 100
