"""Titles and names the ransomware story (tests/eval/ransomware, now seen) showed we missed:
a compound C-suite title ("chief medical officer" was read as "chief"), a title before an
honorific ("the chief medical officer, Dr. X"), a one-holder office given to someone the
sources give another office at the same organisation, and a surname slip that keeps the
name's first letters with the same given name."""
from __future__ import annotations

from people_lint import ROOT, flagged, lint

STORY = (ROOT / "tests" / "eval" / "ransomware" / "sources",)


def test_former_before_a_sitting_compound_title_and_an_honorific_is_stale():
    text = "Lakeshore Meridian's former chief medical officer, Dr. Adaeze Nwosu, said clinicians adapted.\n"
    findings = lint("facts.Titles", text, STORY)
    assert flagged(findings) == ["former chief medical officer"]
    assert "chief medical officer, current" in findings[0].message


def test_the_compound_title_itself_passes_with_or_without_the_honorific():
    for text in ("Lakeshore Meridian's chief medical officer, Dr. Adaeze Nwosu, said clinicians adapted.\n",
                 "Dr. Adaeze Nwosu, the chief medical officer, said clinicians adapted.\n"):
        assert lint("facts.Titles", text, STORY) == []


def test_a_one_holder_office_for_the_organisations_well_attested_spokeswoman_is_flagged():
    text = "Lakeshore Meridian's chief financial officer, Noelle Bergstrom, said the system would not comment.\n"
    findings = lint("facts.Titles", text, STORY)
    assert flagged(findings) == ["Lakeshore Meridian's chief financial officer"]
    assert "spokeswoman" in findings[0].message and "3 mentions in 3 sources" in findings[0].message


def test_her_own_title_passes():
    text = "Lakeshore Meridian spokeswoman Noelle Bergstrom said the system would not comment.\n"
    assert lint("facts.Titles", text, STORY) == []


def test_a_surname_slip_keeping_its_first_letters_with_the_same_given_name_is_a_name_finding():
    text = "Gordon Treadway, a retired machinist, is asking a judge to let him sue.\n"
    findings = lint("facts.Names", text, STORY)
    assert flagged(findings) == ["Gordon Treadway"]
    assert "Gordon Treadwell" in findings[0].message


def test_a_surname_as_far_off_without_the_shared_start_or_the_same_given_name_passes():
    for text in ("Gordon Breadwal, a retired machinist, is asking a judge to let him sue.\n",
                 "Graham Treadway, a retired machinist, is asking a judge to let him sue.\n"):
        assert lint("facts.Names", text, STORY) == []


MINE = (ROOT / "tests" / "eval" / "minecollapse" / "sources",)


def test_the_general_manager_is_not_a_general():
    findings = lint("facts.Titles", "Luc Thibodeau, the mine's general manager, wiped his eyes.\n", MINE)
    assert findings == []


def test_an_office_whose_only_holder_the_sources_name_without_an_organisation_is_a_warning():
    text = "Luc Thibodeau, Northvale's chief operating officer, said the company owed the family an account.\n"
    findings = lint("facts.Titles", text, MINE)
    assert len(findings) == 1 and findings[0].severity == "warning"
    assert "chief operating officer as Priya Raghunathan" in findings[0].message
    assert lint("facts.Titles", text.replace("Luc Thibodeau", "Priya Raghunathan"), MINE) == []


BRIDGE = (ROOT / "tests" / "eval" / "bridge" / "sources",)


def test_a_rank_before_a_described_role_is_one_compound_title():
    text = "Gerald Haverkamp, a former ODOT bridge engineer, said the crack began at a weld.\n"
    findings = lint("facts.Titles", text, BRIDGE)
    assert flagged(findings) == ["former ODOT bridge engineer"]
    assert "chief bridge engineer, current" in findings[0].message
    assert lint("facts.Titles", text.replace("a former", "the chief"), BRIDGE) == []


def test_a_pronoun_after_a_compound_role_reference_still_points_to_its_holder():
    text = ("Gerald Haverkamp, the chief bridge engineer for ODOT's District 10, said the crack measured "
            "about 7 inches.\n\n\"It was still growing when we measured it a second time,\" she said.\n")
    assert flagged(lint("facts.Pronouns", text, BRIDGE)) == ["she"]


def test_another_given_name_with_the_same_surname_and_the_same_title_is_a_name_slip():
    text = ("Janet Prescott, the Federal Highway Administration's Ohio division administrator, said federal "
            "money could cover up to 80 percent of that bill.\n")
    findings = lint("facts.Names", text, BRIDGE)
    assert flagged(findings) == ["Janet Prescott"] and "Janelle Prescott" in findings[0].message


def test_another_given_name_with_the_same_surname_and_no_shared_title_passes():
    text = "Janet Prescott, a retired teacher who lives near the bridge, said the detour was long.\n"
    assert lint("facts.Names", text, BRIDGE) == []


def test_an_unrelated_given_name_with_the_same_surname_and_title_is_someone_else():
    text = ("Margaret Prescott, the Federal Highway Administration's Ohio division administrator, said federal "
            "money could cover up to 80 percent of that bill.\n")
    assert lint("facts.Names", text, BRIDGE) == []


def test_former_before_a_portfolio_the_sources_never_name_as_an_organisation_is_a_warning():
    text = "Former Mines Minister Daniel Kowalczyk toured the site on Wednesday.\n"
    findings = lint("facts.Titles", text, MINE)
    assert flagged(findings) == ["Former Mines Minister"] and findings[0].severity == "warning"
    assert "Ontario minister, current" in findings[0].message


def test_former_before_an_organisation_the_sources_know_for_another_person_is_left_alone():
    # Northvale is an organisation of the sources: "former Northvale minister" is not a portfolio.
    text = "Former Northvale Minister Daniel Kowalczyk toured the site on Wednesday.\n"
    assert lint("facts.Titles", text, MINE) == []


def test_another_role_at_an_organisation_the_sources_name_for_someone_placed_elsewhere():
    text = ("Priyanka Deshmukh, a researcher at Halvorsen Digital Forensics who tracks GlassWren, said "
            "third-party access had figured in several attacks.\n")
    findings = lint("facts.Titles", text, STORY)
    assert flagged(findings) == ["a researcher at Halvorsen Digital Forensics"]
    assert "Sentinel Harbor Research lead (2 mentions in 2 sources)" in findings[0].message
    assert lint("facts.Titles", text.replace("Halvorsen Digital Forensics", "Sentinel Harbor Research"), STORY) == []


def test_another_role_at_an_organisation_the_sources_never_name_passes():
    text = "Priyanka Deshmukh, a researcher at Whitby Analytics, said third-party access had figured in attacks.\n"
    assert lint("facts.Titles", text, STORY) == []
