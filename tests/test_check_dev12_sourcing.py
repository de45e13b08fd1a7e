"""Sourcing (unsourced) of round 12: forms of narrator's claims that the newest stories' writers
use and the check missed, each tested on a story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"


def unsourced(text: str, sources=()) -> list[str]:
    return [f.text for f in lint("sourcing.Unsourced", text, sources)]


# -- a superlative with a number in it is a superlative, not the number -------------------------
DISPATCH = (EVAL / "dispatch" / "sources",)


def test_a_superlative_holding_a_confirmed_number_keeps_its_scope():
    # The sources speak of 911; the draft's ranking against the state's history is its own.
    assert unsourced("It was the longest 911 outage in the state's history.\n", DISPATCH) == [
        "It was the longest 911 outage in the state's history"]


def test_a_superlative_holding_a_number_in_an_invented_story_is_flagged(tmp_path):
    sources = write_sources(tmp_path, "The Harlow refinery spilled 2,400 gallons of crude into Mill Creek on "
                                      "Tuesday, the state environment agency said.\n")
    assert unsourced("The Harlow refinery spilled 2,400 gallons of crude into Mill Creek, the largest 2,400-gallon "
                     "spill in the county's history.\n", sources) == [
        "the largest 2,400-gallon spill in the county's history"]
    # The figure alone, which the sources give, stays the figure check's business.
    assert unsourced("The Harlow refinery spilled 2,400 gallons of crude into Mill Creek.\n", sources) == []
