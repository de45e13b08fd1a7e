"""Misses and false alarms found on the stories written blind in session 20, each fixed at its
form and tested on invented text."""
from __future__ import annotations

from people_lint import findings, registry_of, write_sources

ARTICLE = ("Irene Vask, the county's district attorney, said she would appeal.\n\n"
           "Otto Brill, the department's senior building inspector, signed the permit. Brill said he "
           "found no cracks. The shelter's head librarian, Mina Sorel, said she agreed.\n\n"
           "Lena Farr, the Guild's board chair, said she would ask for a vote. Farr has chaired the "
           "board since 2021.\n")


def test_a_rank_before_a_deputy_is_still_a_deputy(tmp_path):
    sources = write_sources(tmp_path, ARTICLE)
    text = "Chief Deputy District Attorney Irene Vask said she would appeal.\n"
    assert ("title", "Chief Deputy District Attorney") in findings("facts.Titles", text, sources)


def test_the_same_office_at_another_rank(tmp_path):
    sources = write_sources(tmp_path, ARTICLE)
    assert ("title", "the department's chief building inspector") in findings(
        "facts.Titles", "Otto Brill, the department's chief building inspector, signed the permit.\n", sources)
    # "head" and "chief" name the same rank
    assert findings("facts.Titles", "Mina Sorel, the shelter's chief librarian, agreed.\n", sources) == []


def test_a_status_before_an_organisation_and_its_board(tmp_path):
    sources = write_sources(tmp_path, ARTICLE)
    text = "Former Guild board chair Lena Farr said she would ask for a vote.\n"
    assert ("title", "Former Guild board chair") in findings("facts.Titles", text, sources)


def test_a_notes_heading_with_an_honorific_names_someone(tmp_path):
    notes = ("REPORTER'S NOTES\n\n-- Phone, Dr. Ines Marlow, 2:10 p.m.:\n"
             "   Professor of hydrology, Tallis State University. Former engineer with the State Water "
             "Board (2004-2012). Uses they/them.\n"
             "   \"The model leaves out half the wells.\"\n")
    sources = write_sources(tmp_path, notes)
    assert registry_of(sources).find("Ines Marlow") is not None
    text = "Ines Marlow, a hydrology professor, said he doubts the model.\n"
    assert ("pronoun", "he") in findings("facts.Pronouns", text, sources)


def test_an_office_given_by_its_initials_after_the_role(tmp_path):
    notes = "-- Phone, Tom Verrall, deputy chief PD, 3:15 p.m.:\n   He said the office took 11 new cases.\n"
    person = registry_of(write_sources(tmp_path, notes)).find("Tom Verrall")
    assert person is not None and [t.role for t in person.titles] == ["deputy chief"]
    # A grade's numeral is no organisation: "Environmental Chemist II"
    report = "Principal analyst: Ada Quist, Environmental Chemist II\n\nQuist ran the samples.\n"
    person = registry_of(write_sources(tmp_path, report, folder="report", suffix=".md")).find("Ada Quist")
    assert all("II" not in t.affiliation.split() for t in person.titles)


def test_a_declaration_in_a_speaker_turn_is_not_the_line_befores(tmp_path):
    transcript = ("CLUB MEETING\n\nCHAIR: Thank you, Ms. Okoro. River Antell.\n\n"
                  "ANTELL: I'm River Antell, treasurer of the club. I use they/them. We asked twice.\n\n"
                  "OKORO: She told us the books were closed. I asked her again in May.\n")
    article = "Dana Okoro, a member of the club, said she had asked for the books twice.\n"
    person = registry_of(write_sources(tmp_path, transcript, article)).find("Dana Okoro")
    assert person.gender == "female"


def test_a_pronoun_before_the_subject_it_points_to(tmp_path):
    sources = write_sources(tmp_path, "Public Works Director Lena Farr said she accepts the audit.\n")
    text = ("Public Works Director Lena Farr agreed with seven of the audit's eight findings. In his written "
            "reply, Farr said the department erred, and she said bills now need an inspector's sign-off.\n")
    assert ("pronoun", "his") in findings("facts.Pronouns", text, sources)


def test_united_states_and_us_are_one_affiliation(tmp_path):
    caption = "IN RE ELM MARKETS\n\nBEFORE THE HONORABLE ANN ROE, UNITED STATES BANKRUPTCY JUDGE\n\nTHE COURT: Be seated.\n"
    article = "Judge Ann Roe set the hearing for Monday. Roe said she would rule quickly.\n"
    sources = write_sources(tmp_path, caption, article)
    assert findings("facts.Titles", "U.S. Bankruptcy Judge Ann Roe approved the loan.\n", sources) == []
