"""Claims false alarms (and one miss) of the seven stories written blind in session 9 (tests/eval:
zoo, fishery, cryptoexchange, concussion, ethics, outbreak, wolves), each fixed at its general
cause and tested on the story's own text and on invented text."""
from __future__ import annotations

import pytest

from people_lint import ROOT, lint

EVAL = ROOT / "tests" / "eval"
ZOO = (EVAL / "zoo" / "sources",)
ETHICS = (EVAL / "ethics" / "sources",)
CONCUSSION = (EVAL / "concussion" / "sources",)
FISHERY = (EVAL / "fishery" / "sources",)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


@pytest.fixture(scope="module")
def kiln(tmp_path_factory):
    """An invented source: a pottery's kiln fire, told in an interview and a meeting."""
    folder = tmp_path_factory.mktemp("kiln") / "sources"
    folder.mkdir()
    (folder / "01_notes.txt").write_text(
        "Interview with Oskar Belling, potter, at the Marrow Lane studio.\n\n"
        "BELLING: The flames came out of the kiln hatch. The back door of the studio was maybe six feet away and I got out through it into the alley.\n")
    (folder / "02_meeting.txt").write_text(
        "CLERK: Resolution 12, directing the town engineer to hire an outside fire inspector to review the Marrow Lane studio kiln permits, at a cost not to exceed twenty thousand dollars.\n")
    return (folder,)


# "ten feet away": "feet" is the plural the figure measures, not the adverb after it; the
# draft's "about 10 feet" is the source's figure, so it is no unsourced statistic.
def test_measured_distance_the_source_gives_is_not_unsourced():
    text = ("The tiger came at her from beside a row of feed bins, clawing and biting her left arm, shoulder and thigh. "
            "She made it about 10 feet to the commissary, shut herself inside its walk-in cooler and radioed for help.\n")
    assert flagged("sourcing.Unsourced", text, ZOO) == []


def test_irregular_plural_unit_of_an_invented_source(kiln):
    text = "Belling ran about 6 feet through the back door of the studio and got out into the alley.\n"
    assert flagged("sourcing.Unsourced", text, kiln) == []
    # (Without the sources it is still a qualified figure nobody gives.)
    assert flagged("sourcing.Unsourced", text) != []


# "roughly 21.6 million pounds" is a weight (or money), not "roughly 21.6" of "million"s: the
# cue takes the number and its scale whole, so a money word after them still rules it out.
def test_number_and_scale_are_not_split_before_a_money_word():
    text = ("The council set the 2026 commercial catch limit at 9,800 metric tons — roughly 21.6 million pounds — "
            "down from 14,200 metric tons this year.\n")
    assert flagged("sourcing.Unsourced", text, FISHERY) == []
    assert flagged("sourcing.Unsourced", "The mill shipped roughly 4.5 million pounds of flour.\n") == []
    assert flagged("sourcing.Unsourced", "The mill employs roughly 4.5 million workers.\n") != []
    assert flagged("sourcing.Unsourced", "The drought cost farmers roughly 4.5 million pounds a year.\n") != []


# "the second half of the next game" is a period of play, not a share of something.
def test_half_of_a_game_is_not_a_share():
    text = ("The message referred to Caleb Whitfield, a junior linebacker who had been diagnosed with a concussion after a Sept. 13 game "
            "against Pine Hollow High School. Whitfield played limited snaps in the second half of the next game, on Sept. 20, "
            "and was diagnosed with a second concussion on Oct. 4.\n")
    assert flagged("sourcing.Unsourced", text, CONCUSSION) == []
    assert flagged("sourcing.Unsourced", "The striker scored twice in the first half of the final.\n") == []
    assert flagged("sourcing.Unsourced", "Half of the county's nurses have left the profession.\n") != []


# "at a cost not to exceed forty thousand dollars": a cap (bound "less") on a cost, as the draft's
# "at a cost of up to $50,000" is; two caps agree only on their value.
def test_capped_cost_is_compared_with_the_sources_cap():
    text = ("In a second vote, 6-1, the council directed the city manager to hire an independent forensic auditor to review every payment "
            "made under the roughly $2 million Northside Street Resurfacing Project contract, at a cost of up to $50,000.\n")
    assert flagged("sourcing.Unsourced", text, ETHICS) == []
    assert "50,000" in flagged("facts.Figures", text, ETHICS)


def test_capped_cost_of_an_invented_source(kiln):
    wrong = "The town will hire an outside fire inspector to review the Marrow Lane studio kiln permits, at a cost of up to $25,000.\n"
    right = "The town will hire an outside fire inspector to review the Marrow Lane studio kiln permits, at a cost of up to $20,000.\n"
    assert "25,000" in flagged("facts.Figures", wrong, kiln)
    assert flagged("facts.Figures", right, kiln) == []
    assert flagged("sourcing.Unsourced", right, kiln) == []
