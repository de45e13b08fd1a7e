"""Claims false alarms (and one miss) of the seven stories written blind in session 9 (tests/eval:
zoo, fishery, cryptoexchange, concussion, ethics, outbreak, wolves), each fixed at its general
cause and tested on the story's own text and on invented text."""
from __future__ import annotations

import pytest

from people_lint import ROOT, lint

EVAL = ROOT / "tests" / "eval"
ZOO = (EVAL / "zoo" / "sources",)
ETHICS = (EVAL / "ethics" / "sources",)
CONCUSSION = (EVAL / "concussion" / "sources",)
FISHERY = (EVAL / "fishery" / "sources",)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


@pytest.fixture(scope="module")
def kiln(tmp_path_factory):
    """An invented source: a pottery's kiln fire, told in an interview and a meeting."""
    folder = tmp_path_factory.mktemp("kiln") / "sources"
    folder.mkdir()
    (folder / "01_notes.txt").write_text(
        "Interview with Oskar Belling, potter, at the Marrow Lane studio.\n\n"
        "BELLING: The flames came out of the kiln hatch. The back door of the studio was maybe six feet away and I got out through it into the alley.\n")
    (folder / "02_meeting.txt").write_text(
        "CLERK: Resolution 12, directing the town engineer to hire an outside fire inspector to review the Marrow Lane studio kiln permits, at a cost not to exceed twenty thousand dollars.\n")
    return (folder,)


# "ten feet away": "feet" is the plural the figure measures, not the adverb after it; the
# draft's "about 10 feet" is the source's figure, so it is no unsourced statistic.
def test_measured_distance_the_source_gives_is_not_unsourced():
    text = ("The tiger came at her from beside a row of feed bins, clawing and biting her left arm, shoulder and thigh. "
            "She made it about 10 feet to the commissary, shut herself inside its walk-in cooler and radioed for help.\n")
    assert flagged("sourcing.Unsourced", text, ZOO) == []


def test_irregular_plural_unit_of_an_invented_source(kiln):
    text = "Belling ran about 6 feet through the back door of the studio and got out into the alley.\n"
    assert flagged("sourcing.Unsourced", text, kiln) == []
    # (Without the sources it is still a qualified figure nobody gives.)
    assert flagged("sourcing.Unsourced", text) != []


# "roughly 21.6 million pounds" is a weight (or money), not "roughly 21.6" of "million"s: the
# cue takes the number and its scale whole, so a money word after them still rules it out.
def test_number_and_scale_are_not_split_before_a_money_word():
    text = ("The council set the 2026 commercial catch limit at 9,800 metric tons — roughly 21.6 million pounds — "
            "down from 14,200 metric tons this year.\n")
    assert flagged("sourcing.Unsourced", text, FISHERY) == []
    assert flagged("sourcing.Unsourced", "The mill shipped roughly 4.5 million pounds of flour.\n") == []
    assert flagged("sourcing.Unsourced", "The mill employs roughly 4.5 million workers.\n") != []
    assert flagged("sourcing.Unsourced", "The drought cost farmers roughly 4.5 million pounds a year.\n") != []


# "the second half of the next game" is a period of play, not a share of something.
def test_half_of_a_game_is_not_a_share():
    text = ("The message referred to Caleb Whitfield, a junior linebacker who had been diagnosed with a concussion after a Sept. 13 game "
            "against Pine Hollow High School. Whitfield played limited snaps in the second half of the next game, on Sept. 20, "
            "and was diagnosed with a second concussion on Oct. 4.\n")
    assert flagged("sourcing.Unsourced", text, CONCUSSION) == []
    assert flagged("sourcing.Unsourced", "The striker scored twice in the first half of the final.\n") == []
    assert flagged("sourcing.Unsourced", "Half of the county's nurses have left the profession.\n") != []


# "at a cost not to exceed forty thousand dollars": a cap (bound "less") on a cost, as the draft's
# "at a cost of up to $50,000" is; two caps agree only on their value.
def test_capped_cost_is_compared_with_the_sources_cap():
    text = ("In a second vote, 6-1, the council directed the city manager to hire an independent forensic auditor to review every payment "
            "made under the roughly $2 million Northside Street Resurfacing Project contract, at a cost of up to $50,000.\n")
    assert flagged("sourcing.Unsourced", text, ETHICS) == []
    assert "50,000" in flagged("facts.Figures", text, ETHICS)


def test_capped_cost_of_an_invented_source(kiln):
    wrong = "The town will hire an outside fire inspector to review the Marrow Lane studio kiln permits, at a cost of up to $25,000.\n"
    right = "The town will hire an outside fire inspector to review the Marrow Lane studio kiln permits, at a cost of up to $20,000.\n"
    assert "25,000" in flagged("facts.Figures", wrong, kiln)
    assert flagged("facts.Figures", right, kiln) == []
    assert flagged("sourcing.Unsourced", right, kiln) == []


