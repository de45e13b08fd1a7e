"""People (attribution, quotes, titles) of the stories written blind in session 11 (tests/eval:
avalanche, nursinghome, dispatch, frost, rentals, rideshare), each fixed at a form and tested on
a story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"
FROST = (EVAL / "frost" / "sources",)
AVALANCHE = (EVAL / "avalanche" / "sources",)
NURSINGHOME = (EVAL / "nursinghome" / "sources",)
DAM = (EVAL / "dam" / "sources",)
RENTALS = (EVAL / "rentals" / "sources",)
RIDESHARE = (EVAL / "rideshare" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- a notebook's speaker tag by given name ("Ann: '…'") is the draft's Ann Roe -----------------
def test_a_given_name_speaker_tag_is_the_person_of_that_name():
    text = ('"Next year\'s buds look good. That\'s the only good news I\'ve got," said Kyle Hutchins, 34, '
            "who runs the farm's spray program.\n")
    assert flagged("facts.Attribution", text, FROST) == []
    # (another given name of the family is still someone else)
    text = '"Next year\'s buds look good. That\'s the only good news I\'ve got," said Dale Hutchins.\n'
    assert flagged("facts.Attribution", text, FROST) == ["Dale Hutchins"]


def test_invented_given_name_tags(tmp_path):
    sources = write_sources(tmp_path, "NOTES, bakery visit\n\nPEOPLE\n- Ann Roe, 61, owner.\n- Tom Roe, 30, "
                            "her son, runs the ovens.\n\n- Ann: \"We have baked bread on this corner for forty "
                            "years.\"\n- Tom: \"The new oven pays for itself in a winter.\"\n")
    text = '"We have baked bread on this corner for forty years," said Ann Roe.\n'
    assert flagged("facts.Attribution", text, sources) == []
    text = 'Ann Roe opened the shop in 1985. "We have baked bread on this corner for forty years," Roe said.\n'
    assert flagged("facts.Attribution", text, sources) == []
    text = '"We have baked bread on this corner for forty years," said Tom Roe.\n'
    assert flagged("facts.Attribution", text, sources) == ["Tom Roe"]


# -- '"…," he said' given to someone else: the words and the pronoun, named ----------------------
def test_a_pronouns_misattribution_points_at_the_words_and_names_the_person():
    text = ('Deputy Commissioner Samuel Okafor spoke first. Okafor also urged growers not to abandon damaged '
            'blocks. "The trees are alive. The wood is fine," he said.\n')
    found = lint("facts.Attribution", text, FROST)
    assert [f.text for f in found] == ['The trees are alive. The wood is fine," he']
    assert "not Samuel Okafor (\u201che\u201d)" in found[0].message


# -- '"…," Ann Roe, 27, a welder at the plant, said': an age before the description ---------------
def test_an_age_and_a_description_after_the_quotations_speaker():
    text = ('"We probed that entire debris field twice," Whitlock said. "We are confident there is no one else '
            'under that snow."\n\n'
            '"It sounded like a freight train, and then the whole slope just let go above us," Devin Ashworth, '
            '27, a snowboarder who was riding a chairlift above the run, told the Intermountain Press.\n')
    assert flagged("facts.Attribution", text, AVALANCHE) == ["Whitlock"]  # (that one is Castellanos's)


def test_invented_age_appositive(tmp_path):
    sources = write_sources(tmp_path, '"The roof came down in one piece," Tom Poe said.\n\n'
                            '"We heard it from the street," Ann Roe said.\n')
    text = ('"The roof came down in one piece," Tom Poe said.\n\n"We heard it from the street," Ann Roe, 41, '
            'a baker who lives across the road, told reporters.\n')
    assert flagged("facts.Attribution", text, sources) == []
    text = ('"We heard it from the street," Tom Poe, 41, a baker who lives across the road, told reporters.\n')
    assert flagged("facts.Attribution", text, sources) == ["Tom Poe"]


# -- a reporter's own interview: a described stranger, then "she said" -----------------------------
def test_a_pronoun_after_a_described_stranger_is_not_looked_up():
    text = ('"I\'ll look at her bill. But if the department can\'t act faster than four months when people are '
            'getting hurt, a bond isn\'t going to fix that," Baptiste said after the hearing.\n\n'
            "Rosalind Keane, who leads a caregivers' support group in Port Calloway, watched from the gallery. "
            '"Half the families in my group have someone in a home like Briarwood. They all went home today '
            'wondering if theirs is next," she said.\n')
    assert flagged("facts.Quotes", text, NURSINGHOME) == []


def test_invented_stranger_then_pronoun(tmp_path):
    sources = write_sources(tmp_path, "Mayor Ann Roe said the pool would close. \"We cannot pay for it,\" Roe "
                            "said. She said the council would vote in May.\n")
    text = ('Mayor Ann Roe said the pool would close.\n\nLena Voss, who has swum there since 1990, watched from '
            'the bleachers. "Nobody asked the people who use it every morning," she said.\n')
    assert flagged("facts.Quotes", text, sources) == []
    # The mayor's own words, misquoted, are still looked up.
    text = 'Mayor Ann Roe said the pool would close. "We cannot afford it any longer," she said.\n'
    assert flagged("facts.Quotes", text, sources) != []


def test_a_near_surname_with_another_given_name_is_someone_else():
    text = ("On Main Street in Millbrook, Luis Ferreira kept his hardware store open until noon Tuesday. "
            '"I\'ve never seen Main Street empty on a weekday. Not once," Ferreira said in an interview.\n')
    assert flagged("facts.Quotes", text, DAM) == []


# -- titles ------------------------------------------------------------------------------------------
def test_an_appositives_organisation_stops_at_the_paragraph():
    text = ('"The cold air pooled in the low ground," said Priya Venkataraman, a tree fruit specialist with '
            "State University Extension.\n\nVenkataraman said growers should keep up disease control.\n")
    assert flagged("facts.Titles", text, FROST) == []


def test_invented_organisation_before_a_paragraph_break(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, a hydrologist with the Acme Water Institute, said the river "
                            "would crest Friday.\n")
    text = "Ann Roe, a hydrologist with the Acme Water Institute.\n\nRoe said the river would crest Friday.\n"
    assert flagged("facts.Titles", text, sources) == []
    text = "Ann Roe, a hydrologist with the Elmwood Survey Office.\n\nRoe said the river would crest Friday.\n"
    assert flagged("facts.Titles", text, sources) != []


def test_a_post_of_an_organisations_board():
    text = ("Lorna Haddix, president of the Port Ardell Vacation Rental Owners Association's board, has rented "
            "a studio since 2017.\n")
    assert flagged("facts.Titles", text, RENTALS) == []


def test_a_lawyer_of_a_client_the_sources_name_beside_them():
    text = "Grant Holloway, Zipwell's lead trial lawyer, told jurors the company could not be blamed.\n"
    assert flagged("facts.Titles", text, RIDESHARE) == []


def test_invented_lawyer_and_client(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, the Elmwood lawyer who represented Acme Freight at trial, said "
                            "the company would appeal.\n\nRoe said the verdict was wrong.\n")
    text = "Ann Roe, Acme Freight's lawyer, said the company would appeal.\n"
    assert flagged("facts.Titles", text, sources) == []
    # An organisation the sources never write beside her is still another post.
    text = "Ann Roe, Birchwood Mills' lawyer, said the company would appeal.\n"
    assert flagged("facts.Titles", text, sources) != []


# -- "Councilmembers Ann Roe, Tom Poe and …": a one-word plural role heads a list of names --------
DISPATCH = (EVAL / "dispatch" / "sources",)


def test_a_plural_role_before_a_list_is_no_part_of_the_first_name():
    text = ("Councilmember Theo Lindquist, who chairs the public safety committee, then moved to pay for an "
            "independent audit.\n")
    assert flagged("facts.Names", text, DISPATCH) == ["Theo Lindquist"]


def test_invented_plural_role_list(tmp_path):
    sources = write_sources(tmp_path, "Present: Mayor Ann Roe; Commissioners Tomas Okonkwo, Lena Varga and "
                            "Ruth Abernathy.\n\nThe motion carried.\n")
    assert flagged("facts.Names", "Commissioner Tomas Okonkwo voted no.\n", sources) == []
    assert flagged("facts.Names", "Commissioner Tomas Okonkow voted no.\n", sources) == ["Tomas Okonkow"]


# -- how the sources refer to a person: a rank written out, a place after a preposition -----------
def test_the_sheriffs_pronoun_from_a_briefing_and_a_wire_story():
    text = ('"This was a worst-case day on a mountain that a lot of us grew up skiing," Sheriff Dana Whitlock told '
            "reporters Sunday. Whitlock, a former Kestrel Peak ski patroller, said the victims had done nothing to "
            'bring the slide on themselves. "Nobody out there was doing anything reckless," he said.\n')
    assert flagged("facts.Pronouns", text, AVALANCHE) == ["he"]


def test_invented_rank_written_out_before_a_name(tmp_path):
    # The turn's "He" is the sergeant's, not the speaker's.
    sources = write_sources(tmp_path, "ROE: Good morning. I'm Ann Roe, the county's fire chief. Sergeant Tomas "
                            "Varga will take you through the rescue. He ran the scene for us.\n\n"
                            "VARGA: Thank you. We reached the house at 4:10.\n\nTomas Varga, a 20-year veteran "
                            "of the department, said the roof had collapsed.\n")
    found = lint("facts.Pronouns", "Fire Chief Ann Roe said the crews did well, and she thanked them.\n", sources)
    assert [f.text for f in found] == []
    found = lint("facts.Pronouns", "Tomas Varga said the crews did well, and she thanked them.\n", sources)
    assert [f.text for f in found] == ["she"]


def test_invented_place_after_a_preposition_is_not_described(tmp_path):
    sources = write_sources(tmp_path, "We also have Ann Roe from Birch Summit, who will talk about what her team "
                            "did.\n\nSheriff Lena Varga, who worked as a guide at Birch Summit before she was "
                            "elected, spoke first.\n")
    found = lint("facts.Pronouns", "Sheriff Lena Varga spoke first, and he thanked the searchers.\n", sources)
    assert [f.text for f in found] == ["he"]


# -- an organisation's name with a possessive, misspelt ("St. Brendon's" for St. Brendan's) --------
def test_a_misspelt_organisation_with_possessives():
    text = ("The girl was taken to St. Brendon's Children's Hospital, where she died in the pediatric intensive "
            "care unit.\n")
    assert flagged("facts.Names", text, RIDESHARE) == ["Brendon's Children's Hospital"]
    text = "The girl was taken to St. Brendan's Children's Hospital.\n"
    assert flagged("facts.Names", text, RIDESHARE) == []


def test_invented_misspelt_organisation_with_a_possessive(tmp_path):
    sources = write_sources(tmp_path, "The patients were moved to St. Aldric's Medical Center on Tuesday, "
                            "officials at St. Aldric's Medical Center said.\n")
    assert flagged("facts.Names", "They were moved to St. Aldrich's Medical Center.\n", sources) \
        == ["Aldrich's Medical Center"]
    assert flagged("facts.Names", "They were moved to St. Aldric's Medical Center.\n", sources) == []


def test_invented_short_given_name_with_the_same_office_is_one_person(tmp_path):
    from people_lint import registry_of

    sources = write_sources(tmp_path, "SPEAKERS: SGT. THOMAS VARGA, president, Elmwood Police Lodge 9\n\n"
                            "VARGA: Good morning. I'm Sergeant Tom Varga, president of Lodge 9. We are tired.\n\n"
                            "Tom Hale, a farmer, said the road flooded. Judge Thomas Hale said it was worse.\n")
    people = sorted(p.canonical for p in registry_of(sources).people)
    assert [p for p in people if "Varga" in p] == ["Thomas Varga"]
    assert [p for p in people if "Hale" in p] == ["Thomas Hale", "Tom Hale"]  # (another office: two people)


# -- a quotation that continues an uncertain '"…," he said' is as uncertain -------------------------
def test_a_continuation_of_an_uncertain_pronoun_is_not_a_named_speaker(tmp_path):
    sources = write_sources(tmp_path, "Coroner Tom Poe said the cause was asphyxia.\n\nSheriff Ann Roe said she "
                            "had spoken with both families. \"We are confident there is no one else under that "
                            "snow,\" Roe said.\n")
    text = ("Coroner Tom Poe said the cause was asphyxia.\n\nSheriff Ann Roe, a former patroller, said the "
            'victims did nothing wrong. "Nobody out there was reckless," he said. "We are confident there is no '
            'one else under that snow."\n')
    assert flagged("facts.Attribution", text, sources) == []
    # Named, the continuation is still checked.
    text = ('Coroner Tom Poe said the cause was asphyxia. "Nobody out there was reckless," Poe said. "We are '
            'confident there is no one else under that snow."\n')
    assert flagged("facts.Attribution", text, sources) != []
