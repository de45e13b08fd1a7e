"""People (names, titles, pronouns) of the stories written blind in session 9 (tests/eval: wolves,
cryptoexchange, bribery, concussion, outbreak, zoo ...), each fixed at its general cause and tested
on the story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, registry_of, write_sources

EVAL = ROOT / "tests" / "eval"
WOLVES = (EVAL / "wolves" / "sources",)
BRIBERY = (EVAL / "bribery" / "sources",)
CRYPTO = (EVAL / "cryptoexchange" / "sources",)
CONCUSSION = (EVAL / "concussion" / "sources",)
OUTBREAK = (EVAL / "outbreak" / "sources",)
ZOO = (EVAL / "zoo" / "sources",)
STORM = (EVAL / "storm" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


def _person(sources, surname: str):
    return next(p for p in registry_of(sources).people if p.canonical.split()[-1] == surname)


# -- a title given by a verb: "who chairs/heads/leads/runs/oversees the <unit in lowercase>" ------
def test_a_verb_names_an_office_at_a_unit_written_in_lowercase():
    text = ("Curtis Wahlgren, who chairs the compensation board, told the committee that claims were "
            "running ahead of last year's pace.\n")
    assert flagged("facts.Titles", text, WOLVES) == ["who chairs the compensation board"]
    # His own post, given by a verb, and the chair's: no finding.
    text = "Margaret Solberg, who chairs the compensation board, said the fund was nearly empty.\n"
    assert flagged("facts.Titles", text, WOLVES) == []


def test_a_verb_names_an_office_at_a_unit_of_an_organisation():
    text = ("Renee Castellanos, who heads the FBI's Pittsburgh field office, said corruption in local "
            "government erodes the public's trust.\n")
    assert flagged("facts.Titles", text, BRIBERY) == ["FBI's Pittsburgh field office"]
    text = ("Renee Castellanos, who heads the FBI's Philadelphia field office, said corruption in local "
            "government erodes the public's trust.\n")
    assert flagged("facts.Titles", text, BRIBERY) == []


def test_a_unit_described_in_lowercase_is_named_by_its_proper_words_only():
    # The sources' "administrator of FEMA Region 7, whose office in Kansas City ...": the same office.
    text = "Victor Quintanilla, who heads FEMA's regional office in Kansas City, said a center would open.\n"
    assert flagged("facts.Titles", text, STORM) == []


def test_a_verb_names_a_subcommittee_and_its_field_in_the_sources():
    paloma = _person(CRYPTO, "Paloma")
    assert any(t.role == "chair" and t.affiliation == "Senate subcommittee on financial technology"
               for t in paloma.titles)
    text = "Sen. Gregory Paloma, who chairs the Senate Banking Committee, said he would hold hearings.\n"
    assert flagged("facts.Titles", text, CRYPTO) == ["who chairs the Senate Banking Committee"]


def test_invented_verb_titles(tmp_path):
    sources = write_sources(tmp_path, "The grants board met on Tuesday. The board is chaired by Odalys Prewitt, "
                                 "a retired pharmacist. Board chair Odalys Prewitt said the fund was solvent.\n\n"
                                 "Berend Tuxworth, the board's executive director, said payments were on time. "
                                 "Tuxworth said the backlog had cleared.\n\n"
                                 "Ysolde Quennell, director of the Dunmere County Water Division, said the pipes "
                                 "were old.\n")
    text = "Berend Tuxworth, who chairs the grants board, said payments were on time.\n"
    assert flagged("facts.Titles", text, sources) == ["Berend Tuxworth, who chairs the grants board"]
    text = "Odalys Prewitt, who leads the grants board, said the fund was solvent.\n"
    assert flagged("facts.Titles", text, sources) == []
    text = "Ysolde Quennell, who runs the county's water division, said the pipes were old.\n"
    assert flagged("facts.Titles", text, sources) == []
    # A unit described in lowercase is named by its proper words: another county's office, not this one's.
    text = "Ysolde Quennell, who oversees the Dunmere County parks office, said the pipes were old.\n"
    assert flagged("facts.Titles", text, sources) == []
    text = "Ysolde Quennell, who oversees the Kelderhoff County water office, said the pipes were old.\n"
    assert flagged("facts.Titles", text, sources) == ["Kelderhoff County water office"]


# -- "who has served as X since ...": the title after "as" -------------------------------------
def test_a_title_after_who_has_served_as():
    ortiz = _person(CONCUSSION, "Ortiz")
    assert [(t.role, t.status) for t in ortiz.titles] == [("head athletic trainer", "current")]
    text = ("The trainer, former Ardmore Valley athletic trainer Janelle Ortiz, was not included on a "
            "group text.\n")
    assert flagged("facts.Titles", text, CONCUSSION) == ["former Ardmore Valley athletic trainer"]


def test_invented_a_title_after_who_serves_as(tmp_path):
    sources = write_sources(tmp_path, "Thaddeus Vandeberg, who has served as Crestmoor Academy's head athletic "
                                 "trainer since 2019, said the team was healthy. Vandeberg said no player had "
                                 "missed a game.\n")
    text = "Former Crestmoor Academy athletic trainer Thaddeus Vandeberg said the team was healthy.\n"
    assert flagged("facts.Titles", text, sources) == ["Former Crestmoor Academy athletic trainer"]
    text = "Crestmoor Academy athletic trainer Thaddeus Vandeberg said the team was healthy.\n"
    assert flagged("facts.Titles", text, sources) == []


# -- "chief of X" is a post, not a rank before a name ------------------------------------------
def test_chief_of_a_department_is_a_post():
    text = ("Dr. Jonah Albrecht, the hospital's chief of pediatrics, said the emergency department had "
            "treated 38 patients.\n")
    assert flagged("facts.Titles", text, OUTBREAK) == ["the hospital's chief of pediatrics"]
    text = ("Dr. Jonah Albrecht, the hospital's medical director of emergency medicine, said the emergency "
            "department had treated 38 patients.\n")
    assert flagged("facts.Titles", text, OUTBREAK) == []


def test_invented_chief_of_a_department(tmp_path):
    sources = write_sources(tmp_path, "Dr. Wilhelmina Mortlock, the clinic's director of radiology, said the "
                                 "scanner was repaired. Mortlock said it would reopen Monday.\n")
    text = "Dr. Wilhelmina Mortlock, the clinic's chief of surgery, said the scanner was repaired.\n"
    assert flagged("facts.Titles", text, sources) == ["the clinic's chief of surgery"]
    # A rank before a name is still compared only with the sources' ranks.
    text = "Chief Wilhelmina Mortlock said the scanner was repaired.\n"
    assert flagged("facts.Titles", text, sources) == []


# -- a curator is a post: "Deputy Director X" for the sources' curator --------------------------
def test_a_curator_holds_a_post():
    text = 'Deputy Director Thomas Vandermeer told the federal inspector that keepers had been "jiggling it".\n'
    assert flagged("facts.Titles", text, ZOO) == ["Deputy Director"]
    text = 'Curator Thomas Vandermeer told the federal inspector that keepers had been "jiggling it".\n'
    assert flagged("facts.Titles", text, ZOO) == []


# -- a past post the sources give as another past post -------------------------------------------
def test_a_former_post_that_the_sources_give_as_another_former_post():
    marchetti = _person(CRYPTO, "Marchetti")
    assert [(t.role, t.affiliation, t.status) for t in marchetti.titles] == [("head", "compliance", "former")]
    text = "Tessa Marchetti, Kestrel's former general counsel, says she told the company's board in March 2023.\n"
    findings = lint("facts.Titles", text, CRYPTO)
    assert [f.text for f in findings] == ["Kestrel's former general counsel"]
    assert findings[0].severity == "warning" and "head of compliance" in findings[0].message
    text = "Tessa Marchetti, Kestrel's former head of compliance, says she told the company's board in March 2023.\n"
    assert flagged("facts.Titles", text, CRYPTO) == []


def test_invented_a_former_post(tmp_path):
    sources = write_sources(tmp_path, "Perpetua Quarrington, the cooperative's director of operations from 2017 "
                                 "until March 2022, said the books were sound. Quarrington said she left in 2022.\n")
    text = "Perpetua Quarrington, the cooperative's former treasurer, said the books were sound.\n"
    assert flagged("facts.Titles", text, sources) == ["the cooperative's former treasurer"]
    text = "Perpetua Quarrington, the cooperative's former director of operations, said the books were sound.\n"
    assert flagged("facts.Titles", text, sources) == []
    # Sources that give only a current post say nothing of the person's past ones.
    sources = write_sources(tmp_path, "Perpetua Quarrington, the cooperative's director of operations, said the "
                                 "books were sound. Quarrington said the audit was done.\n", folder="now")
    text = "Perpetua Quarrington, the cooperative's former treasurer, said the books were sound.\n"
    assert flagged("facts.Titles", text, sources) == []


# -- a question's auxiliary verb is no given name ------------------------------------------------
def test_a_questions_auxiliary_is_not_a_given_name():
    assert not [p for p in registry_of(CONCUSSION).people if p.canonical.split()[0] == "Did"]


def test_invented_a_questions_auxiliary(tmp_path):
    sources = write_sources(tmp_path, "MS. KEMPE: Let us talk about Ravindra Solano. He was a junior?\n\n"
                                 "MR. HALVARD: Yes.\n\nMS. KEMPE: Did Ravindra play in the game on Friday?\n\n"
                                 "MR. HALVARD: He did.\n\n"
                                 "His mother said Ravindra, 17, now a senior, no longer plays any sport.\n")
    names = {p.canonical for p in registry_of(sources).people}
    assert not any(n.split()[0] in ("Did", "Does") for n in names)


# -- a title given by the sentence's verb: "X chairs the grants board." --------------------------
def test_a_sentence_verb_names_an_office():
    text = "Curtis Wahlgren chairs the compensation board and said claims were running ahead of last year's pace.\n"
    assert flagged("facts.Titles", text, WOLVES) == ["chairs the compensation board"]
    text = "Margaret Solberg chairs the compensation board and said the fund was nearly empty.\n"
    assert flagged("facts.Titles", text, WOLVES) == []


def test_invented_a_sentence_verb_names_an_office(tmp_path):
    sources = write_sources(tmp_path, "The grants board met on Tuesday. Board chair Odalys Prewitt said the fund "
                                 "was solvent. Prewitt said the board would meet again.\n\n"
                                 "Berend Tuxworth, the board's executive director, said payments were on time. "
                                 "Tuxworth, 61, runs the Dunmere County clinic and directs its volunteers.\n")
    text = "Berend Tuxworth chairs the grants board. He said payments were on time.\n"
    assert flagged("facts.Titles", text, sources) != []
    text = "Odalys Prewitt chairs the grants board. She said the fund was solvent.\n"
    assert flagged("facts.Titles", text, sources) == []
    # Inside a quotation, the speaker's words are no title.
    text = 'A member said: "Odalys Prewitt runs the board like a fief." Prewitt said the fund was solvent.\n'
    assert flagged("facts.Titles", text, sources) == []
    tuxworth = next(p for p in registry_of(sources).people if p.canonical == "Berend Tuxworth")
    assert any(t.affiliation == "Dunmere County clinic" for t in tuxworth.titles)


def test_invented_a_lowercase_kind_before_a_units_proper_name(tmp_path):
    sources = write_sources(tmp_path, "Dr. Wilhelmina Mortlock, who heads the county Department of Public Health, "
                                 "said the clinics were open. Mortlock said staff were ready.\n")
    mortlock = next(p for p in registry_of(sources).people if p.canonical == "Wilhelmina Mortlock")
    assert [(t.role, t.affiliation) for t in mortlock.titles] == [("head", "county Department of Public Health")]


# -- a chief's post for someone the sources give a staff post there ------------------------------
AVIANFLU = (EVAL / "avianflu" / "sources",)


def test_a_chief_officer_for_a_staff_scientist():
    text = ("Dr. Samuel Okafor, the U.S. Department of Agriculture's chief veterinary officer, said genetic "
            "sequencing showed the viruses were identical.\n")
    findings = lint("facts.Titles", text, AVIANFLU)
    assert [(f.text, f.severity) for f in findings] == [
        ("the U.S. Department of Agriculture's chief veterinary officer", "warning")]
    text = ("Dr. Samuel Okafor, an epidemiologist with the U.S. Department of Agriculture, said genetic "
            "sequencing showed the viruses were identical.\n")
    assert flagged("facts.Titles", text, AVIANFLU) == []


def test_invented_a_chief_officer_for_a_staff_scientist(tmp_path):
    sources = write_sources(tmp_path, "Dr. Ysolde Quarrington, a research scientist at the Dunmere Water Authority, "
                                 "said the samples were clean. Quarrington said tests would continue.\n")
    text = "Dr. Ysolde Quarrington, the Dunmere Water Authority's chief science officer, said the samples were clean.\n"
    assert flagged("facts.Titles", text, sources) == ["the Dunmere Water Authority's chief science officer"]
    text = "Dr. Ysolde Quarrington, a scientist at the Dunmere Water Authority, said the samples were clean.\n"
    assert flagged("facts.Titles", text, sources) == []


# -- names: the sources' own minority slips ------------------------------------------------------
ETHICS = (EVAL / "ethics" / "sources",)


def test_a_surname_the_sources_write_once_is_their_slip():
    # 01 writes "the mayor and Lindquist" once; "Lindqvist" a dozen times.
    text = "Curtis Lindquist, who owns the paving company, did not respond to a request for comment.\n"
    assert flagged("facts.Names", text, ETHICS) == ["Curtis Lindquist"]
    assert flagged("facts.Names", text.replace("Lindquist", "Lindqvist"), ETHICS) == []


def test_the_surname_most_mentions_write_is_the_full_names():
    # A witness list's "Kevin March" once; "Mr. Marsh" twice in the same transcript.
    marsh = registry_of(ZOO).find("Kevin Marsh")
    assert marsh is not None and marsh.canonical == "Kevin Marsh"
    assert [v.form for v in marsh.variants if v.wrong] == ["Kevin March"]
    text = "Kevin March, president of AFSCME Local 1187, told a City Council committee that the zoo has 34 keepers.\n"
    assert flagged("facts.Names", text, ZOO) == ["Kevin March"]


def test_invented_minority_surnames(tmp_path):
    sources = write_sources(tmp_path, "Present: Tobiah Quillsby, President, Dunmere Growers Union.\n\n"
                                 "CHAIR: Mr. Quilsby, go ahead.\n\nMR. QUILSBY: Thank you. Prices fell.\n\n"
                                 "CHAIR: Mr. Quilsby, thank you.\n", folder="hearing")
    person = next(p for p in registry_of(sources).people if p.surname == "Quilsby")
    assert person.canonical == "Tobiah Quilsby"
    sources = write_sources(tmp_path, "Maighread Brennagh chaired the meeting. Brennagh said the vote would wait.\n\n"
                                 "Maighread Brennagh said the board met twice. Brennagh said so again.\n\n"
                                 "The clerk read a letter to the chair and Brenagh before the vote.\n", folder="board")
    text = "Maighread Brenagh said the vote would wait.\n"
    assert flagged("facts.Names", text, sources) == ["Maighread Brenagh"]


def test_invented_who_has_served_as_with_nothing_after(tmp_path):
    # "who has served as" cut off by a comma: no title, and no failure.
    sources = write_sources(tmp_path, "Maighread Brennagh, who has served as, in her words, everything, said the "
                                 "board met. Brennagh said so twice.\n")
    brennagh = registry_of(sources).find("Maighread Brennagh")
    assert brennagh is not None and brennagh.titles == []
    assert flagged("facts.Titles", "Maighread Brennagh, who has served as, in her words, everything, said so.\n",
                   sources) == []
