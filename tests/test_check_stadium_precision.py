"""False alarms the blind stadium story (tests/eval/stadium, scored blind first: 0.83 / 0.83 on
this branch) showed, each from a general cause: a verb before a count ("seat 8,500") read as a
label, "cover up to $3.1 million" read as a cover-up, a weekday matched through the date of its
clause, and a weekday that describes a kind ("Sunday church services")."""
from __future__ import annotations

from people_lint import ROOT, lint
from test_sourcing import flagged as sourcing_flagged

from newslint.document import parse_document
from newslint.registry.numbers import find_figures

STADIUM = (ROOT / "tests" / "eval" / "stadium" / "sources",)


def test_a_verb_before_a_count_is_no_label():
    document = parse_document("x.md", "The ballpark would seat 8,500 and open in 2029.\n")
    assert [f.value for f in find_figures(document) if f.kind == "count"] == ["8500"]


def test_covering_up_to_an_amount_is_no_cover_up():
    text = "In the worst case, the general fund would have to cover up to $3.1 million in a single year.\n"
    assert sourcing_flagged(text) == []
    assert sourcing_flagged("Officials tried to cover up the size of the shortfall for a year.\n")


def test_a_weekday_is_not_matched_through_the_date_of_its_clause():
    text = ("Council member Marcus Oyelaran attended Monday's meeting and said he would ask the council on "
            "Oct. 21 to require a community benefits agreement.\n")
    assert [f for f in lint("facts.Figures", text, STADIUM) if "Monday" in f.message] == []


def test_a_weekday_that_describes_a_kind_is_no_figure():
    document = parse_document("x.md", "Volunteers will stand outside grocery stores and at Sunday church services.\n")
    assert [f for f in find_figures(document) if f.kind == "weekday"] == []
    document = parse_document("x.md", "Volunteers stood outside grocery stores on Sunday afternoon.\n")
    assert [f.value for f in find_figures(document) if f.kind == "weekday"] == ["sunday"]
