"""facts.Figures on drafts against the seeds and the courtcase story."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COURT = ROOT / "tests" / "stories" / "courtcase"


@pytest.fixture(scope="module")
def lint():
    linters = {}

    def run(text: str, sources: Path):
        if sources not in linters:
            linters[sources] = Linter(Config(), Options(sources=[sources], select=["facts.Figures"]))
        return linters[sources].lint_text("draft.md", text).findings

    return run


def flagged(findings, text):
    return [(text[f.start:f.end], f.fix.replacement if f.fix else None) for f in findings]


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("Tension rose near the end of a 30-minute phone call between the two leaders on April 16.", "30", "45"),
    ("Trump and Sheinbaum first discussed the troop proposal on April 18, according to the newspaper.", "April 18", "April 16"),
    ("Mexican officials said the country would not consent to a U.S. military presence because of a "
     "history that includes three invasions since 1846.", "three", "two"),
    ("Trump designated several Mexican cartels as foreign terrorist organizations in March.", "March", "February"),
])
def test_seed_figures_that_contradict_the_sources(lint, text, wrong, right):
    findings = lint(text + "\n", SEEDS)
    assert flagged(findings, text) == [(wrong, right)]
    finding = findings[0]
    assert finding.category == "figure" and finding.severity == "error"
    assert f"the sources give {right}" in finding.message
    assert finding.evidence and all(e.source.startswith(str(SEEDS)) and e.line >= 1 for e in finding.evidence)
    assert all(right.split()[0].casefold() in e.text.casefold() for e in finding.evidence)


@pytest.mark.parametrize("text", [
    # the same figures as the sources
    "During a 45-minute phone call with Sheinbaum on April 16, Trump pressed for a military role.",
    "Mexican officials cited two invasions since 1846.",
    "Sheinbaum said weapons trafficking had contributed to more than 450,000 deaths in Mexico over nearly two decades.",
    # figures the sources do not have: the sourcing rules' business
    "Fentanyl trafficked through Mexico kills more than 70,000 Americans every year.",
    "Trump and Sheinbaum will meet again on June 3.",
    # a figure inside a quotation is the speaker's
    '"We had a 30-minute call on April 16," Trump said.',
])
def test_seed_figures_that_agree_or_are_unknown_pass(lint, text):
    assert flagged(lint(text + "\n", SEEDS), text) == []


def test_courtcase_bad_draft(lint):
    text = (COURT / "drafts/bad.md").read_text(encoding="utf-8")
    found = flagged(lint(text, COURT / "sources"), text)
    assert found == [("March 15", "March 14"), ("12", "14"), ("four", "six"), ("seven", "three")]


def test_courtcase_good_draft_is_clean(lint):
    text = (COURT / "drafts/good.md").read_text(encoding="utf-8")
    assert flagged(lint(text, COURT / "sources"), text) == []


def test_disputed_figure_says_the_sources_disagree_and_gives_no_fix(lint):
    text = "Webb moved $3.1 million from the city's pension reserve, the audit found.\n"
    [finding] = lint(text, COURT / "sources")
    assert text[finding.start:finding.end] == "3.1"
    assert "the sources disagree" in finding.message and finding.fix is None


def test_either_side_of_a_disputed_figure_passes(lint):
    for amount in ("$2.4 million", "$2.6 million"):
        text = f"Webb moved {amount} from the city's pension reserve, the audit found.\n"
        assert lint(text, COURT / "sources") == []


@pytest.mark.parametrize(("kind", "data", "key"), [
    ("figures", {"kinds": ["count", "weight"]}, "kinds"),
    ("figures", {"min_shared": {"count": "two"}}, "min_shared"),
    ("figures", {"synonyms": ["call"]}, "synonyms"),
    ("quotes", {"min_words": "four"}, "min_words"),
    ("quotes", {"similarity": 1.5}, "similarity"),
    ("quotes", {"absent_level": "loud"}, "absent_level"),
    ("attribution", {"min_words": 0}, "min_words"),
])
def test_bad_rule_keys_are_reported_with_the_key(kind, data, key):
    from newslint.kinds.base import RuleError, RuleSpec
    from newslint.plugins import get_plugins

    rule_class = get_plugins().rule_kinds()[kind]
    with pytest.raises(RuleError) as raised:
        rule_class(RuleSpec("facts.Test", "Test.yml", {"extends": kind, **data}))
    assert raised.value.key == key


def test_each_clause_keeps_its_own_figures(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src/a.md").write_text(
        "Superintendent Carla Mendes said the district would hire 14 new teachers to reduce class sizes.\n\n"
        "The district closed two elementary schools in 2021.\n\n"
        "The board will hold a public hearing on the capital plan in June.\n", encoding="utf-8")
    linter = Linter(Config(), Options(sources=[tmp_path / "src"], select=["facts.Figures"]))
    text = ("The district closed three elementary schools in 2021 and opened one in 2023.\n\n"
            "The district employs 310 teachers, and class sizes average 24 students.\n\n"
            "The board will hold a public hearing on the capital plan in July.\n")
    found = flagged(linter.lint_text("draft.md", text).findings, text)
    assert found == [("three", "two"), ("July", "June")]


def test_a_vote_tally_that_contradicts_the_sources(tmp_path):
    (tmp_path / "a.md").write_text("The Riverton City Council voted 7-2 on Tuesday night to approve a light-rail line.\n",
                                   encoding="utf-8")
    linter = Linter(Config(), Options(sources=[tmp_path / "a.md"], select=["facts.Figures"]))
    text = "The council voted 6-3 on Tuesday night to approve the light-rail line.\n\nIt passed in a 7-2 vote.\n"
    assert flagged(linter.lint_text("draft.md", text).findings, text) == [("6-3", "7-2")]
