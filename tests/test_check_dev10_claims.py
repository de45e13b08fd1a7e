"""Claims (figures, attribution, quotes, sourcing) of round 10: causes of misses that recur across
the stories of tests/eval, each tested on a story's own text and on an invented story."""
from __future__ import annotations

import pytest

from people_lint import ROOT, lint

EVAL = ROOT / "tests" / "eval"
DATACENTER = (EVAL / "datacenter" / "sources",)
DROUGHT = (EVAL / "drought" / "sources",)
POLICECHIEF = (EVAL / "policechief" / "sources",)

# An invented story: a county closes a road to repair a culvert.
WIRE = """\
Orwick County closes Tannery Road for culvert repair

Orwick County closed Tannery Road on Monday to replace a collapsed culvert, and crews expect to reopen the road on March 8, the county engineer, Pellham Brisco, said.

The detour adds about four miles for drivers. The county board will review the repair contract on April 14.

The new speed limit takes effect June 1.
"""


@pytest.fixture(scope="module")
def tannery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tannery") / "sources"
    folder.mkdir()
    (folder / "01_wire.txt").write_text(WIRE)
    return (folder,)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- figures: a date a day or a month off a source's, in a short clause --------------------------
def test_a_date_of_the_same_month_in_a_short_clause():
    found = lint("facts.Figures", "The board is scheduled to vote on April 21.\n", DATACENTER)
    assert [f.text for f in found] == ["April 21"] and "April 14" in found[0].message and found[0].severity == "warning"
    text = ("Quintana told Thursday's crowd that the allotment would not change this season and that the last day "
            "of deliveries would be Aug. 18.\n")
    assert "Aug. 18" in flagged("facts.Figures", text, DROUGHT)
    # The sources' own date stays quiet.
    assert flagged("facts.Figures", "The board is scheduled to vote on April 14.\n", DATACENTER) == []


def test_a_date_of_the_same_day_a_month_off():
    text = "Okafor's resignation takes effect Dec. 1.\n"
    found = lint("facts.Figures", text, POLICECHIEF)
    assert [f.text for f in found] == ["Dec. 1"] and "Nov" in found[0].message


def test_a_near_date_in_an_invented_story(tannery):
    assert flagged("facts.Figures", "The road should be open by March 18.\n", tannery) == ["March 18"]
    assert flagged("facts.Figures", "The lower speed limit starts July 1.\n", tannery) == ["July 1"]
    assert flagged("facts.Figures", "The road should be open by March 8.\n", tannery) == []
    # Nothing in common but the month: another event's day.
    assert flagged("facts.Figures", "A town hall is set for March 18.\n", tannery) == []
    # Another date of the sentence gives the source's date: it is that date's.
    assert flagged("facts.Figures", "The road closed March 2 and will reopen March 8.\n", tannery) == []
