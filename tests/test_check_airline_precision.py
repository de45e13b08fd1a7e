"""False alarms the blind airline story (tests/eval/airline; blind on this branch: recall 0.75,
precision 0.72) showed, each from a general cause. Now seen."""
from __future__ import annotations

from people_lint import ROOT, lint

from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources

AIRLINE = (ROOT / "tests" / "eval" / "airline" / "sources",)


def test_a_company_before_a_clause_with_a_role_is_no_person():
    # "Leila Haddad, chief operating officer of Corvina, will become senior vice president …"
    plugins = get_plugins()
    registry = build_registry(read_sources(list(AIRLINE), plugins.parsers()), plugins.fact_extractors())
    corvina = registry.find("Corvina")
    assert corvina is None or corvina.kind != "person"


def test_a_quotation_after_a_strangers_attributed_one_in_the_paragraph_is_not_checked():
    text = ('Fernando Apodaca, who runs a travel agency in Santa Fe, said his clients wanted to know about '
            'their tickets. "I tell them the planes are still flying and the points are still good," he said '
            'in an interview. "Past that, nobody knows."\n')
    assert lint("facts.Quotes", text, AIRLINE) == []


def test_a_misspelt_organisation_in_a_title_is_one_name_finding():
    text = ("Priya Raghunathan, an airline analyst at Whitefield Crane Securities, read the schedule as a win "
            "for the airlines.\n")
    findings = lint("facts.Titles", text, AIRLINE) + lint("facts.Names", text, AIRLINE)
    assert [(f.category, f.text) for f in findings] == [("name", "Whitefield Crane Securities")]


def test_a_since_year_is_not_compared_with_another_events_year():
    text = "Matsuda, who has run Corvina since 2014, will give up his management role when the deal closes.\n"
    assert lint("facts.Figures", text, AIRLINE) == []


def test_a_total_is_not_compared_with_one_of_its_parts():
    text = "The combined carrier would fly about 270 planes and employ roughly 18,000 people.\n"
    assert [f for f in lint("facts.Figures", text, AIRLINE) if "270" in f.text] == []


def test_a_pronoun_opening_a_reported_clause_may_be_the_person_named_before():
    text = ("Corvina's chief operating officer, Leila Haddad, will lead the integration. Kenji Matsuda said she "
            "has run the airline's daily operation for six years.\n")
    assert lint("facts.Pronouns", text, AIRLINE) == []
    # As the speaker of a quotation, the pronoun is still checked against the nearest person.
    text = ('Leila Haddad will lead the integration. "We will keep every station open," Kenji Matsuda said. '
            '"Nobody will lose a job," she added.\n')
    findings = lint("facts.Pronouns", text, AIRLINE)
    assert [f.text for f in findings] == ["she"] and "Kenji Matsuda" in findings[0].message


def test_a_speaking_surname_that_keeps_a_known_ones_first_letters_is_a_slip():
    text = "In an interview, Matsuoka said Corvina had been a good airline.\n"
    findings = lint("facts.Names", text, AIRLINE)
    assert [f.text for f in findings] == ["Matsuoka"] and "Kenji Matsuda" in findings[0].message


def test_a_person_on_a_fact_sheets_list_line_is_known_and_the_same_role_ties_a_slip():
    # "- **Judge:** U.S. District Judge Adriana Kowalczyk" is a list line, not a headline.
    text = "U.S. District Judge Adriana Kowalski moved the case quickly.\n"
    findings = lint("facts.Names", text, AIRLINE)
    assert [f.text for f in findings] == ["Adriana Kowalski"] and "Adriana Kowalczyk" in findings[0].message
    assert lint("facts.Names", text.replace("Kowalski", "Kowalczyk"), AIRLINE) == []


RIVERSPILL = (ROOT / "tests" / "eval" / "riverspill" / "sources",)


def test_a_pronoun_quotation_after_a_stranger_introduced_in_the_paragraph_before_is_not_checked():
    text = ("Theo Lindahl-Osei, a maintenance technician who has worked at the plant for 11 years, said in an "
            "interview that his co-workers were worried.\n\n"
            '"Everybody I work with lives on this river," he said. "Nobody out there wanted this."\n')
    assert lint("facts.Quotes", text, RIVERSPILL) == []


def test_employees_workers_and_people_employed_are_one_unit():
    # The sources: Corvina "employs about 3,900 people" / "Its approximately 3,900 employees".
    text = "Corvina flies 58 Airbus jets to 47 cities and has about 4,900 employees of its own.\n"
    assert [f.text for f in lint("facts.Figures", text, AIRLINE)] == ["4,900"]
    text = "Corvina flies 58 Airbus jets to 47 cities and has about 3,900 employees of its own.\n"
    assert lint("facts.Figures", text, AIRLINE) == []


def test_a_passive_speech_verb_with_no_agent_attributes_nothing():
    text = ("Palisade has quietly cut about a fifth of its own Albuquerque departures since the deal was "
            "announced in February.\n")
    assert [f.category for f in lint("sourcing.Unsourced", text, AIRLINE)] == ["unsourced"]
    text = ("Palisade has cut about a fifth of its own Albuquerque departures, the company announced in "
            "February.\n")
    assert lint("sourcing.Unsourced", text, AIRLINE) == []
