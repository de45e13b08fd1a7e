"""facts.Titles: stale status, another office or organisation, another holder of an office."""
from __future__ import annotations

from people_lint import SEEDS, STORY, flagged, lint

SEEDS_002 = sorted(SEEDS.glob("002_*"))[0]
OTHER_SEEDS = tuple(p for p in sorted(SEEDS.glob("*.txt")) if p != SEEDS_002)


def titles(text, sources=(SEEDS,)):
    return lint("facts.Titles", text, sources)


def test_former_before_a_sitting_president():
    findings = titles("Former President Donald Trump said the United States would act alone.\n")
    assert flagged(findings) == ["Former President"]
    finding = findings[0]
    assert finding.category == "title"
    assert "Donald Trump" in finding.message and "current" in finding.message and "'former' in 1" in finding.message
    assert finding.fix.replacement == "President" and not finding.fix.safe
    assert finding.evidence


def test_ex_and_late_are_stale_too():
    assert flagged(titles("Ex-President Trump spoke.\n")) == ["Ex-President"]
    assert flagged(titles("The late Mexican President Claudia Sheinbaum spoke.\n")) == ["late Mexican President"]


def test_leave_one_out_finds_former_president_in_002():
    text = SEEDS_002.read_text(encoding="utf-8")
    findings = lint("facts.Titles", text, OTHER_SEEDS, name=str(SEEDS_002))
    assert flagged(findings) == ["former President"]


def test_title_of_another_organisation():
    findings = titles("Pentagon spokeswoman Anna Kelly said the border was secure.\n")
    assert flagged(findings) == ["Pentagon spokeswoman"]
    assert "White House spokeswoman" in findings[0].message


def test_another_holder_of_an_office():
    findings = titles("Mexican President Lucia Ortega spoke on Saturday.\n")
    assert flagged(findings) == ["Mexican President Lucia Ortega"]
    assert "Claudia Sheinbaum" in findings[0].message
    # a known person named as holder of another's office
    findings = titles("Mexican President Donald Trump spoke.\n")
    assert flagged(findings) == ["Mexican President Donald Trump"]
    assert "Claudia Sheinbaum" in findings[0].message


def test_right_titles_and_new_people_pass():
    text = ("U.S. President Donald Trump called Mexican President Claudia Sheinbaum. "
            "White House spokesperson Anna Kelly and James Hewitt, a spokesman for the National Security "
            "Council, commented. The Mexican leader, Claudia Sheinbaum, refused. "
            "Canadian Prime Minister Mark Lee and Mayor Sam Ortiz were not involved.\n")
    assert titles(text) == []


def test_council_story_slips_and_clean_draft():
    sources = (STORY / "sources",)
    slips = lint("facts.Titles", (STORY / "drafts" / "slips.md").read_text(), sources)
    assert flagged(slips) == ["Former Mayor", "City Hall spokesman", "Riverton Mayor"]
    assert "former" in slips[2].message
    assert lint("facts.Titles", (STORY / "drafts" / "clean.md").read_text(), sources) == []


def test_curated_dates_decide_at_the_draft_date(tmp_path):
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "entities:\n"
        "  - name: Helen Marsh\n"
        "    titles:\n"
        "      - {role: mayor, affiliation: Riverton, start: 2022-01-03, end: 2026-01-05}\n")
    from newslint.engine.config import Config
    from newslint.engine.linter import Linter, Options
    from people_lint import ROOT
    linter = Linter(Config(root=ROOT), Options(sources=[STORY / "sources"], facts=[facts], select=["facts.Titles"]))
    before = "---\ndate: 2025-06-01\n---\n\nFormer Mayor Helen Marsh spoke.\n"
    after = "---\ndate: 2026-06-01\n---\n\nFormer Mayor Helen Marsh spoke.\n"
    current_after = "---\ndate: 2026-06-01\n---\n\nRiverton Mayor Helen Marsh spoke.\n"
    assert flagged(linter.lint_text("a.md", before).findings) == ["Former Mayor"]
    assert linter.lint_text("b.md", after).findings == []
    assert flagged(linter.lint_text("c.md", current_after).findings) == ["Riverton Mayor"]


def test_party_and_another_one_holder_office(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Rep. Carl Dunmore, a Vermont Republican, asked for a hearing.\n\n"
        "Lakeside Water chief executive Ruth Abara said repairs would start soon. Abara said the board agreed.\n")
    (tmp_path / "b.txt").write_text("Lakeside Water chief executive Ruth Abara said the pipes were old.\n")
    sources = (tmp_path,)
    assert flagged(lint("facts.Titles", "Dunmore, a Vermont Democrat, spoke.\n", sources)) == ["a Vermont Democrat"]
    assert lint("facts.Titles", "Carl Dunmore, a Vermont Republican, spoke.\n", sources) == []
    findings = lint("facts.Titles", "Lakeside Water's chief financial officer, Ruth Abara, spoke.\n", sources)
    assert len(findings) == 1 and "chief executive" in findings[0].message
