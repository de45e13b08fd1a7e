"""The shipped newsroom pack on real text: silent on clean AP-style copy, and what it says
about the seed articles (precision: an editor abandons a noisy tool)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options

REPO = Path(__file__).resolve().parent.parent

CLEAN_STORIES = {
    "council.md": '---\ntitle: Springfield council delays budget vote after marathon session\ndate: 2024-10-03\n---\n\n# Springfield council delays budget vote after marathon session\n\nSPRINGFIELD, Ill. (AP) — The Springfield City Council voted 7-2 early Thursday to delay the city\'s budget for two weeks, after more than 300 residents packed City Hall for a hearing that ran past midnight.\n\nMayor Ana Ruiz said the delay would give the council time to review a $4.2 million shortfall. "We are not going to rush this," Ruiz said. "It is OK to take our time."\n\nThe council\'s finance chair, Tom Hale, said revenue fell 3 percent in the fiscal year that ended June 30, and the city expects to spend $12 million on roads over the next five years.\n\nHale, 54, said the 1990s-era water plant needs repairs. The plant serves about 115,000 people in the U.S. state\'s capital.\n\nFormer Mayor Li Wei, who led the city from 2011 to 2019, said the council should have acted in January. "The writing was on the wall," she said.\n\nThe vote is now set for Oct. 17 at 6 p.m. The council will meet again on Tuesday, and a public comment period opens Nov. 1.\n\nRuiz, a Democrat, told reporters the city will not raise property taxes. Gov. Sam Ortiz\'s office did not respond to a request for comment on Wednesday.\n\nAbout 40 percent of the budget goes to police and fire, according to city records. Officials say nine of the 11 departments asked for more money; two asked for less.\n',
    "transfer.md": '---\ntitle: Harbor City signs striker in record transfer\ndate: 2025-08-14\n---\n\n# Harbor City signs striker in record transfer\n\nLONDON (AP) — Harbor City signed Brazilian striker Mateus Alves on Thursday for a club-record fee of about $62 million, ending a monthlong pursuit that began in June.\n\nAlves, 24, agreed to a five-year contract, the club said in a statement. He scored 21 goals in 34 games last season and joins a team that finished 3 points behind the champions.\n\n"This is a dream for me and my family," Alves said at a news conference. "I have wanted to play here since I was 8 years old."\n\nClub Chairman Peter Okafor said the deal was "the most important signing in a decade." Okafor, who has led the club since 2019, declined to give the exact fee.\n\nThe transfer was approved by the league on Aug. 12 after a medical exam in Manchester. The striker\'s former club, Porto Verde, will receive 10 percent of any future sale, according to two people familiar with the terms who spoke on condition of anonymity because they were not authorized to discuss them.\n\nManager Sofia Lindqvist called Alves "a complete forward" and said he could play as soon as Saturday, when Harbor City hosts Eastbridge at 3 p.m. The match was moved from Sunday at the request of police.\n\nTicket sales rose 15 percent in the 24 hours after the announcement, the club said. More than 40,000 fans are expected, and the stadium holds 52,000.\n\nIn the 1990s, the club paid a then-record 4 million pounds for a forward who scored only twice. Lindqvist said the club had learned from that episode.\n\nThe Premier League transfer window closes Sept. 1 at 11 p.m. British time. City also hopes to sign a defender before then, Okafor said, and is in talks with two clubs in Spain and one in Italy.\n\nThe club\'s president, Dana Whitfield, said the board had voted 6-1 to approve the fee. Whitfield, a former U.S. Treasury official, joined the board in March.\n\n"We did our homework," she said. "Over the past three years we have built a squad that can compete."\n',
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(Config(root=REPO), Options(select=["newsroom"]))


@pytest.mark.parametrize("name", sorted(CLEAN_STORIES))
def test_clean_ap_copy_gets_no_findings(linter, name):
    report = linter.lint_text(name, CLEAN_STORIES[name])
    assert [(f.rule, f.text) for f in report.findings] == []
    assert report.notes == []


def test_house_style_slips_are_caught_with_fixes(linter):
    text = CLEAN_STORIES["council.md"].replace("40 percent", "40%").replace(
        "Oct. 17 at 6 p.m.", "October 17th at 6PM").replace("Mayor Ana Ruiz said", "mayor Ana Ruiz stated")
    found = {(f.rule, f.text, f.fix.replacement if f.fix else None) for f in linter.lint_text("c.md", text).findings}
    assert found == {
        ("newsroom.Percent", "40%", "40 percent"),
        ("newsroom.DateOrdinals", "October 17th", "October 17"),
        ("newsroom.Time", "6PM", "6 p.m."),
        ("newsroom.TitlesBeforeName", "mayor", "Mayor"),
        ("newsroom.Said", "stated", "said"),
    }


def test_what_the_pack_says_about_the_seeds(linter):
    findings = [f for path in sorted((REPO / "seeds").glob("*.txt"))
                for f in linter.lint_text(str(path), path.read_text(encoding="utf-8")).findings]
    counts = Counter(f.rule for f in findings)
    # The seeds are wire copy: the pack only questions "stated"/"remarked", "US", long
    # sentences and a parenthetical abbreviation, each a real AP point.
    assert set(counts) <= {"newsroom.Said", "newsroom.US", "newsroom.SentenceLength",
                           "newsroom.ParentheticalAbbreviations"}
    assert {f.text for f in findings if f.rule == "newsroom.Said"} <= {"stated", "remarked"}
    assert counts["newsroom.Said"] >= 5 and counts["newsroom.US"] == 2
    assert all(f.severity == "suggestion" for f in findings if f.rule != "newsroom.US")
