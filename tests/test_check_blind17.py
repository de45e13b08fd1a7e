"""False alarms and misses found on the stories written blind in session 17 and on earlier
sets' leftovers, each fixed at its form and tested on invented text."""
from __future__ import annotations

from people_lint import findings, write_sources

ARTICLE = ("THE ELM FALLS LEDGER\n"
           "Thursday, May 7, 2026\n\n"
           "Judge weighs pause in river camp clearing\n\n"
           "By Ada Quist, Ledger staff\n\n"
           "ELM FALLS — The Elm Falls Tenants Union filed suit in federal court at 3:10 p.m. Wednesday, "
           "arguing that the city was about to destroy people's property without notice.\n")

CAPTION = ("UNITED STATES DISTRICT COURT\n"
           "ELM FALLS DIVISION\n\n"
           "ELM FALLS TENANTS UNION, et al.,\n"
           "        Plaintiffs,\n"
           "v.                                  Case No. 2:26-cv-00412\n"
           "CITY OF ELM FALLS,\n"
           "        Defendant.\n\n"
           "TRANSCRIPT OF HEARING ON MOTION FOR TEMPORARY RESTRAINING ORDER\n"
           "Thursday, May 7, 2026, 2:00 p.m., Courtroom 4\n\n"
           "THE COURT: Mr. Abernathy, how many beds were open?\n\n"
           "ABERNATHY: Forty, Your Honor, and none for couples.\n")


def test_a_court_captions_dated_line_dates_the_hearing(tmp_path):
    sources = write_sources(tmp_path, ARTICLE, CAPTION)
    draft = "---\ntitle: Camp\ndate: 2026-05-08\n---\n\nIn federal court Thursday, the city's lawyer said 40 beds were open.\n"
    assert findings("facts.Figures", draft, sources) == []


CONTRACT = ("ELM FALLS — The contract pays Ridgeway Medical a base of $1.4 million a year, plus $2,000 for "
            "each overflow autopsy, up to $300,000.\n\n"
            "\"We can have two doctors working in your building by June,\" said Lena Voss, Ridgeway's chief "
            "executive.\n\n"
            "Last year the office's three doctors performed 1,204 autopsies, up from 910, and the backlog grew.\n")


def test_a_small_count_the_sources_give_in_the_drafts_words(tmp_path):
    sources = write_sources(tmp_path, CONTRACT)
    text = ("Under the contract, Ridgeway will be paid a base of $1.4 million a year for its two doctors, plus $2,000 for each "
            "overflow autopsy, up to $300,000 a year.\n")
    assert findings("facts.Figures", text, sources) == []
    # another value of the office's own doctors, in the sentence that gives it, is still a slip
    assert ("figure", "two") in findings(
        "facts.Figures", "Last year the office's two doctors performed 1,204 autopsies, up from 910.\n", sources)


REPORT = ("## 3. Patients by location\n\n"
          "| Location | Patients |\n|---|---|\n| Mile 10 | 80 |\n| Finish | 132 |\n| **Total** | **212** |\n\n"
          "## 4. Diagnoses\n\n"
          "| Diagnosis | Patients |\n|---|---|\n"
          "| Exertional heat stroke (core temperature 104°F or higher) | 17 |\n| Heat exhaustion | 120 |\n"
          "| Cramping | 75 |\n")


def test_a_tables_total_is_given_though_a_row_shares_the_sentence(tmp_path):
    sources = write_sources(tmp_path, REPORT, suffix=".md")
    # (the part is a slip the figure check leaves to its reader: 17 in the sources)
    assert findings("facts.Figures", "Of the 212 patients, 71 were diagnosed with exertional heat stroke, the most dangerous heat illness.\n", sources) == []
