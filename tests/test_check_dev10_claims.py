"""Claims (figures, attribution, quotes, sourcing) of round 10: causes of misses that recur across
the stories of tests/eval, each tested on a story's own text and on an invented story."""
from __future__ import annotations

import pytest

from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"
DATACENTER = (EVAL / "datacenter" / "sources",)
DROUGHT = (EVAL / "drought" / "sources",)
POLICECHIEF = (EVAL / "policechief" / "sources",)
MINWAGE = (EVAL / "minwage" / "sources",)

# An invented story: a county closes a road to repair a culvert.
WIRE = """\
Orwick County closes Tannery Road for culvert repair

Orwick County closed Tannery Road on Monday to replace a collapsed culvert, and crews expect to reopen the road on March 8, the county engineer, Pellham Brisco, said.

The detour adds about four miles for drivers. The county board will review the repair contract on April 14.

The new speed limit takes effect June 1.

Bids for the permanent repair are due Friday, May 8. The county expects a permanent culvert to be finished in late 2027.

Crews hauled in 38 truckloads of fill. Workers will fit new grates on every one of the county's fourteen storm drains on the road. The county set aside an emergency repair fund of $240,000 for the work. About 40 people attended a briefing on Tuesday.
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


def test_a_date_a_few_days_off_takes_its_weekday_along(tannery):
    text = 'Mayor Denise Okafor has said she will sign the ordinance on Monday, Oct. 21.\n'
    assert flagged("facts.Figures", text, MINWAGE) == ["Oct. 21"]
    assert flagged("facts.Figures", "Repair bids are due Monday, May 11.\n", tannery) == ["May 11"]
    assert flagged("facts.Figures", "Repair bids are due Friday, May 8.\n", tannery) == []


def test_a_near_date_in_an_invented_story(tannery):
    assert flagged("facts.Figures", "The road should be open by March 18.\n", tannery) == ["March 18"]
    assert flagged("facts.Figures", "The lower speed limit starts July 1.\n", tannery) == ["July 1"]
    assert flagged("facts.Figures", "The road should be open by March 8.\n", tannery) == []
    # Nothing in common but the month: another event's day.
    assert flagged("facts.Figures", "A town hall is set for March 18.\n", tannery) == []
    # Another date of the sentence gives the source's date: it is that date's.
    assert flagged("facts.Figures", "The road closed March 2 and will reopen March 8.\n", tannery) == []


# -- unsourced: a participle after "of", a first in a history, a trend ----------------------------
CONCUSSION = (EVAL / "concussion" / "sources",)
ZOO = (EVAL / "zoo" / "sources",)


def test_a_participle_after_of_describes_its_noun():
    text = ("Nationally, concussions now make up more than a third of all injuries in high school football, and the "
            "number of reported cases has doubled over the past decade.\n")
    assert any("a third of all injuries" in t for t in flagged("sourcing.Unsourced", text, CONCUSSION))
    # Invented: "of recorded thefts" reports nothing; "recorded by the port police" still names a source.
    assert flagged("sourcing.Unsourced", "A third of recorded thefts at the marina involve outboard motors.\n") != []
    assert flagged("sourcing.Unsourced", "A third of thefts at the marina involve outboard motors, the port police recorded.\n") == []


def test_a_first_within_a_history_is_a_claim():
    text = ("The Sept. 9 escape, in which a 9-year-old male tiger named Anak roamed the zoo's service areas for roughly "
            "three and a half hours and mauled senior keeper Renata Sojka, led to the first public hearing on zoo safety "
            "in the city's history.\n")
    assert any("first public hearing" in t for t in flagged("sourcing.Unsourced", text, ZOO))
    text = "The storm forced the first closing of the Tannery Road bridge in the county's history.\n"
    assert flagged("sourcing.Unsourced", text) != []
    # A first with its source, and a first with no history, are no unsourced claims.
    assert flagged("sourcing.Unsourced", "It was the first closing of the bridge in the county's history, the engineer said.\n") == []
    assert flagged("sourcing.Unsourced", "The first bus of the day leaves at 6 a.m.\n") == []


def test_a_trend_over_years_is_a_claim():
    text = "Attacks on keepers by big cats at U.S. zoos have risen sharply since 2015, and most happen during early-morning shifts.\n"
    assert flagged("sourcing.Unsourced", text, ZOO) != []
    assert flagged("sourcing.Unsourced", "Culvert failures on county roads have increased steadily since 2018.\n") != []
    assert flagged("sourcing.Unsourced", "Culvert failures have increased steadily since 2018, the county engineer said.\n") == []
    assert flagged("sourcing.Unsourced", "The bridge has been closed since 2018.\n") == []


# -- figures: a thing the sources count with one value, its digits slipped ------------------------


def test_a_count_of_a_lone_unit_with_its_digits_slipped():
    text = "Sokja, who has worked at the zoo for 11 years, has since had two surgeries and 46 stitches.\n"
    found = lint("facts.Figures", text, ZOO)
    assert [f.text for f in found] == ["46"] and "64 stitches" in found[0].message and found[0].severity == "warning"
    text = "The Alliance based much of its opposition on a September survey of 412 members.\n"
    assert flagged("facts.Figures", text, MINWAGE) == ["412"]
    text = "Sokja, who has worked at the zoo for 11 years, has since had two surgeries and 64 stitches.\n"
    assert flagged("facts.Figures", text, ZOO) == []


def test_a_lone_unit_in_an_invented_story(tannery):
    assert flagged("facts.Figures", "It took 83 truckloads to fill the hole.\n", tannery) == ["83"]
    assert flagged("facts.Figures", "It took 39 truckloads to fill the hole.\n", tannery) == ["39"]
    assert flagged("facts.Figures", "It took 38 truckloads to fill the hole.\n", tannery) == []
    # Not another number altogether, nor a rounding, nor a unit that counts anyone at all.
    assert flagged("facts.Figures", "It took 52 truckloads to fill the hole.\n", tannery) == []
    assert flagged("facts.Figures", "It took about 40 truckloads to fill the hole.\n", tannery) == []
    assert flagged("facts.Figures", "Some 48 people came to see the hole.\n", tannery) == []


# -- vague-source and unsourced: "charges" the noun names no accuser -------------------------------
ETHICS = (EVAL / "ethics" / "sources",)


def test_criminal_charges_name_no_source():
    text = ('The commission also referred the case to the Tessaly County District Attorney. Okafor said the referral '
            '"is not a finding of criminal conduct," and that the commission takes no position on whether charges are '
            'warranted. Legal experts say the referral is unlikely to lead to criminal charges.\n')
    assert flagged("sourcing.VagueSource", text, ETHICS) == ["experts say"]
    assert flagged("sourcing.VagueSource", "Experts say the harbor master is unlikely to face charges.\n") == ["Experts say"]
    # The verb still names the accuser: "the complaint charges that ..." is the complaint's claim.
    text = "The complaint charges that the harbor master embezzled docking fees for years.\n"
    assert flagged("sourcing.Unsourced", text) == []


# -- figures: a part of a year ----------------------------------------------------------------------
ANTIBODY = (EVAL / "antibody" / "sources",)
RUNWAY = (EVAL / "runway" / "sources",)


def test_another_part_of_the_same_year():
    text = ("Castellan plans to file with the Food and Drug Administration before the end of 2025 and expects a "
            "regulatory decision by mid-2026, well before three-year results from the trial's extension are due.\n")
    found = lint("facts.Figures", text, ANTIBODY)
    assert [f.text for f in found] == ["2026"] and "late 2026" in found[0].message  # (and no "2025")
    text = "Thomas Brandvold, the authority's executive director, has said he expects a ruling in fall 2027.\n"
    assert flagged("facts.Figures", text, RUNWAY) == ["2027"]
    text = "Thomas Brandvold, the authority's executive director, has said he expects a ruling in spring 2027.\n"
    assert flagged("facts.Figures", text, RUNWAY) == []


def test_a_part_of_a_year_in_an_invented_story(tannery):
    assert flagged("facts.Figures", "A permanent culvert should be finished in early 2027.\n", tannery) == ["2027"]
    assert flagged("facts.Figures", "A permanent culvert should be finished by the end of 2027.\n", tannery) == []
    assert flagged("facts.Figures", "A permanent culvert should be finished in 2027.\n", tannery) == []


# -- reading: a participle after a number, "three dozen" ----------------------------------------
def test_a_participle_after_a_number_describes_its_noun():
    assert flagged("sourcing.Unsourced", "The marina logged 1,412 confirmed thefts last year, up from 900.\n") != []
    assert flagged("sourcing.Unsourced", "The marina logged 1,412 thefts last year, the harbor police confirmed.\n") == []


def test_a_number_of_dozens_is_one_count(tannery):
    from newslint.document.parse import parse_document
    from newslint.registry.numbers import find_figures

    figures = find_figures(parse_document("x.md", "About three dozen truckloads of fill arrived.\n"), skip_quotes=True)
    assert [(f.kind, f.value, f.bound) for f in figures] == [("count", "36", "about")]
    # Checked as 36 against the sources' 38 truckloads.
    found = lint("facts.Figures", "Crews hauled in three dozen truckloads of fill.\n", tannery)
    assert len(found) == 1 and "'three dozen truckloads': the sources give 38 truckloads" in found[0].message


# -- figures: one digit off an amount named by another noun ----------------------------------------
WINDFARM = (EVAL / "windfarm" / "sources",)


def test_one_digit_off_an_amount_named_by_another_noun(tannery):
    text = ("Prairie Crest Renewables, the developer, offers a good-neighbor payment of $2,500 a year to households "
            "within a mile of a turbine that did not sign leases.\n")
    found = lint("facts.Figures", text, WINDFARM)
    assert [f.text for f in found] == ["2,500"] and "$1,500" in found[0].message and found[0].severity == "warning"
    text = "The county set aside an emergency repair budget of $340,000 for the work.\n"
    assert flagged("facts.Figures", text, tannery) == ["340,000"]
    text = "The county set aside an emergency repair budget of $240,000 for the work.\n"
    assert flagged("facts.Figures", text, tannery) == []


# -- reading: "all N of its X" counts X ---------------------------------------------------------------
def test_all_of_a_whole_counts_its_noun(tannery):
    text = ('She said the zoo had "failed this community" and that by the end of October all 12 of its big-cat '
            'transfer doors would have a second, independent lock.\n')
    assert flagged("facts.Figures", text, ZOO) == ["12"]
    text = "Workers will fit new grates on all 12 of the county's storm drains on the road.\n"
    assert flagged("facts.Figures", text, tannery) == ["12"]
    text = "Workers will fit new grates on all 14 of the county's storm drains on the road.\n"
    assert flagged("facts.Figures", text, tannery) == []


def test_fourteen_and_forty_of_a_lone_unit(tannery):
    found = lint("facts.Figures", "The memo, a 40-page account, reached the audit committee in March 2023.\n",
                 (EVAL / "cryptoexchange" / "sources",))
    assert [f.text for f in found] == ["40"] and "fourteen pages" in found[0].message
    # The tannery wire counts fourteen storm drains, once.
    assert flagged("facts.Figures", "New grates will go on 40 storm drains.\n", tannery) == ["40"]
    assert flagged("facts.Figures", "New grates will go on 14 storm drains.\n", tannery) == []


def test_an_age_is_not_compared_with_the_only_age_the_sources_give(tmp_path):
    # A lone age in the sources belongs to its person: a reader the reporter met, "a
    # 78-year-old retiree", is not a slip of the owner's 71 (a false alarm of the lone-unit
    # check on a blind story of this session). A count of a thing is still compared.
    sources = write_sources(
        tmp_path, "Ada Ibekwe, 71, sold the weekly to a regional chain on Monday. The chain will print "
                  "the paper at its plant in Dunmore, which runs 14 presses.\n")
    text = ("Orla Penhale, a 78-year-old retiree, said she would miss the paper. "
            "The chain's plant runs 41 presses.\n")
    assert flagged("facts.Figures", text, sources) == ["41"]