CRYPTO = (EVAL / "cryptoexchange" / "sources",)


@pytest.fixture(scope="module")
def tenants(tmp_path_factory):
    """Invented sources: a reporter's notes of an interview that go on to a hearing, and the
    notes of a hallway after it."""
    folder = tmp_path_factory.mktemp("tenants") / "sources"
    folder.mkdir()
    (folder / "01_notes.txt").write_text(
        "REPORTER'S NOTES\n\n=== PART 1: Interview with Dana Okoro ===\n"
        "Dana Okoro, tenant organizer at the Brannock Towers. Okoro spoke on the record.\n\n"
        "Q: When did the heat go off?\n\nOKORO: In the first week of January, and nobody came for nine days.\n\n"
        "Q: What did the landlord say?\n\nOKORO: The super told me the boiler was \"fine for the whole winter.\" It was not fine.\n\n"
        "Q: What now?\n\nOKORO: We want the repairs in writing before anyone pays rent again.\n\n"
        "=== PART 2: Housing court ===\nJudge Ruth Anselm presiding.\n\n"
        "THE COURT: Every unit will have heat by Friday, and the landlord will file proof of it.\n\n"
        "IVO MAREK (lawyer for the tenants, Marek Lund): \"We are not asking this court for a rent strike.\"\n\n"
        "IVO MAREK: The tenants have waited long enough for the boiler to be fixed.\n\n"
        "Judge Ruth Anselm said she would hear the case again in March. Ivo Marek said he was pleased. "
        "Building manager Piet Hollis did not return calls.\n")
    return (folder,)


def _speakers(sources, words: str) -> set[str]:
    from people_lint import registry_of
    return {q.speaker for q in registry_of(tuple(sources)).quotes if words in q.text}


# "RENATA SZABO (lead attorney for the families, Szabo Lindqvist): "…"": the speaker is the name
# before the parenthesis, not its last words ("Szabo Lindqvist)").
def test_labelled_quotation_with_a_parenthesis_is_the_names():
    text = ("Renata Szabo, the lead attorney for the families, said they would ask for a trial in the spring of 2026.\n\n"
            "\"We're not asking anyone to cancel football,\" she said. \"We're asking the district to follow the rules it wrote.\"\n")
    assert flagged("facts.Attribution", text, CONCUSSION) == []
    assert _speakers(CONCUSSION, "cancel football") == {"Renata Szabo"}


def test_labelled_quotation_with_a_parenthesis_invented(tenants):
    assert _speakers(tenants, "rent strike") == {"Ivo Marek"}


# An interview's answers end where the notes go on to another speaker's turns ("THE COURT: …"):
# those are not the interviewee's words.
def test_interview_answers_stop_at_another_speakers_turn():
    text = ("Camille Dufresne, a lawyer for more than 3,000 customers, asked the judge to make sure records were preserved. "
            "Fairweather agreed. \"Mr. Lindqvist and Mr. Hale will preserve every message they sent, on every device they own. "
            "That is not a suggestion,\" the judge said.\n")
    assert flagged("facts.Attribution", text, CRYPTO) == []
    assert "Tessa Marchetti" not in _speakers(CRYPTO, "every device they own")


def test_interview_answers_stop_at_another_speakers_turn_invented(tenants):
    assert _speakers(tenants, "repairs in writing") == {"Dana Okoro"}
    assert "Dana Okoro" not in _speakers(tenants, "heat by Friday")
    assert "Dana Okoro" not in _speakers(tenants, "waited long enough")


# A source passage that quotes someone else ("The curator stated that keepers had been
# "jiggling it until it caught."") does not make those words its author's.
def test_words_a_source_quotes_are_not_its_authors():
    text = "Deputy Director Thomas Vandermeer told the federal inspector that keepers had been \"jiggling it until it caught.\"\n"
    assert flagged("facts.Attribution", text, ZOO) == []
    # (Words that are the report's own, given to someone else, still are.)
    other = "Thomas Vandermeer said the pin \"was worn by approximately 6 millimeters and did not engage the receiver.\"\n"
    assert flagged("facts.Attribution", other, ZOO) != []


def test_words_a_source_quotes_are_not_its_authors_invented(tenants):
    text = "Building manager Piet Hollis told tenants that the boiler was \"fine for the whole winter.\"\n"
    assert flagged("facts.Attribution", text, tenants) == []
    assert flagged("facts.Attribution", "\"We want the repairs in writing before anyone pays rent again,\" Ivo Marek said.\n", tenants) != []


# A person the draft describes ("X, a 29-year-old designer who said she had about $9,000 …") is
# the reporter's own interview even though the amount's comma cuts the description short: the
# quotation after it ('"…," she said') is not looked for in the sources.
def test_quotation_of_a_described_stranger_is_not_checked():
    text = ("Wendell Ashby said the company had not yet decided.\n\n"
            "Priya Natarajan, a 29-year-old graphic designer in Marlow Bay who said she had about $9,000 on the platform, described a "
            "group chat of former Kestrel users trading spreadsheets of what they had lost. \"Everyone in the chat is doing the same "
            "math right now, and nobody likes the answer,\" she said.\n")
    assert flagged("facts.Quotes", text, CRYPTO) == []


