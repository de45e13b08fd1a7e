"""People (names, titles, pronouns) of the stories written blind in session 8 (tests/eval:
redistricting, avianflu, doping, launch, bankfailure, schoolbus ...), each fixed at its general
cause and tested on the story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, registry_of, write_sources

EVAL = ROOT / "tests" / "eval"
REDISTRICTING = (EVAL / "redistricting" / "sources",)
DOPING = (EVAL / "doping" / "sources",)
AVIANFLU = (EVAL / "avianflu" / "sources",)
LAUNCH = (EVAL / "launch" / "sources",)
BANKFAILURE = (EVAL / "bankfailure" / "sources",)
SCHOOLBUS = (EVAL / "schoolbus" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]



def _person(sources, surname: str):
    return next(p for p in registry_of(sources).people if p.canonical.split()[-1] == surname)


# -- a legislature's leaders: speaker, majority and minority (floor) leaders --------------------
def test_a_chambers_leaders_are_offices_of_that_chamber():
    text = ("House Majority Leader Gerald Ashby, a Bowling Green Republican, said in a written statement that "
            "lawmakers were disappointed.\n")
    assert flagged("facts.Titles", text, REDISTRICTING) == ["House Majority Leader"]
    text = "Senate President Harlan Mott, an Elizabethtown Republican, said he had spoken with the governor.\n"
    assert flagged("facts.Titles", text, REDISTRICTING) == ["Senate President"]
    # "the House Democratic leader" for the House minority leader is the same office, reworded.
    text = "Danielle Fenwick, the House Democratic leader, said her caucus would offer its own map.\n"
    assert flagged("facts.Titles", text, REDISTRICTING) == []
    assert _person(REDISTRICTING, "Ashby").canonical == "Gerald Ashby"


def test_invented_a_chambers_leaders(tmp_path):
    sources = write_sources(tmp_path, "Assembly Speaker Rosalind Vantreese, a Republican from Orland, said the bill "
                                 "would pass. Assembly Minority Leader Tobias Quillfeather said it would not.\n\n"
                                 "Vantreese said the vote would come Friday. Assembly Speaker Rosalind Vantreese "
                                 "later confirmed the date.\n")
    text = "Assembly Majority Leader Rosalind Vantreese said the vote would come Friday.\n"
    assert flagged("facts.Titles", text, sources) == ["Assembly Majority Leader"]
    text = "Assembly Speaker Rosalind Vantreese said the vote would come Friday.\n"
    assert flagged("facts.Titles", text, sources) == []


# -- "X, President of Y, said:" before a statement's quotation is no headline ------------------
def test_a_statement_line_ending_in_said_colon_names_its_speaker():
    text = 'Former federation president Martin Roddy said the board had approved the policy unanimously.\n'
    assert flagged("facts.Titles", text, DOPING) == ["Former federation president"]
    roddy = _person(DOPING, "Roddy")
    assert roddy.canonical == "Martin Roddy" and [t.role for t in roddy.titles] == ["president"]


def test_invented_a_statement_line_ending_in_said_colon(tmp_path):
    sources = write_sources(tmp_path, "The association met on Monday.\n\n"
                                 "Ione Castellucci, President of the Harbourside Rowing Association, said:\n\n"
                                 '"We will race again in the spring."\n')
    text = "Former association president Ione Castellucci said the club would race again.\n"
    assert flagged("facts.Titles", text, sources) == ["Former association president"]


# -- a dotted abbreviation ("U.S.") does not end an appositive; an acronym spells its initials --
def test_an_acronym_of_the_sources_organisation_is_that_organisation():
    # The sources: "an area epidemiologist with the U.S. Department of Agriculture's Animal and
    # Plant Health Inspection Service" (the affiliation was cut to "U" at the first stop).
    text = ("Federal investigators are examining the farms, according to Dr. Samuel Okafor, a USDA "
            "epidemiologist who is leading the tracing work in the county.\n")
    assert flagged("facts.Titles", text, AVIANFLU) == []
    okafor = _person(AVIANFLU, "Okafor")
    assert okafor.titles[0].affiliation.startswith("U.S. Department of Agriculture")


def test_invented_an_acronym_and_a_dotted_abbreviation(tmp_path):
    sources = write_sources(tmp_path, "Dr. Wenonah Pilcher, a hydrologist with the U.S. Geological Survey's Water "
                                 "Resources Mission Area, said the river would crest on Friday.\n")
    assert flagged("facts.Titles", "Dr. Wenonah Pilcher, a USGS hydrologist, said the river would crest.\n",
                   sources) == []
    assert flagged("facts.Titles", "Dr. Wenonah Pilcher, a hydrologist with the National Weather Service, "
                                   "said the river would crest.\n", sources) != []


# -- every subordinate rank dropped: "Administrator" for a deputy associate administrator --------
def test_a_title_without_all_of_its_subordinate_ranks():
    text = ("FAA Administrator Anita Sandoval said in a notice that the vehicle would remain grounded.\n")
    assert flagged("facts.Titles", text, LAUNCH) == ["FAA Administrator"]


def test_invented_a_title_without_two_ranks(tmp_path):
    sources = write_sources(tmp_path, "Ottoline Wexcombe, the agency's deputy assistant commissioner for ports, said "
                                 "the inspections would resume.\n")
    assert flagged("facts.Titles", "Commissioner Ottoline Wexcombe said the inspections would resume.\n",
                   sources) == ["Commissioner"]
    assert flagged("facts.Titles", "Deputy Assistant Commissioner Ottoline Wexcombe said the inspections "
                                   "would resume.\n", sources) == []


# -- a possessive before a name ("Her coach, X") is someone else's: no vote for X ---------------
def test_a_possessive_owning_the_next_name_does_not_gender_that_person():
    # "Her coach, Tomas Hegarty, who has trained her since she was a teenager, said ... she": the
    # athlete's pronouns, not the coach's (the sources never gender him).
    assert _person(DOPING, "Hegarty").gender not in ("female", "male")
    text = ("Kinsella's coach, Tomas Hegarty, said on Tuesday that she was still running six days a week. "
            '"Whatever happens in Lausanne, I\'ll be standing beside her," he said.\n')
    assert flagged("facts.Pronouns", text, DOPING) == []


def test_invented_a_possessive_owning_the_next_name(tmp_path):
    sources = write_sources(tmp_path, "Brisa Lusk was cleared on Friday. Her lawyer, Anselm Treadgold, who has "
                                 "represented her since she was charged, said she would sue.\n")
    assert _person(sources, "Treadgold").gender not in ("female", "male")


# -- a committee named by its field in lowercase ("the Senate health committee") ------------------
def test_a_committees_field_against_the_sources_committee():
    text = ("Sen. Deirdre Mulcahy, who chairs the Oireachtas health committee, said she would invite both "
            "the agency and the federation.\n")
    assert flagged("facts.Titles", text, DOPING) == ["who chairs the Oireachtas health committee"]
    text = ("Sen. Deirdre Mulcahy, who chairs the Oireachtas sport committee, said she would invite both "
            "the agency and the federation.\n")
    assert flagged("facts.Titles", text, DOPING) == []


def test_invented_a_committees_field(tmp_path):
    sources = write_sources(tmp_path, "Sen. Tamsin Delacourt, who chairs the Senate Committee on Agriculture, said "
                                 "the hearing would be held in March.\n")
    assert flagged("facts.Titles", "Sen. Tamsin Delacourt, who chairs the Senate transportation committee, "
                                   "said the hearing would be held.\n", sources) != []
    assert flagged("facts.Titles", "Sen. Tamsin Delacourt, who chairs the Senate agriculture committee, "
                                   "said the hearing would be held.\n", sources) == []


# -- a notes' header line: "2) ANN ROE -- County Clerk", "3) SEN. ANN ROE (R-X) -- Leader" ---------
def test_a_notes_header_line_gives_the_title():
    text = "Scott County Clerk Wendell Pruitt said his office would have to redo precinct assignments.\n"
    assert flagged("facts.Titles", text, REDISTRICTING) == ["Scott County Clerk"]
    pruitt = _person(REDISTRICTING, "Pruitt")
    assert pruitt.canonical == "Wendell Pruitt"
    assert [(t.role, t.affiliation) for t in _person(REDISTRICTING, "Mott").titles
            if t.family == "majority leader"][0][1] == "Senate"


def test_invented_a_notes_header_line(tmp_path):
    sources = write_sources(tmp_path, "REPORTER'S NOTES\n\n"
                                 "==========\n"
                                 "1) CORVIN FAIRWEATHER -- Ashgrove County Treasurer\n"
                                 "   Phone, approx. 2:15 p.m.\n"
                                 "==========\n\n"
                                 "Fairweather said the levy would pass.\n")
    assert flagged("facts.Titles", "Quenby County Treasurer Corvin Fairweather said the levy would pass.\n",
                   sources) == ["Quenby County Treasurer"]


# -- "finance chief" is the chief financial officer -------------------------------------------------
def test_a_chief_named_by_its_field():
    text = ("Angela Dubois, the district's former finance chief, said the pay package would cost about "
            "$1.3 million.\n")
    assert flagged("facts.Titles", text, SCHOOLBUS) == ["former finance chief"]
    text = "Angela Dubois, the district's finance chief, said the pay package would cost about $1.3 million.\n"
    assert flagged("facts.Titles", text, SCHOOLBUS) == []


# -- a current title for a post the sources say the person left -----------------------------------
def test_a_current_title_for_a_post_the_person_resigned():
    text = ("Cottonwood Plains President Gerald Pruitt, the grandson of one of the bank's founders, said in a "
            "written statement that he regretted the closing.\n")
    findings = lint("facts.Titles", text, BANKFAILURE)
    assert [f.text for f in findings] == ["Cottonwood Plains President"]
    assert findings[0].severity == "warning"
    # The draft says so itself.
    text = "Gerald Pruitt, the bank's longtime president and chief executive, resigned this spring.\n"
    assert flagged("facts.Titles", text, BANKFAILURE) == []


def test_invented_a_current_title_for_a_post_left(tmp_path):
    sources = write_sources(tmp_path, "Orrin Threlkeld, the cooperative's general manager since 2015, resigned in "
                                 "June. Threlkeld said he was proud of the plant.\n")
    text = "Cooperative General Manager Orrin Threlkeld said the plant would stay open.\n"
    assert flagged("facts.Titles", text, sources) == ["Cooperative General Manager"]
    sources = write_sources(tmp_path, "Orrin Threlkeld, the cooperative's general manager, has not resigned, a board "
                                 "member said. Threlkeld said he was proud of the plant.\n", folder="kept")
    assert flagged("facts.Titles", text, sources) == []


# -- "the panel's ranking Democrat" for the committee's chair ---------------------------------------
def test_a_ranking_member_named_by_party_is_no_chair():
    text = "The hearing was opened by Sen. Carolyn Meeks, the panel's ranking Democrat.\n"
    assert flagged("facts.Titles", text, BANKFAILURE) == ["the panel's ranking Democrat"]


# -- "co-owner", "solicitor": roles that make a name a person's ----------------------------------
def test_a_co_owner_and_a_solicitor_are_people_named_in_the_sources():
    text = "Linda Voss estimates that the outbreak will cost the farm about $410,000 this year.\n"
    assert flagged("facts.Names", text, AVIANFLU) == ["Linda Voss"]
    text = "Her solicitor, Cathal Brehany, said the agency's evidence did not settle the question.\n"
    assert flagged("facts.Names", text, DOPING) == ["Cathal Brehany"]


def test_invented_a_solicitor_and_a_co_owner(tmp_path):
    sources = write_sources(tmp_path, "Her solicitor, Piers Anstruther-Gow, said the appeal was lodged.\n\n"
                                 "1) MIREILLE THISTLEWOOD -- co-owner, Thistlewood Orchards\n"
                                 "- Lost half the trees in the frost.\n")
    names = {p.canonical for p in registry_of(sources).people}
    assert {"Piers Anstruther-Gow", "Mireille Thistlewood"} <= names


# -- a committee's chair is not the chamber's majority leader ------------------------------------
def test_a_committee_chair_is_not_the_chambers_majority_leader():
    pension = (EVAL / "pension" / "sources",)
    text = ("Senate Majority Leader Evelyn Marsh, a Linwood Republican, said she supported a deposit in "
            "principle.\n")
    assert flagged("facts.Titles", text, pension) == ["Senate Majority Leader"]


# -- a signature block or contact: "Ann Roe" / "Director of Communications" / "Acme Corp." -------
def test_a_signature_blocks_title_line():
    factory = (EVAL / "factory" / "sources",)
    ashworth = _person(factory, "Ashworth")
    assert (ashworth.canonical, ashworth.titles[0].role, ashworth.titles[0].affiliation) == \
        ("Gregory Ashworth", "director", "Corwell Industries Inc Human Resources")
    minecollapse = (EVAL / "minecollapse" / "sources",)
    assert [t.role for t in _person(minecollapse, "Osei").titles] == ["director"]


def test_invented_a_signature_block(tmp_path):
    sources = write_sources(tmp_path, "Garrowby Freight Lines will close its Elmstead depot in March.\n\n"
                                 "Sincerely,\n\n"
                                 "Wystan Ransome\n"
                                 "Vice President, Terminal Operations\n"
                                 "Garrowby Freight Lines\n\n"
                                 "Media contact:\n"
                                 "Odile Fanshawe\n"
                                 "Director of Communications\n"
                                 "(555) 010-2020\n")
    ransome, fanshawe = _person(sources, "Ransome"), _person(sources, "Fanshawe")
    assert [(t.role, t.affiliation) for t in ransome.titles] == [("vice president", "Garrowby Freight Lines Terminal Operations")]
    assert [(t.role, t.affiliation) for t in fanshawe.titles] == [("director", "Communications")]
    # A line that is a sentence is no title: "Ann Roe\nDirector of the lab since 2019."
    sources = write_sources(tmp_path, "The lab reopened.\n\nNotes:\nWystan Ransome\nDirector of the lab since 2019.\n",
                       folder="prose")
    assert all(not p.titles for p in registry_of(sources).people if p.surname == "Ransome")


# -- the organisation's spokesperson for someone the sources give only a post there outside communications
def test_a_spokesperson_for_the_director_of_an_office():
    text = ("Kimbrough told senators, relaying a message from Priya Raman, the FDIC's chief spokeswoman, that "
            "the dividend was paid.\n")
    findings = lint("facts.Titles", text, BANKFAILURE)
    assert [(f.text, f.severity) for f in findings] == [("the FDIC's chief spokeswoman", "warning")]
    # "heads the FDIC's Kansas City regional office": the sources' post, reworded.
    text = "Priya Raman, who heads the FDIC's Kansas City regional office, said depositors would be paid.\n"
    assert flagged("facts.Titles", text, BANKFAILURE) == []


def test_invented_a_spokesperson_for_a_unit_director(tmp_path):
    sources = write_sources(tmp_path, "Idris Penhallow, director of the Coastal Survey Authority's Tidewater Field "
                                 "Office, said the buoys were replaced. Penhallow, the CSA's field office "
                                 "director, said more would follow.\n")
    assert flagged("facts.Titles", "Idris Penhallow, a CSA spokesman, said the buoys were replaced.\n",
                   sources) == ["a CSA spokesman"]
    sources = write_sources(tmp_path, "Idris Penhallow, director of communications for the Coastal Survey Authority, "
                                 "said the buoys were replaced. Penhallow, the CSA's communications director, "
                                 "said more would follow.\n", folder="speaks")
    assert flagged("facts.Titles", "Idris Penhallow, a CSA spokesman, said the buoys were replaced.\n",
                   sources) == []


def test_invented_a_post_left_is_the_one_named_with_the_departure(tmp_path):
    sources = write_sources(tmp_path, "Orrin Threlkeld, a board member, stepped down as board chair in 2019. "
                                 "Threlkeld said he was proud of the plant.\n")
    assert flagged("facts.Titles", "Board member Orrin Threlkeld said the plant would stay open.\n", sources) == []
    sources = write_sources(tmp_path, "Orrin Threlkeld resigned as the cooperative's general manager in June. "
                                 "Threlkeld, the general manager since 2015, said he was proud.\n", folder="as")
    assert flagged("facts.Titles", "Cooperative General Manager Orrin Threlkeld said the plant would stay open.\n",
                   sources) == ["Cooperative General Manager"]
