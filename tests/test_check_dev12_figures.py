"""Figures of round 12: causes of false alarms and misses that recur across the stories of
tests/eval, each tested on a story's own text and on invented text."""
from __future__ import annotations

from newslint.document import parse_document
from newslint.registry.numbers import find_figures
from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


def figures(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value, f.text) for f in find_figures(parse_document("x.md", text + "\n"))]


# -- figures: a decade ("the late 1990s") is no year ---------------------------------------------
AVALANCHE = (EVAL / "avalanche" / "sources",)


def test_a_decade_is_not_a_year():
    assert figures("It was the first fatal slide since the late 1990s.") == []
    assert [f[1] for f in figures("The 2024 budget, and 2024's.")] == ["2024", "2024"]


def test_a_decade_is_not_read_as_a_slip_of_a_year_in_it(tmp_path):
    text = "It was the resort's first fatal in-bounds avalanche since the late 1990s.\n"
    assert flagged("facts.Figures", text, AVALANCHE) == []
    sources = write_sources(tmp_path, "The last fatal avalanche inside the Harlow Ridge ski area boundary occurred in 1997.\n")
    assert flagged("facts.Figures", "It was the first fatal avalanche inside the Harlow Ridge ski area boundary since the 1990s.\n",
                   sources) == []
    assert flagged("facts.Figures", "The last fatal avalanche inside the Harlow Ridge ski area boundary occurred in 1991.\n",
                   sources) == ["1991"]


# -- figures: a dated source's "today", "yesterday", "tomorrow" give a day -----------------------
RENTALS = (EVAL / "rentals" / "sources",)
ZOO = (EVAL / "zoo" / "sources",)


def test_a_day_a_dated_source_gives_as_today_or_yesterday():
    text = ("A group representing Port Ardell's vacation rental hosts went to court Friday to block the city's new cap "
            "on short-term rental permits, three days after the City Council voted 5-2 to cut the number of permits "
            "by about 40 percent.\n")
    assert flagged("facts.Figures", text, RENTALS) == []
    text = ("A federal inspection report released Sept. 17 found that the closing check of the tiger night house on the "
            "evening before the escape had been signed by one keeper covering two areas.\n")
    assert flagged("facts.Figures", text, ZOO) == []


def test_today_in_an_invented_release(tmp_path):
    sources = write_sources(tmp_path, "FOR IMMEDIATE RELEASE - Friday, March 14, 2025\n\n"
                                      "ELMWOOD - The Elmwood Tenants Union and two renters today filed suit in Carrow County court "
                                      "to block the rent ordinance the Elmwood council passed on Tuesday, March 11.\n")
    text = "The Elmwood Tenants Union went to court Friday to block the rent ordinance the Elmwood council passed.\n"
    assert flagged("facts.Figures", text, sources) == []
    # Another day than the release's "today" is still told.
    assert flagged("facts.Figures", text.replace("Friday", "Thursday"), sources) == ["Thursday"]
    # A source with no date in its heading gives no day by "today".
    (tmp_path / "b").mkdir()
    sources = write_sources(tmp_path / "b", "ELMWOOD - The Elmwood Tenants Union and two renters today filed suit in Carrow "
                                            "County court to block the rent ordinance the Elmwood council passed on Tuesday, March 11.\n")
    assert flagged("facts.Figures", text, sources) == ["Friday"]


# -- figures: a span a source writes in two units ("1 hour and 52 minutes") ----------------------
NURSINGHOME = (EVAL / "nursinghome" / "sources",)


def test_a_span_written_in_two_units_is_one_span():
    text = ("In April they timed call lights at an average of 38 minutes; one resident waited nearly two hours for help "
            "to the bathroom.\n")
    assert flagged("facts.Figures", text, NURSINGHOME) == []


def test_a_span_in_two_units_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "Stranded riders waited 1 hour and 52 minutes for the Harlow Point ferry to dock on Sunday.\n")
    text = "Stranded riders waited nearly two hours for the Harlow Point ferry to dock on Sunday.\n"
    assert flagged("facts.Figures", text, sources) == []
    assert flagged("facts.Figures", text.replace("nearly two hours", "about 52 minutes"), sources) == []
    assert flagged("facts.Figures", text.replace("nearly two hours", "nearly three hours"), sources) == ["three"]


# -- figures: a value a hundredfold off in other digits is another measure ----------------------
FROST = (EVAL / "frost" / "sources",)


def test_a_value_a_hundredfold_off_in_other_digits_is_another_measure():
    text = ("On the state side, Whitcombe asked the legislature on May 28 for $18.5 million to create an Orchard Frost "
            "Recovery Fund. Of that, $16 million would go to direct grants of up to $50,000 per farm.\n")
    assert "16" not in flagged("facts.Figures", text, FROST)


def test_a_hundredfold_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "MAYOR ANN ROE: Twelve million of that is direct relief grants, up to 30,000 dollars per household in Elmwood.\n")
    text = "Of that, $9 million would go to direct relief grants of up to $30,000 per household in Elmwood, Roe said.\n"
    assert flagged("facts.Figures", text, sources) == []


