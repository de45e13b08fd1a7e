"""Misses and false alarms of the recount story (tests/eval/recount, written blind this session;
first score 0.43 / 0.67 on main, 0.52 / 0.71 on this branch), each fixed at its general cause."""
from __future__ import annotations

from people_lint import ROOT, lint

RECOUNT = (ROOT / "tests" / "eval" / "recount" / "sources",)


def test_a_margin_is_compared_with_margins_only():
    # The sources: 14,153 to 14,117, "a margin of 36 votes"; 28,898 ballots recounted.
    text = ("T. Everett Lindqvist, who lost the Calder County Commission District 2 race by 36 votes after a hand "
            "recount, has asked a judge to overturn the certified result.\n")
    assert lint("facts.Figures", text, RECOUNT) == []

