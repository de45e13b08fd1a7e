"""Titles of the stories written blind in session 7 (tests/eval: lottery, drought, minwage,
pension, factory, bribery), each fixed at its general cause and tested on the story's own text
and on invented text (the people tests are in test_check_dev8_people.py)."""
from __future__ import annotations

from people_lint import lint, write_sources
from test_check_dev8_people import EVAL, flagged

# -- titles: an organisation beside the name that the sources never write beside it ---------------
LOTTERY = (EVAL / "lottery" / "sources",)


def test_an_organisation_after_the_name_the_sources_never_give_the_person():
    # Notes: "Special Agent Lorraine Keefe, Minnesota Bureau of Criminal Apprehension".
    text = ("Special Agent Lorraine Keefe of the FBI, the lead case agent, said investigators have frozen "
            "approximately $1.3 million in accounts connected to the case.\n")
    assert flagged("facts.Titles", text, LOTTERY) == ["FBI"]
    text = ("Special Agent Lorraine Keefe of the Minnesota Bureau of Criminal Apprehension said investigators "
            "have frozen accounts.\n")
    assert flagged("facts.Titles", text, LOTTERY) == []


def test_an_organisation_in_the_title_or_the_appositive_the_sources_never_give_the_person():
    # "Ramsey County District Court, Judge Harriet Lindqvist"; "DR. ELLIOT BRANDVOLD (research
    # hydrologist, Southwest Water Resources Institute)"; "a labor economist who directs the Center
    # for Work and Wages at Lakeshore State University".
    text = "Hennepin County District Judge Harriet Lindqvist sustained the objection.\n"
    assert flagged("facts.Titles", text, LOTTERY) == ["Hennepin County District"]
    text = ("Dr. Elliot Brandvold, a hydrologist with the Office of the State Engineer, told the meeting that "
            "snowpack peaked at 41 percent of the median.\n")
    assert flagged("facts.Titles", text, (EVAL / "drought" / "sources",)) == ["Office of the State Engineer"]
    text = "Dr. Evelyn Marchetti, a labor economist at Brenton University, said studies give reason for hope.\n"
    assert flagged("facts.Titles", text, (EVAL / "minwage" / "sources",)) == ["Brenton University"]
    text = "Dr. Evelyn Marchetti, a labor economist at Lakeshore State University, said studies give reason for hope.\n"
    assert flagged("facts.Titles", text, (EVAL / "minwage" / "sources",)) == []


def test_invented_an_organisation_beside_the_name(tmp_path):
    sources = write_sources(tmp_path, "HARBOR BOARD HEARING, TRANSCRIPT\n\nCHAIR TOBIAH QUARRIE: Next speaker, please.\n\n"
                                 "DR. ODALYS BRENNEMAN (geologist, Harrow Survey Institute): Thank you. The silt has "
                                 "doubled since 2019.\n\nBrenneman said the dredging would start in May. Tobiah "
                                 "Quarrie, who sued the Gullmere Dredging Company in 2020, said he would watch the work.\n")
    text = "Odalys Brenneman, a geologist with the Coastal Research Institute, said the silt had doubled.\n"
    assert flagged("facts.Titles", text, sources) == ["Coastal Research Institute"]
    text = "Odalys Brenneman, a geologist at the Harrow Survey Institute, said the silt had doubled.\n"
    assert flagged("facts.Titles", text, sources) == []
    # What a person did to an organisation ("who sued") does not place them there.
    text = "Tobiah Quarrie, a boatbuilder with the Quay Workers Association, said he would watch.\n"
    assert flagged("facts.Titles", text, sources) == []


def test_a_retired_career_described_is_no_departure_from_the_sources_current_post():
    # "Its chair, Renata Castellanos, a retired state banking regulator, was appointed to the post".
    text = ("When the trial opened Monday, former commission chair Renata Castellanos was in the second row "
            "behind the prosecution table.\n")
    assert flagged("facts.Titles", text, LOTTERY) == ["former commission chair"]


def test_invented_a_retired_career_described(tmp_path):
    sources = write_sources(tmp_path, "Gullmere Harbor Board Chairman Tobiah Quarrie, a retired ferry captain, said the "
                                 "vote would wait. Quarrie said he would call a meeting.\n")
    text = "Former Gullmere Harbor Board Chairman Tobiah Quarrie said the vote would wait.\n"
    assert flagged("facts.Titles", text, sources) == ["Former Gullmere Harbor Board Chairman"]


def test_a_capitalised_role_of_a_unit_before_the_name_is_read_and_compared():
    # The sources: "Plant Manager Tomasz Nowicki" (twice); no other post.
    text = "Vice President of Operations Tomasz Nowicki told employees at shift meetings on Tuesday.\n"
    assert flagged("facts.Titles", text, (EVAL / "factory" / "sources",)) == ["Vice President of Operations"]
    text = "Plant Manager Tomasz Nowicki told employees at shift meetings on Tuesday.\n"
    assert flagged("facts.Titles", text, (EVAL / "factory" / "sources",)) == []


def test_invented_a_role_of_an_organisation_before_the_name_is_a_title():
    from newslint.document import parse_document
    from newslint.registry.mentions import MentionFinder

    document = parse_document("d.md", "Director of Public Works Odalys Brenneman closed the road.\n")
    mention = next(m for m in MentionFinder(document).names() if m.words[-1] == "Brenneman")
    assert mention.title is not None and mention.title.role == "director"
    assert mention.title.affiliation.startswith("Public")


def test_an_owner_is_a_post_a_vice_president_is_not():
    # The sources: "Dale Prentiss, the owner of Prentiss Paving & Excavation LLC".
    text = "Prentiss, the company's vice president, paid Hoskins $241,000.\n"
    assert flagged("facts.Titles", text, (EVAL / "bribery" / "sources",)) == ["the company's vice president"]
    text = "Prentiss, the company's owner, paid Hoskins $241,000.\n"
    assert flagged("facts.Titles", text, (EVAL / "bribery" / "sources",)) == []


def test_an_organisation_the_person_is_only_tied_to_is_no_affiliation():
    # "a graduate of X", "a former agent with X": no post there to compare.
    for text in ("Special Agent Lorraine Keefe, a graduate of the FBI Academy, said accounts were frozen.\n",
                 "Lorraine Keefe, a former analyst with the Federal Reserve Bank, said accounts were frozen.\n"):
        assert [f for f in lint("facts.Titles", text, LOTTERY) if "never at" in f.message] == []
