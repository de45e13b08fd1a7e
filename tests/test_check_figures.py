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
    # no person named, but dated to the same day as the sources' call: the same event
    ("The exchange took place during a 30-minute phone call on April 16, according to people familiar "
     "with the talks.", "30", "45"),
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
    # another day, no person: too little says it is the same call
    "The exchange took place during a 30-minute phone call on June 3.",
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


# -- the museum story: figures keyed by who and when, bounds, count words -------------------
MUSEUM = ROOT / "tests" / "stories" / "museum" / "sources"


@pytest.mark.parametrize(("text", "wrong", "right"), [
    # another person's figure: Marsh organised 14, her deputy six
    ("Lena Marsh has organised six exhibitions since joining the museum.", "six", "14"),
    ("Tom Reyes has organised 14 exhibitions since joining the museum.", "14", "six"),
    # a past event's month and year
    ("In March 2018, the museum bought 40 prints from a private collector in Ghent.", "March 2018", "March 2019"),
    # a weekday
    ("The painting arrived at the museum on Monday under police escort.", "Monday", "Tuesday"),
    # count words: "three times" against "twice"
    ("Chief curator Lena Marsh flew to Lisbon three times to inspect the painting.", "three", "twice"),
    # a hyphenated count against a plural
    ("The painting will hang in a wing of seven rooms that reopens on June 3.", "seven", "six-room"),
    # fractions
    ("Works on paper make up roughly half of the collection, according to the museum.", "half", "about a third"),
    # an approximation that does not reach the value
    ("The conservator, Piet Vander, said the work would take about two hours a day.", "two", "about 90 minutes"),
    # the amount of the price, not of the first offer
    ("The Brenford Museum of Art agreed a price of $3.9 million for the painting on Tuesday.", "3.9", "$3.4 million"),
    # below a lower bound
    ("Only 2,400 visitors came to the museum on the day the sale was announced.", "2,400", "3,180 visitors"),
])
def test_museum_figures_that_contradict_the_sources(lint, text, wrong, right):
    findings = lint(text + "\n", MUSEUM)
    assert [(text[f.start:f.end]) for f in findings] == [wrong]
    assert f"the sources give {right}" in findings[0].message


@pytest.mark.parametrize("text", [
    # each person's own figure
    "Lena Marsh has organised 14 exhibitions since joining the museum.",
    "Her deputy, Tom Reyes, has organised six exhibitions since joining the museum.",
    # two purchases at different times: neither contradicts the other
    "In March 2019, the museum bought 40 prints from a private collector in Ghent.",
    "The museum bought 65 prints at auction on Thursday.",
    # the first offer and the price are different amounts
    "The museum's first offer, worth $2.1 million, was rejected on April 22.",
    "The museum agreed a price of $3.4 million for the painting.",
    # a duration between another pair of events (the price was agreed, not the offer rejected)
    "The museum agreed the price on May 13, more than a month after talks opened on April 8.",
    # inside a bound or an approximation
    "About 3,200 visitors came to the museum on the day the sale was announced.",
    "More than 3,100 visitors came to the museum on the day the sale was announced.",
    "The conservator said the work would take 85 minutes a day.",
    "Works on paper make up about 33% of the collection, according to the museum.",
    # comparisons are not counts of occasions
    "The museum now owns twice as many prints as it did in 2019.",
])
def test_museum_figures_that_agree_or_are_about_something_else_pass(lint, text):
    assert flagged(lint(text + "\n", MUSEUM), text) == []


def test_a_bound_is_checked_against_the_exact_value_when_the_sources_have_one(lint):
    # The sources: "More than 3,000 visitors" and "3,180 visitors". "More than 3,500" agrees
    # with the first only; the exact figure says it is wrong, and the message keeps "more than".
    text = "More than 3,500 visitors came to the museum on the day the sale was announced.\n"
    [finding] = lint(text, MUSEUM)
    assert text[finding.start:finding.end] == "3,500"
    assert "the sources give 3,180 visitors" in finding.message and "disagree" not in finding.message


@pytest.mark.parametrize(("text", "flags"), [
    # the same event pair as the source ("rejected … two weeks after talks opened")
    ("The first offer was rejected three weeks after talks opened.", ["three"]),
    # another event, no dates to tell: the words before the duration say it
    ("The museum agreed the price a month after talks opened.", []),
])
def test_a_duration_belongs_to_its_pair_of_events(lint, text, flags):
    assert [text[f.start:f.end] for f in lint(text + "\n", MUSEUM)] == flags
