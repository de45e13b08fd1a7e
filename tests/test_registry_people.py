"""The people registry built from real sources: the seeds, and a council story of our own."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry.store import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COUNCIL = ROOT / "tests" / "stories" / "council" / "sources"


def registry_of(*sources: Path):
    registry, notes = build(list(sources), [], get_plugins().fact_extractors())
    assert notes == []
    return registry


@pytest.fixture(scope="module")
def seeds():
    return registry_of(SEEDS)


@pytest.fixture(scope="module")
def council():
    return registry_of(COUNCIL)


def test_sheinbaum_is_canonical_with_the_slip_a_known_wrong_variant(seeds):
    person = seeds.find("Claudia Sheinbaum")
    assert person is not None and person.canonical == "Claudia Sheinbaum"
    wrong = {v.form: v for v in person.wrong_variants()}
    assert list(wrong) == ["Gloria Sheibaum"]
    assert [(m.source.rsplit("/", 1)[-1][:3], m.line) for m in wrong["Gloria Sheibaum"].mentions] == [("001", 1)]
    assert len(person.sources) == 5
    assert seeds.find("Gloria Sheibaum") is None  # a wrong form is not a right name
    assert any(c.topic == "name of Claudia Sheinbaum" for c in seeds.conflicts)


def test_trump_is_current_president_with_former_a_minority(seeds):
    person = seeds.person_by_name("Trump")
    assert person.canonical == "Donald Trump"
    president = [t for t in person.titles if t.role == "president"]
    assert len(president) == 1
    title = president[0]
    assert title.status == "current"
    assert title.affiliation == "United States"
    assert len(title.status_against) == 1 and "former President" in title.status_against[0].text
    assert title.support > 5 * len(title.status_against)


def test_kelly_is_a_female_white_house_spokeswoman(seeds):
    person = seeds.find("Anna Kelly")
    assert person.gender == "female"
    (title,) = person.titles
    assert (title.role, title.family, title.affiliation, title.status) == ("spokeswoman", "spokesperson", "White House", "current")


def test_hewitt_is_a_male_national_security_council_spokesman(seeds):
    person = seeds.find("James Hewitt")
    assert person.gender == "male"
    (title,) = person.titles
    assert title.role == "spokesman"
    assert "National Security Council" in title.affiliation


def test_genders_come_from_the_sources(seeds):
    assert seeds.find("Claudia Sheinbaum").gender == "female"
    assert seeds.find("Donald Trump").gender == "male"


def test_later_references_by_surname_and_role_are_the_same_person(seeds):
    assert seeds.person_by_name("Sheinbaum").canonical == "Claudia Sheinbaum"
    assert seeds.person_by_name("the Mexican president").canonical == "Claudia Sheinbaum"
    assert seeds.person_by_name("Mexican President Claudia Sheinbaum").canonical == "Claudia Sheinbaum"
    assert seeds.person_by_name("the president") is None  # two presidents: ambiguous


def test_only_evidenced_names_become_people(seeds):
    people = {p.canonical for p in seeds.people}
    assert people == {"Donald Trump", "Claudia Sheinbaum", "Anna Kelly", "James Hewitt"}


def test_organisations_and_their_aliases(seeds):
    journal = seeds.find("the Wall Street Journal")
    assert journal is not None and journal.kind == "organisation"
    assert journal is seeds.find("Wall Street Journal")
    council = seeds.find("NSC")
    assert council is not None and council.canonical == "National Security Council"
    assert seeds.find("Mexico") is None or seeds.find("Mexico").kind != "person"


def test_council_story_people_titles_and_genders(council):
    marsh = council.find("Helen Marsh")
    assert marsh.gender == "female"
    assert [v.form for v in marsh.wrong_variants()] == ["Helen March"]
    assert [(t.role, t.affiliation, t.status) for t in marsh.titles] == [("mayor", "Riverton", "current")]
    okafor = council.person_by_name("Okafor")
    assert okafor.canonical == "David Okafor" and okafor.gender == "male"
    assert okafor.titles[0].role == "councilman"
    lindqvist = council.find("Maria Lindqvist")
    assert lindqvist.gender == "female"
    assert lindqvist.titles[0].role == "president"
    bellamy = council.find("Frank Bellamy")
    assert bellamy.titles[0].status == "former"
    reyes = council.find("Tom Reyes")
    assert [t.affiliation for t in reyes.titles] == ["Riverton Transit Authority"]  # "RTA" is its alias
    assert council.find("RTA").canonical == "Riverton Transit Authority"
    assert council.person_by_name("the mayor").canonical == "Helen Marsh"


def test_capitalised_words_without_evidence_are_not_people(council):
    people = {p.canonical for p in council.people}
    assert people == {"Helen Marsh", "David Okafor", "Maria Lindqvist", "Tom Reyes", "Frank Bellamy"}


def test_appositive_forms_and_second_titles(tmp_path):
    (tmp_path / "a.txt").write_text(
        "A spokeswoman for Lakeside Water Board, Nadia Petrov, said the pipes were old.\n\n"
        "Rep. Carl Dunmore, a Vermont Republican, asked for a hearing. Dunmore said he was angry.\n\n"
        "Oskar Lind, chair of the Lakeside Anglers' Club, said members were worried. Lind said he fished daily.\n\n"
        "Their lawyer, Mira Okonjo of the firm Okonjo & Bell, said a suit was likely. Okonjo said she would file it.\n\n"
        "Tessa Grant, the board's director of operations, said repairs would take a year.\n")
    registry = registry_of(tmp_path)
    petrov = registry.find("Nadia Petrov")
    assert [(t.role, t.affiliation) for t in petrov.titles] == [("spokeswoman", "Lakeside Water Board")]
    assert petrov.gender == "female"
    dunmore = registry.find("Carl Dunmore")
    assert {(t.role, t.affiliation) for t in dunmore.titles} == {("rep.", ""), ("republican", "Vermont")}
    assert registry.find("Oskar Lind").titles[0].role == "chair"
    assert registry.find("Mira Okonjo").titles[0].role == "lawyer"
    grant = registry.find("Tessa Grant")
    assert grant.titles[0].role == "director" and grant.titles[0].affiliation == "operations"
