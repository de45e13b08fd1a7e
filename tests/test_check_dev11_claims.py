"""Claims (figures, attribution, quotes, sourcing) of round 11: causes of false alarms and misses
that recur across the stories of tests/eval, each tested on a story's own text and on invented
text."""
from __future__ import annotations

from newslint.document import parse_document
from newslint.registry.numbers import find_figures
from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"
UNIONVOTE = (EVAL / "unionvote" / "sources",)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


def figures(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value, f.text) for f in find_figures(parse_document("x.md", text + "\n"))]


# -- figures: a decimal said aloud in a transcript ("two point seven million dollars") ------------
def test_a_decimal_said_aloud_before_a_scale_or_percent():
    assert ("amount", "2700000 dollar", "two point seven million dollars") in figures(
        "Brightway spent two point seven million dollars on consultants.")
    assert ("percent", "4.6%", "four point six percent") in figures("Costs rose four point six percent.")
    assert ("count", "9800000000", "Nine point eight billion") in figures("Nine point eight billion was paid.")
    # Not a decimal: "at one point, two officers" said without the comma.
    assert ("count", "2", "two") in figures("At one point two officers left.")


def test_the_draft_gives_the_decimal_a_transcript_says_aloud(tmp_path):
    text = ("Nandakumar told reporters at the union hall that Brightway had spent $2.7 million on consultants "
            "during the campaign, a figure she said came from the company's own federal disclosure filings.\n")
    assert flagged("facts.Figures", text, UNIONVOTE) == []
    sources = write_sources(tmp_path, "MAYOR ORLA PENN: The county paid one point four million dollars for the new pumps.\n")
    assert flagged("facts.Figures", "The county paid $1.4 million for the new pumps, Penn said.\n", sources) == []
    assert flagged("facts.Figures", "The county paid $1.9 million for the new pumps, Penn said.\n", sources) == ["1.9"]


# -- figures: a count the sources give as an ordinal ("a seventh person died") ------------------
EARTHQUAKE = (EVAL / "earthquake" / "sources",)
NEWSPAPER = (EVAL / "newspaper" / "sources",)


def test_a_count_a_source_gives_as_an_ordinal_of_the_same_noun():
    text = ("KESTREL FALLS, Montara — Three days after a magnitude 6.1 earthquake killed seven people in this "
            "mountain town, its elementary school is closed for the rest of the year.\n")
    assert "seven" not in flagged("facts.Figures", text, EARTHQUAKE)
    text = ("Ironbridge, which will own 28 daily newspapers once the deal closes, said the Ledger's name will not "
            "change.\n")
    assert flagged("facts.Figures", text, NEWSPAPER) == []


def test_an_ordinal_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "Harlow Transit runs 14 bus routes in the county.\n\n"
                                      "The new Crane Street line will be the transit agency's 15th bus route when it opens.\n")
    assert flagged("facts.Figures", "Harlow Transit will run 15 bus routes once the Crane Street line opens.\n", sources) == []
    # Another number, or the ordinal of a date ("May 16th"), gives no count.
    assert flagged("facts.Figures", "Harlow Transit will run 16 bus routes once the Crane Street line opens.\n", sources) == ["16"]
    (tmp_path / "b").mkdir()
    sources = write_sources(tmp_path / "b", "Harlow Transit runs 14 bus routes. Its board meets May 16th on the routes.\n")
    assert flagged("facts.Figures", "Harlow Transit runs 16 bus routes.\n", sources) == ["16"]


# -- figures: one digit off the figure beside a sibling the same source line gives ---------------
LAUNCH = (EVAL / "launch" / "sources",)
DAM = (EVAL / "dam" / "sources",)


def test_a_slip_beside_a_figure_the_same_source_line_gives():
    text = "The four LumenSat-B spacecraft were valued at $62 million and insured for $46 million, the company said.\n"
    found = lint("facts.Figures", text, LAUNCH)
    assert [f.text for f in found] == ["46"] and "$48 million" in found[0].message and found[0].severity == "warning"
    text = ("When the company missed an April 1, 2024, deadline for final designs, the division issued a notice of "
            "violation that June and fined the company $84,000.\n")
    found = lint("facts.Figures", text, DAM)
    assert [f.text for f in found] == ["84,000"] and "$48,000" in found[0].message
    # The sources' own figure stays quiet.
    assert flagged("facts.Figures", text.replace("$84,000", "$48,000"), DAM) == []


def test_a_slip_beside_a_sibling_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "Mayor Ines Corrow said the Pellam Street bridge cost $3.2 million to build "
                                      "and $410,000 to repaint in 2019.\n")
    assert flagged("facts.Figures", "The span cost $3.2 million, and painting it ran $470,000.\n", sources) == ["470,000"]
    assert flagged("facts.Figures", "The span cost $3.2 million, and painting it ran $410,000.\n", sources) == []
    # No sibling from that line, or a round sibling ("three"): nothing ties the sentence to it.
    assert flagged("facts.Figures", "Painting it ran $470,000.\n", sources) == []
    assert flagged("facts.Figures", "The county has three bridges, and painting one ran $470,000.\n", sources) == []
    # A value some source gives is that source's, not a slip.
    sources = write_sources(tmp_path / "b", "The bridge cost $3.2 million to build and $410,000 to repaint.\n",
                            "Painting the school cost $470,000.\n") if (tmp_path / "b").mkdir() is None else ()
    assert flagged("facts.Figures", "The span cost $3.2 million, and painting it ran $470,000.\n", sources) == []


