"""From the blind minecollapse story (tests/eval/minecollapse, now seen): a source figure that
another figure of the same draft sentence gives is that figure's, not a contradiction of this
one; and a misattributed quotation split in two around its speaker is reported once."""
from __future__ import annotations

from people_lint import ROOT, flagged, lint

MINE = (ROOT / "tests" / "eval" / "minecollapse" / "sources",)


def test_a_figure_matched_to_a_value_its_own_sentence_gives_is_not_flagged():
    text = ("Two of the eight were flown to Health Sciences North in Sudbury, one with a broken ankle "
            "and one with a hand injury.\n")
    assert lint("facts.Figures", text, MINE) == []


def test_a_wrong_figure_in_that_sentence_is_still_flagged_against_the_other_value():
    text = ("Three of them were flown by air ambulance to Health Sciences North in Sudbury, one with a "
            "broken ankle.\n")
    findings = lint("facts.Figures", text, MINE)
    assert flagged(findings) == ["Three"]
    # "one" is the sentence's own figure: not offered as what the sources give, nor as a disagreement.
    assert "the sources give Two" in findings[0].message and "disagree" not in findings[0].message


def test_a_misattributed_quotation_split_around_its_speaker_is_one_finding():
    text = ('"The ground kept talking to us the whole way in," said Luc Thibodeau, the mine\'s general '
            'manager. "We moved a metre, we bolted a metre."\n')
    findings = lint("facts.Attribution", text, MINE)
    assert len(findings) == 1 and "Aaron Makepeace, not Luc Thibodeau" in findings[0].message
