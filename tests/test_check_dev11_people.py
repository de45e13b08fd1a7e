"""People (titles, names, pronouns) of the stories written blind in session 10 (tests/eval: dam,
charter, foodbank, newspaper, patent, unionvote ...), each fixed at a cause seen in at least two
stories by different writers, and tested on a story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"
FOODBANK = (EVAL / "foodbank" / "sources",)
CHARTER = (EVAL / "charter" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- "the Elmwood Democrat": a party member's place is no employer --------------------------------
def test_a_party_members_place_is_not_an_organisation(tmp_path):
    sources = write_sources(tmp_path, "State Sen. Odalys Prewitt, a Democrat who chairs the Senate Rules "
                            "Committee, said the bill would get a hearing.\n\nPrewitt said she expected a vote "
                            "in June.\n")
    assert flagged("facts.Titles", "Sen. Odalys Prewitt, the Elmwood Democrat, backed the bill.\n", sources) == []
    # An organisation in the appositive is still compared.
    text = "Sen. Odalys Prewitt, a lawyer at the Elmwood Legal Aid Society, backed the bill.\n"
    assert flagged("facts.Titles", text, sources) == ["Elmwood Legal Aid Society"]


# -- "X, the <Place> Democrat who chairs the <Committee>": a title, then a verb's office --------
def test_a_verb_office_after_a_described_title_is_read():
    text = ("State Sen. Thomas Riordan, the Millbrook Democrat who chairs the Senate Finance Committee, "
            "asked for the audit last year.\n")
    assert flagged("facts.Titles", text, FOODBANK) == ["Senate Finance Committee"]
    # The committee the sources give him: no finding.
    text = ("State Sen. Thomas Riordan, the Millbrook Democrat who chairs the Senate Health and Human "
            "Services Committee, asked for the audit last year.\n")
    assert flagged("facts.Titles", text, FOODBANK) == []


def test_invented_verb_office_after_a_described_title(tmp_path):
    sources = write_sources(tmp_path, "State Sen. Odalys Prewitt, a Democrat who chairs the Senate Rules "
                            "Committee, said the bill would get a hearing.\n\nPrewitt said she expected a vote "
                            "in June.\n")
    # (The source's own "a Democrat who chairs the X Committee" gives her that office.)
    text = "Sen. Odalys Prewitt, the Elmwood Democrat who chairs the Senate Finance Committee, backed the bill.\n"
    found = lint("facts.Titles", text, sources)
    assert [f.text for f in found] == ["who chairs the Senate Finance Committee"]
    assert "Senate Rules Committee" in found[0].message
    text = "Sen. Odalys Prewitt, the Elmwood Democrat who chairs the Senate Rules Committee, backed the bill.\n"
    assert flagged("facts.Titles", text, sources) == []
    # The clause after a name in the appositive is that person's ("an aide to Sen. Y who chairs").
    text = "Tomas Reyes, an aide to Sen. Odalys Prewitt who chairs the Senate Finance Committee, backed the bill.\n"
    assert "Senate Finance Committee" not in flagged("facts.Titles", text, sources)


# -- the one holder of a body's office: "the commission's chair" is no committee's chair ---------
def test_a_committee_chair_is_not_the_sole_chair_of_a_commission():
    # The sources' one chair is "the commission's chair" (a label's "CHAIR" elsewhere).
    text = ("At the Capitol, Sen. Ruth Halvorsen, a Marlow Falls Democrat who chairs the Senate Education "
            "Committee, said she is filing Senate Bill 318.\n")
    assert flagged("facts.Titles", text, CHARTER) == []


def test_invented_body_of_a_sole_holder(tmp_path):
    sources = write_sources(tmp_path, '"We will vote in May," said Ines Marchetti, the commission\'s chair.\n\n'
                            "MARCHETTI - CHAIR: The meeting is open.\n\nSen. Tomas Reyes said he had read the plan.\n")
    text = "Sen. Tomas Reyes, who chairs the Senate Rules Committee, said he had read the plan.\n"
    assert flagged("facts.Titles", text, sources) == []
    # The commission's own chair given to another person is still flagged.
    text = "Sen. Tomas Reyes, who chairs the commission, said he had read the plan.\n"
    assert flagged("facts.Titles", text, sources) != []


# -- a list's dash label: "ANN ROE - spokeswoman, Acme Water District" places the person -------
def test_a_dash_label_places_the_person_at_its_organisation():
    # "SEN. RUTH HALVORSEN - D-Marlow Falls; chair, Senate Education Committee (...)".
    text = ("At the Capitol, Sen. Ruth Halvorsen, a Marlow Falls Democrat who chairs the Senate Finance "
            "Committee, said she is filing Senate Bill 318.\n")
    found = lint("facts.Titles", text, CHARTER)
    assert [f.text for f in found] == ["Senate Finance Committee"]
    assert "Senate Education Committee" in found[0].message


def test_invented_dash_label(tmp_path):
    # (A reporter's notes: a label's line, then notes on what the person said.)
    sources = write_sources(tmp_path, "ANN ROE - spokeswoman, Acme Water District. Phone, May 2.\n\n"
                            "- Lines to be flushed Monday.\n\nROE: \"We will flush the lines on Monday.\"\n\n"
                            "TOM POE - resident. In person, May 2.\n")
    text = "Ann Roe, a lawyer at the Brixton Legal Aid Society, said the lines would be flushed.\n"
    assert flagged("facts.Titles", text, sources) == ["Brixton Legal Aid Society"]
    text = "Ann Roe, a spokeswoman for the Acme Water District, said the lines would be flushed.\n"
    assert flagged("facts.Titles", text, sources) == []
    # Not a label: a dash inside a sentence after the name.
    sources = write_sources(tmp_path, "Yesterday Ann Roe - tired, Acme Water District staff said - spoke.\n\n"
                            "Ann Roe said the district will flush the lines on Monday.\n", folder="prose")
    text = "Ann Roe, a lawyer at the Brixton Legal Aid Society, said the lines would be flushed.\n"
    assert flagged("facts.Titles", text, sources) == []


# -- a described reference right after a name is that person ("Ann Roe, an attorney with X") -----
def test_a_reference_in_the_appositive_is_the_named_person(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, a lawyer at Acme Lane LLP, said she would appeal.\n\n"
                            "Roe said her client was innocent.\n")
    text = "Ann Roe, an attorney with Acme Lane, said he would appeal.\n"
    assert flagged("facts.Pronouns", text, sources) == ["he"]


# -- "partner" is a post at a firm; "the Elmwood firm Acme & Lane" names the firm, not the town ---
LOTTERY = (EVAL / "lottery" / "sources",)
REDISTRICTING = (EVAL / "redistricting" / "sources",)
ETHICS = (EVAL / "ethics" / "sources",)


def test_a_partner_at_another_firm():
    text = ("Dr. Tobias Hale, a partner at Lumenar Gaming Systems, testified that the drawing software "
            "had been altered.\n")
    assert flagged("facts.Titles", text, LOTTERY) == ["a partner at Lumenar Gaming Systems"]
    text = ("Dr. Tobias Hale, a partner at Kestrel Forensic Accounting, testified that the drawing software "
            "had been altered.\n")
    assert flagged("facts.Titles", text, LOTTERY) == []


def test_a_place_before_the_kind_of_firm_is_not_the_firm():
    # Sources: "a partner at the Louisville firm Brandt & Sokol LLP"; "Alan J. Whitcombe, a partner at ...".
    text = "Marcus Tillery, the Brandt & Sokol partner who argued the case, said the data were clear.\n"
    assert flagged("facts.Titles", text, REDISTRICTING) == []
    text = ("Harcourt's lawyer, Alan J. Whitcombe of the Carlow firm Whitcombe & Strand, said the mayor would "
            "seek judicial review.\n")
    assert flagged("facts.Titles", text, ETHICS) == []


def test_invented_partner(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, a partner at the Elmwood firm Acme & Lane LLP, said the "
                            "appeal was ready.\n\nRoe said it would be filed in May.\n")
    assert flagged("facts.Titles", "Ann Roe, a partner at Brixton Audit Group, said so.\n", sources) \
        == ["a partner at Brixton Audit Group"]
    assert flagged("facts.Titles", "Ann Roe, an Acme & Lane partner, said so.\n", sources) == []
    assert flagged("facts.Titles", "Ann Roe of the Elmwood firm Acme & Lane said so.\n", sources) == []
# -- "Acme's senior vice president and general counsel": both posts are the person's -----------
PATENT = (EVAL / "patent" / "sources",)


def test_two_posts_joined_by_and_are_both_read():
    text = ("Naomi Feldstein, Corvane's general counsel, said the company would ask the court to treble "
            "the damages.\n")
    assert flagged("facts.Titles", text, PATENT) == []


def test_invented_two_posts(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, Acme's senior vice president and general counsel, said the "
                            "company would appeal.\n\nTom Poe, a teacher and coach at Elm High School, said "
                            "he was glad.\n\nRoe said the appeal would be filed in May.\n")
    assert flagged("facts.Titles", "Ann Roe, Acme's general counsel, said it would appeal.\n", sources) == []
    assert flagged("facts.Titles", "Ann Roe, Acme's senior vice president, said it would appeal.\n", sources) == []
    assert flagged("facts.Titles", "Ann Roe, Acme's chief financial officer, said it would appeal.\n", sources) != []
    # An occupation and a post: not two posts of one organisation.
    from people_lint import registry_of
    poe = next(p for p in registry_of(sources).people if p.canonical == "Tom Poe")
    assert [t.role for t in poe.titles] == ["teacher"]


