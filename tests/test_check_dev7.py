"""Figures of the four stories written blind in session 6 (tests/eval: derailment, minwage,
heatwave, policechief) and the older sets, each fixed at its general cause and tested on the
story's own text."""
from __future__ import annotations

from people_lint import ROOT, lint

EVAL = ROOT / "tests" / "eval"
PORT = (EVAL / "portstrike" / "sources",)
POLICE = (EVAL / "policechief" / "sources",)
UNIVERSITY = (EVAL / "university" / "sources",)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- a value the sources give, in a related clause ---------------------------------------------
def test_a_total_the_sources_give_is_not_contradicted_by_a_closer_clause_of_another_value():
    # The fact sheet: "an estimated $310 million per day, about $4.0 billion in total".
    text = "The authority estimates that about $4 billion in trade was delayed over the course of the strike.\n"
    assert flagged("facts.Figures", text, PORT) == []
    # The daily figure, changed, is still compared with the sources' $310 million.
    text = "The authority puts the cost at $410 million in trade held up each day.\n"
    assert flagged("facts.Figures", text, PORT) == ["410"]


def test_a_count_the_sources_give_in_a_sentence_of_its_own_words_is_theirs():
    # "Of the 2,340 overtime claims the auditors sampled from the 61,200 filed ..."
    text = ("Auditors sampled 2,340 of the 61,200 overtime claims filed over the three years and found that "
            "412 lacked a supervisor's approval.\n")
    assert "61,200" not in flagged("facts.Figures", text, POLICE)


def test_a_value_the_sources_give_only_about_something_else_proves_nothing():
    # $1.9 million is the no-bid consulting contracts; the scholarship funds gave $1.6 million.
    text = ("Auditors also found that $4.7 million had been moved out of restricted accounts to cover operating "
            "costs, including $3.1 million from a state workforce grant and $1.9 million from donor-restricted "
            "scholarship funds.\n")
    assert flagged("facts.Figures", text, UNIVERSITY) == ["1.9"]
    # "23 vessels" waited at anchor; seventeen were diverted.
    text = ("According to the Halverston Port Authority, 23 vessels have been diverted to other ports since the "
            "walkout began.\n")
    assert flagged("facts.Figures", text, PORT) == ["23"]