def test_a_slip_beside_a_sibling_keeps_the_lines_order(tmp_path):
    # The line's other amount comes before the shared one; the draft's, after it: another amount.
    sources = write_sources(tmp_path, "A first bid of £44 million was rejected before the clubs agreed a fee of £48 million.\n")
    assert flagged("facts.Figures", "He arrives for £48 million, rising to £54 million with add-ons.\n", sources) == []
    assert flagged("facts.Figures", "A bid of £54 million was rejected before the clubs agreed a fee of £48 million.\n",
                   sources) == ["54"]


# -- figures: a weekday that another source's heading is dated on --------------------------------
CHARTER = (EVAL / "charter" / "sources",)
WATER = (EVAL / "water" / "sources",)


def dated(date: str, text: str) -> str:
    return f"---\ntitle: A draft\ndate: {date}\n---\n\n{text}"


def test_a_weekday_another_source_is_dated_on():
    text = ("MILLBROOK — About 3,100 people in Millbrook and Cedar Flats spent a second day away from their homes "
            "Wednesday after a crack in the spillway of Lake Marrow Dam led Harrow County to order everyone in the "
            "flood zone below the aging earthen dam to leave.\n")
    assert flagged("facts.Figures", dated("2025-03-19", text), DAM) == []
    text = ("MARLOW FALLS — The board of Bridgewater Preparatory Academy voted Tuesday night to appeal the state's "
            "decision to close the charter school.\n")
    assert flagged("facts.Figures", dated("2025-05-01", text), CHARTER) == []
    text = ("The Health Department had received six reports of gastrointestinal illness from Millbrook residents as "
            "of Friday afternoon, Okafor said.\n")
    assert flagged("facts.Figures", dated("2026-11-13", text), WATER) == []
    # Without the draft's date, or dated a week after the source, the week is not known to be the source's.
    assert flagged("facts.Figures", text, WATER) == ["Friday"]
    assert flagged("facts.Figures", dated("2026-11-20", text), WATER) == ["Friday"]


def test_a_weekday_no_source_is_dated_on_in_an_invented_story(tmp_path):
    wire = ("Harbor board votes to raise dock fees\nMonday, May 4, 2026\n\n"
            "The Pell Harbor board voted 5-2 on Monday to raise dock fees by 8 percent for commercial boats.\n")
    minutes = ("PELL HARBOR BOARD - MINUTES\nThursday, May 7, 2026\n\n"
               "The board heard from 14 fishermen about the dock fee increase.\n")
    sources = write_sources(tmp_path, wire, minutes)
    text = "The Pell Harbor board voted 5-2 on {} to raise dock fees for commercial boats.\n"
    assert flagged("facts.Figures", dated("2026-05-08", text.format("Tuesday")), sources) == ["Tuesday"]
    # Thursday is the minutes' day, the day before the draft's: the draft may report that day's meeting.
    assert flagged("facts.Figures", dated("2026-05-08", text.format("Thursday")), sources) == []
    # A source dated after the draft is another week's.
    assert flagged("facts.Figures", dated("2026-05-05", text.format("Thursday")), sources) == ["Thursday"]


# -- figures: two floors of one span ("at least six weeks" against "at least three months") -----
def test_two_floors_of_a_span_far_apart():
    text = ("At Kestrel Valley Medical Center, part of the east wing's ceiling came down minutes after the quake. "
            "The wing will remain closed for at least six weeks while engineers evaluate it.\n")
    found = lint("facts.Figures", text, EARTHQUAKE)
    assert [f.text for f in found] == ["six"] and "three months" in found[0].message


def test_two_floors_of_a_span_in_an_invented_story(tmp_path):
    sources = write_sources(tmp_path, "The Pell Street bridge will stay closed for at least four months while crews "
                                      "replace the deck, the county engineer said.\n")
    assert flagged("facts.Figures", "The Pell Street bridge will stay closed for at least two months while crews "
                                    "replace the deck.\n", sources) == ["two"]
    assert flagged("facts.Figures", "The Pell Street bridge will stay closed for at least four months while crews "
                                    "replace the deck.\n", sources) == []
    # A floor the source's floor allows ("more than four months" for "at least 17 weeks").
    assert flagged("facts.Figures", "The Pell Street bridge will stay closed for at least 17 weeks while crews "
                                    "replace the deck.\n", sources) == []


# -- figures: a round count with a bound that a source count of its noun rounds to -----------------
HEATWAVE = (EVAL / "heatwave" / "sources",)


def test_a_round_count_with_a_bound_that_a_source_count_of_its_noun_rounds_to(tmp_path):
    text = ("Nearly half of the confirmed deaths, 19 of 41, came between July 21 and 23, the hottest days of the "
            "event, when failing equipment left more than 63,000 Lakeshore Power & Light customers without electricity.\n")
    assert "63,000" not in flagged("facts.Figures", text, HEATWAVE)
    sources = write_sources(tmp_path, "The number of riders stranded by the outage peaked at 8,400.\n\n"
                                      "Heat left 3,150 riders on the medical-needs list without trains, the agency said.\n")
    assert flagged("facts.Figures", "Heat left more than 8,000 riders without trains.\n", sources) == []
    # Not a round figure of that count: the other count's business.
    assert flagged("facts.Figures", "Heat left more than 9,000 riders without trains.\n", sources) == ["9,000"]
