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


# -- a superlative's scope: a span of years ("in more than a decade") ---------------------------
NURSINGHOME = (EVAL / "nursinghome" / "sources",)


def test_a_superlative_over_more_than_a_decade_beside_a_confirmed_figure():
    # The 120 beds are the sources'; "the largest ... in more than a decade" is the narrator's.
    text = ("The 120-bed home is the largest the state has forced to close in more than a decade. Stillwater "
            "bought it from the Wexham Lutheran Homes Association in 2019.\n")
    assert unsourced(text, NURSINGHOME) == ["The 120-bed home is the largest the state has forced to close in more than a decade"]


def test_a_superlative_over_years_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "The Harlow plant employs 640 workers, the company said.\n")
    text = "The 640-worker plant is the biggest the county has lost in nearly 20 years.\n"
    assert unsourced(text, sources) == ["The 640-worker plant is the biggest the county has lost in nearly 20 years"]
    # Ranked among the sentence's own figures, with no wider scope: the figure's sources speak for it.
    assert unsourced("The Harlow plant, with 640 workers, is the biggest of the two.\n", sources) == []


# -- comparisons: against several others combined, a fraction of another's ----------------------
def test_a_comparison_with_others_combined_however_far_apart():
    text = ("Frost has triggered more crop-insurance claims in the valley's orchards over the past decade than "
            "hail and drought combined.\n")
    assert unsourced(text) == [text.strip().rstrip(".")]
    text = "Floods cost the county's farms more in lost harvests since 2015 than fire, hail and wind combined.\n"
    assert unsourced(text) == [text.strip().rstrip(".")]


def test_a_fraction_of_another_groups_count():
    text = ("Residents moved out of their home county receive fewer than half as many family visits, on average, in "
            "their first six months.\n")
    assert unsourced(text) != []
    assert unsourced("Night-shift nurses get half as much training as day-shift nurses.\n") != []
    # Not a comparison: "half as" before something else.
    assert unsourced("She works half as a nurse and half as a teacher.\n") == []


# -- a record of complaints against a party -----------------------------------------------------
def test_a_record_of_lawsuits_or_complaints_against_a_company():
    text = ("Zipwell has faced at least a dozen wrongful-death lawsuits across the country since 2020, most of them "
            "settled before trial.\n")
    assert unsourced(text) != []
    text = ("Meridel has faced complaints over failed software updates at emergency centers in at least two other "
            "states.\n")
    assert unsourced(text) != []
    assert unsourced("Harlow Paving has drawn complaints from neighbors over dust at its other plants.\n") != []
    # Said by someone, it is theirs.
    assert unsourced("Harlow Paving has drawn complaints over dust at its other plants, the mayor said.\n") == []
    assert unsourced("The mayor has faced a difficult choice.\n") == []


# -- a universal negative over a place ----------------------------------------------------------
def test_a_universal_negative_over_a_place():
    text = ("No appeals court in the state has yet ruled on whether a ride-hailing company can be held liable for "
            "a driver's fatigue.\n")
    assert unsourced(text) != []
    assert unsourced("No water utility in the country has ever paid a fine that large.\n") != []
    assert unsourced("No decision has yet been made on the bridge.\n") == []


# -- what others have done over a span of years -------------------------------------------------
def test_what_others_have_done_over_a_span_of_years():
    text = "Cities up and down the coast have adopted similar caps in the past five years, and none has been overturned in court.\n"
    assert unsourced(text) != []
    assert unsourced("Three neighboring counties have banned the sprays over the last decade.\n") != []
    assert unsourced("The council has met in the old library for the past two years, the clerk said.\n") == []


# -- a general cause ----------------------------------------------------------------------------
def test_a_general_cause_of_most_of_a_class():
    text = "Buried surface hoar is behind most fatal in-bounds avalanches in the western United States.\n"
    assert unsourced(text) != []
    assert unsourced("Worn brake pads are responsible for more than half of bus crashes in the county.\n") != []
    assert unsourced("The storm is behind us.\n") == []


# -- a market quote, rounded --------------------------------------------------------------------
def test_a_rounded_market_quote_is_its_own_record():
    text = ("Corvane's stock rose nearly 13 percent to $38.55, touching a 52-week high of $39.10 during the session. "
            "The broader S&P 500 health care sector slipped 0.2 percent.\n")
    assert unsourced(text) == []
    assert unsourced("Harlow Mills shares fell about 4 percent to $21.10 on Friday.\n") == []
    # A change with no price it ends at is no quote.
    assert unsourced("Harlow Mills shares fell about 40 percent over the past decade.\n") != []
