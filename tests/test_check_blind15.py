"""False alarms and misses found on the six stories written blind in session 15 (tests/eval:
tornado, teacherstrike, casino, algae, ambulance, pipeline) and on the registries of the
session-14 stories, each fixed at its form and tested on invented text."""
from __future__ import annotations

from people_lint import findings, registry_of, write_sources


def people_of(sources) -> set[str]:
    return {e.canonical for e in registry_of(sources).entities if e.kind == "person"}


def test_titles_ranks_places_and_firms_are_not_people(tmp_path):
    sources = write_sources(tmp_path, (
        "ELMWOOD — Ann Roe, president and Chief Executive Officer of Marlin Pumps, said on Monday that the "
        "plant would close. Lt. Cmdr. Tom Poe, the harbor's commander, said he agreed. Petty Officer Second "
        "Class Lena Ibsen said she saw the fire first.\n\n"
        "Several residents of Quill Hollow said the water had smelled for weeks. Dana Fisk, of Quill Hollow, "
        "said she had called twice.\n\n"
        "Roe's lawyer, Carl Mott of Vance & Mott LLP, said Roe would appeal. Fisk said Verde Campo has "
        "400 members. The Verde Campo Growers Alliance called for an inquiry, and Verde Campo said it "
        "would meet in May.\n"))
    people = people_of(sources)
    assert {"Ann Roe", "Tom Poe", "Lena Ibsen", "Dana Fisk", "Carl Mott"} <= people
    # a title with no name after it, a rank between two stops, a rating's class, a place whose
    # residents speak, a law firm's partner names, an organisation's short name
    assert not people & {"Executive Officer", "Cmdr", "Class Lena Ibsen", "Quill Hollow", "Vance", "Verde Campo"}, people


ARTICLE = ("ELMWOOD — The Elmwood Town Council voted on Wednesday to hire Quarry Engineering for the study. "
           "Ann Roe, the town's water superintendent, said the Elmwood Water Department would keep the intake "
           "closed. Tom Poe, president of the Elmwood Growers Association, said farms were not to blame. "
           "Elmwood Power Company crews restored service on Tuesday.\n\n"
           "ROE: The county wants us under 1.0 µg/L for 14 straight days before we open it.\n\n"
           "MAYOR LUND: All in favor? Opposed? The motion carries, three to one, Council member Poe opposed.\n\n"
           "MAYOR LUND: All in favor? That carries four to nothing.\n\n"
           "ROE: We will sample from April through September and report in the fall, probably November.\n\n"
           "Roe, who was elected town auditor in 2022, said her office began the audit in February after "
           "residents complained.\n")


def test_a_misnamed_body_keeps_its_name_and_changes_its_kind(tmp_path):
    sources = write_sources(tmp_path, ARTICLE)
    text = ("\"Fixing it is not easy,\" said Poe, whose Elmwood Growers Alliance wants a cost-share program. "
            "The Elmwood Water Authority kept the intake closed. Elmwood Power crews worked through the night.\n")
    found = findings("facts.Names", text, sources)
    assert found == [("name", "Elmwood Growers Alliance"), ("name", "Elmwood Water Authority")], found
    # (and the title check leaves the reworded employer to facts.Names)
    text = "Superintendent Ann Roe of the Elmwood Water Authority closed the intake.\n"
    assert findings("facts.Titles", text, sources) == []


def test_votes_written_in_words_and_a_vote_one_voter_off(tmp_path):
    sources = write_sources(tmp_path, ARTICLE)
    # the second vote, written "four to nothing", is a vote the sources give
    assert findings("facts.Figures", "In a second vote, 4-0, the council asked the mayor to write to the state.\n",
                    sources) == []
    # a lone dissent kept, a voter added: the first vote misremembered
    found = findings("facts.Figures", "The council voted 4-1 on Wednesday to pay for the study.\n", sources)
    assert found == [("figure", "4-1")], found


def test_a_period_the_sources_give_and_a_unit_written_short(tmp_path):
    sources = write_sources(tmp_path, ARTICLE)
    text = ("Roe, whose office will audit the April-through-September period and report in November, "
            "said the work would go on. The intake will stay shut until the water tests below 1.0 microgram "
            "per liter for 14 straight days.\n")
    assert findings("facts.Figures", text, sources) == []


def test_a_members_title_raised_to_the_bodys_officer(tmp_path):
    sources = write_sources(tmp_path, (
        "ELMWOOD — Council member Tom Poe, whose ward covers the east side, said the repairs would take a year. "
        "Council President Ann Roe said the council would meet again on Monday. Board member Lena Ibsen said "
        "the report was preliminary.\n"))
    text = ("Council President Tom Poe said the repairs would take a year. Board Chairman Lena Ibsen said the "
            "report was preliminary. Council President Ann Roe called the next meeting.\n")
    found = findings("facts.Titles", text, sources)
    # (Poe: the council's president is someone else; Ibsen: a member only, no officer named)
    assert [(c, t.split(" Tom")[0]) for c, t in found] == [("title", "Council President"), ("title", "Board Chairman")], found


def test_people_introduced_in_a_notes_header_with_a_bracketed_role(tmp_path):
    notes = ("REPORTER'S NOTES\n\n"
             "-- Lena Ibsen-Moss (Local 12 president, a paramedic), phone, 1:15 p.m.:\n"
             "   Uses they/them. \"We lost 24 people in six months.\"\n\n"
             "-- Text, Kit Varga (Eastgate Middle counselor, bargaining team), 12:40 p.m.:\n"
             "   \"Twelve counselors won't fix everything.\"\n\n"
             "-- ANN ROE, shelter manager, Elm Relief (volunteer, retired nurse)\n"
             "   Her team registered 121 people.\n\n"
             "On the 2021 memo by Tom Poe (Acme's safety manager at the time; he left the company in 2022).\n")
    registry = registry_of(write_sources(tmp_path, notes))
    people = {e.canonical: e for e in registry.entities if e.kind == "person"}
    assert {"Lena Ibsen-Moss", "Kit Varga", "Ann Roe", "Tom Poe"} <= set(people), sorted(people)
    assert "Elm Relief" not in people  # (a name after a comma, in another's appositive)
    assert people["Lena Ibsen-Moss"].gender == "they"
    # a title held "at the time" is no vote for a current one
    assert people["Tom Poe"].titles[0].status_against == [] and not any(
        p.status == "current" for m in _mentions(notes) if m.words == ["Tom", "Poe"] for p in m.titles)


def _mentions(text: str):
    from newslint.document.parse import parse_document
    from newslint.registry.mentions import MentionFinder

    return MentionFinder(parse_document("notes.txt", text)).names()
