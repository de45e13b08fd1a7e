"""False alarms and misses found on the stories written blind in session 19, each fixed at its
form and tested on invented text."""
from __future__ import annotations

from people_lint import findings, write_sources

INSPECTIONS = ("# Inspection report\n\nTable 1. Homes inspected, by ward\n\n"
               "| Ward | Homes inspected | Homes failed | Worst reading (ppm) |\n|---|---|---|---|\n"
               "| North | 58 | 4 | 37 |\n| South | 37 | 6 | 22 |\n| **Total** | **95** | **10** | — |\n\n"
               "Another 26 homes in both wards had readings between 2 and 9 ppm.\n")


def test_a_column_of_a_noun_and_a_participle_counts_that_noun(tmp_path):
    sources = write_sources(tmp_path, INSPECTIONS, suffix=".md")
    # "Homes inspected" counts homes: South's 37 is not 73
    assert ("figure", "73") in findings("facts.Figures", "In the South ward, inspectors visited 73 homes.\n", sources)
    # The 37 under "Worst reading" or the 37 homes inspected in South is not the 26 homes
    # whose readings the text gives.
    assert ("figure", "37") in findings(
        "facts.Figures", "Filters went to the 37 homes inspected with readings between 2 and 9 ppm.\n", sources)
    assert findings("facts.Figures", "In the South ward, inspectors visited 37 homes.\n", sources) == []


def test_a_value_in_another_unit_does_not_vouch_for_a_count(tmp_path):
    # The draft's 410 is a reading in the sources, not a count of homes: the sources' count of
    # homes in that range is 260.
    report = ("| Ward | Worst reading (ppb) |\n|---|---|\n| North | 410 |\n| South | 220 |\n\n"
              "Another 260 homes had readings between 20 and 90 ppb.\n")
    sources = write_sources(tmp_path, report, suffix=".md")
    text = "Another 410 homes had readings between 20 and 90 ppb.\n"
    assert ("figure", "410") in findings("facts.Figures", text, sources)