def test_quotation_of_a_described_stranger_invented(tenants):
    text = ("Ivo Marek said the tenants would appeal.\n\n"
            "Ilse Varga, a 41-year-old nurse who said she owed about $2,400 in back rent, waited in the lobby. "
            "\"Nobody has told us a thing about the deposit,\" she said.\n")
    assert flagged("facts.Quotes", text, tenants) == []
    # (The sources' own person's words are still looked for.)
    assert flagged("facts.Quotes", "\"Nobody came for twelve whole days,\" Okoro said.\n", tenants) != []


@pytest.fixture(scope="module")
def clinic(tmp_path_factory):
    """Invented sources: a clinic's staffing plan at a board meeting, and a ruling's appeal window."""
    folder = tmp_path_factory.mktemp("clinic") / "sources"
    folder.mkdir()
    (folder / "01_meeting.txt").write_text(
        "BOARD MEETING, ORRIN VALLEY CLINIC\n\n"
        "DIRECTOR HALE: Starting in March, there will be two nurses on every night shift. That means hiring four nurses, "
        "at a cost of ninety thousand dollars.\n\n"
        "CHAIR VOSS: Thank you. The board will vote next week. The Orrin Valley Clinic lost about 11 percent of its Medicaid "
        "patients this year.\n\n"
        "DIRECTOR HALE: One more thing. The clinic may appeal the state's ruling within 60 days of the order.\n")
    return (folder,)


# A source month that a date of the same draft sentence falls in is that date's.
def test_month_beside_a_date_of_the_sources_month():
    text = ("The appropriation approved Monday includes $420,000 for the locks and door work, $310,000 to repair a 22-foot stretch "
            "of perimeter fence that inspectors found had eroded to leave a gap of up to 11 inches beneath it, and $470,000 to hire "
            "six keepers through June so that two keepers work every big-cat shift beginning Oct. 1.\n")
    assert "June" not in flagged("facts.Figures", text, ZOO)


def test_month_beside_a_date_invented(clinic):
    text = "The plan includes $90,000 to hire four nurses through August so that two nurses work every night shift beginning March 1.\n"
    assert "August" not in flagged("facts.Figures", text, clinic)


# A span in another time unit and a hundredfold off is another span, not a slip.
def test_duration_of_another_unit_and_size_is_another_span():
    text = ("Alan Whitcombe, Harcourt's lawyer, used his three minutes to tell the council the mayor would seek judicial review "
            "of the commission's order.\n")
    assert flagged("facts.Figures", text, ETHICS) == []


def test_duration_of_another_unit_and_size_invented(clinic):
    assert flagged("facts.Figures", "Director Hale used his five minutes to say the clinic may appeal the state's ruling.\n", clinic) == []
    # (The same unit, another number, is still a wrong figure.)
    assert flagged("facts.Figures", "Director Hale said the clinic may appeal the state's ruling within 90 days of the order.\n", clinic) != []


def test_labelled_quotation_with_the_name_in_the_parenthesis(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "01.txt").write_text(
        "CITY COUNCIL MEETING\n\nTHE CHAIR (Ann Roe): \"We will now hear from the public on the budget.\"\n\n"
        "Ann Roe, the council chair, opened the meeting. Ben Tull, the clerk, read the agenda.\n\n"
        "MR. TULL: The first item is the budget.\n\nMR. TULL: The second item is the park.\n")
    from people_lint import registry_of
    facts = [q for q in registry_of((folder,)).quotes if "hear from the public" in q.text]
    assert [(q.speaker, q.speaker_text) for q in facts] == [("Ann Roe", "Ann Roe")]


# A bounded figure ("more than 90 percent") that a source line naming the same things gives
# within the bound's reach ("a loss of roughly 93 percent") is sourced, though the words around
# it differ.
def test_bounded_figure_a_source_line_gives_is_not_unsourced():
    assert flagged("sourcing.Unsourced", "Kestrel's token, KST, lost more than 90 percent of its value over the week.\n", CRYPTO) == []
    # (Not a value out of the bound's reach, nor a line about other things.)
    assert flagged("sourcing.Unsourced", "Kestrel's token, KST, lost more than 60 percent of its value over the week.\n", CRYPTO) != []


def test_bounded_figure_a_source_line_gives_invented(clinic):
    assert flagged("sourcing.Unsourced", "Orrin Valley's Medicaid rolls shrank by more than 10 percent.\n", clinic) == []
    assert flagged("sourcing.Unsourced", "Brisk Harbor lost more than 10 percent of its patients this year.\n", clinic) != []