# -- figures: a span with words about it before its unit ("2.9 direct-care nursing hours") ------
def test_a_span_with_words_before_its_unit_is_a_span():
    assert figures("It averaged 2.9 direct-care nursing hours per resident per day.") == [
        ("duration", "10440s", "2.9 direct-care nursing hours")]
    assert figures("It rained for eight consecutive days.") == [("duration", "691200s", "eight consecutive days")]
    assert figures("It ran for three more days.") == []
    text = ("Payroll records show Briarwood averaged 2.9 hours of direct nursing care per resident per day in March, "
            "Oyelaran said.\n")
    assert flagged("facts.Figures", text, NURSINGHOME) == []


def test_a_span_with_words_before_its_unit_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "The Elmwood water plant ran for 11 consecutive days on backup generators in March. "
                                      "Crews worked 16 hours a day to restore it.\n")
    text = "The Elmwood water plant ran on backup generators for 11 days in March.\n"
    assert flagged("facts.Figures", text, sources) == []
    assert flagged("facts.Figures", text.replace("11 days", "14 days"), sources) == ["14"]


# -- figures: the line told against gives the draft's value too ----------------------------------
LIBRARY = (EVAL / "library" / "sources",)
FISHERY = (EVAL / "fishery" / "sources",)


def test_the_line_told_against_gives_the_drafts_value_too():
    text = 'The novel was checked out 311 times in two years, more than any of the other challenged titles.\n'
    assert flagged("facts.Figures", text, LIBRARY) == []
    text = ("Council staff projected that the adopted plan gives the stock a 70 percent chance of rebuilding by 2033, "
            "compared with about even odds by 2034 under the phased approach.\n")
    assert flagged("facts.Figures", text, FISHERY) == []


def test_the_line_gives_the_drafts_value_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "Elmwood Library records show the branch's four reading rooms were booked 2,140 times "
                                      "over the past two years, and that one of them alone accounted for 865 of those bookings.\n")
    text = "The Harlow reading room was booked 865 times over the past two years, library records show.\n"
    assert flagged("facts.Figures", text, sources) == []
    assert flagged("facts.Figures", text.replace("865", "685"), sources) != []


# -- figures: two floors of one quantity agree only when near each other -------------------------
def test_two_floors_of_one_quantity():
    text = ("Priya Ramaswamy, the state's deputy long-term care ombudsman, told lawmakers that 11 of the residents moved "
            "so far had been placed more than 60 miles from Port Calloway.\n")
    assert flagged("facts.Figures", text, NURSINGHOME) == ["60"]
    assert flagged("facts.Figures", text.replace("60 miles", "40 miles"), NURSINGHOME) == []


def test_two_floors_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "Elmwood Transit said more than 4,000 riders used the new Harlow line in its first week.\n")
    text = "More than 6,000 riders used the new Harlow line in its first week, Elmwood Transit said.\n"
    assert flagged("facts.Figures", text, sources) == ["6,000"]
    assert flagged("facts.Figures", text.replace("6,000", "4,000"), sources) == []
    assert flagged("facts.Figures", text.replace("More than 6,000", "About 4,100"), sources) == []


# -- figures: a source gives the draft's exact value of the same unit noun -----------------------
def test_a_source_gives_the_drafts_value_of_the_unit():
    text = ("On the Hutchinson family's 240-acre farm outside Millbrook, three-quarters of it planted in apples, he puts "
            "the loss at 95 percent of the tart cherries.\n")
    assert "240" not in flagged("facts.Figures", text, FROST)


def test_the_unit_gives_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "- 320 acres total: 250 corn, 70 soybeans.\n",
                            "Ann Roe, whose family has farmed outside Elmwood for four generations, said she had 70 acres "
                            "of soybeans.\n")
    text = "On the Roe family's 320-acre farm outside Elmwood, most of it planted in corn, the hail took half the crop.\n"
    assert flagged("facts.Figures", text, sources) == []
    assert flagged("facts.Figures", text.replace("320-acre", "230-acre"), sources) != []


DROUGHT = (EVAL / "drought" / "sources",)


def test_a_bound_or_a_table_rows_digit_on_the_line_gives_no_value():
    # "as many as 30,000 ... acres" on the line allows 36 but gives no value.
    text = ("On June 24, the district's board voted 5-2 to limit deliveries to 12 inches of water per irrigated acre, "
            "down from 36 inches in a full year.\n")
    assert "36" in flagged("facts.Figures", text, DROUGHT)
    # A table row's "8 (5 repeat)" counts repeats, not deficiencies at the immediate jeopardy level.
    text = ("Thomas Oyelaran told the committee that inspectors cited 23 deficiencies in January, February and April, "
            "five of them at the immediate jeopardy level, the most serious finding possible.\n")
    assert "five" in flagged("facts.Figures", text, NURSINGHOME)
    # A span with words before its unit stays on its line.
    assert [f[0] for f in figures("They ran for three fiscal\nyears.")] == ["count"]
